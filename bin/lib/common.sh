# shellcheck shell=bash disable=SC2034
# Shared by the scripts in bin/ (source it, don't run it).
# Sets REPO, STACK_DIR, the stack's ports and addresses, and the log/die helpers.
# Every port, and the stack directory (BIC_STACK_DIR), can be overridden from the environment before calling any bin/ script.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_DIR="${BIC_STACK_DIR:-$REPO/.stack}"   # BIC_STACK_DIR: a private stack (bin/chaos) beside the usual one

BIC_PG_PORT="${BIC_PG_PORT:-15432}"
BIC_KAFKA_PORT="${BIC_KAFKA_PORT:-19092}"
BIC_KAFKA_CONTROLLER_PORT="${BIC_KAFKA_CONTROLLER_PORT:-$((BIC_KAFKA_PORT + 1))}"
BIC_ES_PORT="${BIC_ES_PORT:-19200}"
BIC_ES_TRANSPORT_PORT="${BIC_ES_TRANSPORT_PORT:-$((BIC_ES_PORT + 100))}"

# What clients use (the services' config and the tests read these).
BIC_JDBC_URL="jdbc:postgresql://127.0.0.1:$BIC_PG_PORT"   # + /bioimage, /bioimage_test, /bioimage_e2e
BIC_KAFKA_BOOTSTRAP="127.0.0.1:$BIC_KAFKA_PORT"
BIC_ES_URL="http://127.0.0.1:$BIC_ES_PORT"

# How bin/catalog (and the benchmarks) run each service's JVM; BIC_SERVICE_JAVA_OPTS overrides it. Serial GC and a
# small initial heap that gives memory back keep an idle service small (bin/bench services measures it).
DEFAULT_SERVICE_JAVA_OPTS="-Xmx384m -Xms32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k"

log() { printf '%s: %s\n' "${LOG_TAG:-bic}" "$*"; }
die() { printf '%s: ERROR: %s\n' "${LOG_TAG:-bic}" "$*" >&2; exit 1; }

# A top-level string, number or boolean field of a flat JSON answer (the first occurrence; Jackson writes no spaces).
json_field() { grep -o "\"$1\":\(\"[^\"]*\"\|-\?[0-9.]*\|true\|false\)" | head -n 1 | cut -d: -f2- | tr -d '"'; }
