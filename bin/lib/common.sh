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

# The replay server (bin/catalog replay, bin/chaos, bin/bench pipeline): one JDK-only source file of the bench module,
# run by Java's source launcher so that it needs no build.
REPLAY_SERVER="$REPO/bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java"

# Packages MODULE (with the modules it needs, tests skipped) when ARTIFACT is missing or older than any of PATHS.
# Usage: package_if_stale ARTIFACT MODULE PATHS...
package_if_stale() {
  local artifact=$1 module=$2; shift 2
  if [[ ! -e "$artifact" ]] || [[ -n "$(find "$@" -newer "$artifact" -print -quit)" ]]; then
    log "building $module (./mvnw -B -o -q package -DskipTests -pl $module -am)" >&2
    (cd "$REPO" && ./mvnw -B -o -q package -DskipTests -pl "$module" -am) >&2 \
      || die "$module did not build; run './mvnw -B package -DskipTests -pl $module -am' to see why"
    touch "$artifact"   # an unchanged jar is left as it was: the next check must not build again
  fi
}

# The classpath of the benchmark programs (the bench module: bench/target/bench.jar and its libraries), packaged first
# when missing or older than its sources or those of the modules it uses (catalog-model, harvester, search).
bench_classpath() {
  package_if_stale "$REPO/bench/target/bench.jar" bench "$REPO/bench/src/main" "$REPO/bench/pom.xml" \
    "$REPO/catalog-model/src/main" "$REPO/harvester-service/src/main" "$REPO/search-service/src/main"
  echo "$REPO/bench/target/bench.jar:$REPO/bench/target/lib/*"
}

# A top-level string, number or boolean field of a flat JSON answer (the first occurrence; Jackson writes no spaces).
json_field() { grep -o "\"$1\":\(\"[^\"]*\"\|-\?[0-9.]*\|true\|false\)" | head -n 1 | cut -d: -f2- | tr -d '"'; }
