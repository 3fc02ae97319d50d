#!/usr/bin/env bash
# bin/bench services — start-up time and idle memory of each packaged service (issue 8, "Performance").
# Starts each service alone, exactly as 'bin/catalog up' does (same JVM options, BIC_SERVICE_JAVA_OPTS), on the
# local stack in a namespace of its own (database bic_bench_svc, topics benchsvc.*, indices benchsvc-*), and prints:
#   start-up: launch -> /q/health/ready answers 200 (wall clock), and Quarkus's own "started in" figure;
#   idle RSS: VmRSS of the process after it has been ready and idle for --idle seconds (default 20).
# Usage: bin/bench services [--idle SECONDS] [--runs N (1)]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

IDLE=20 RUNS=1
while (($#)); do
  case $1 in
    --idle) IDLE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) die "usage: bin/bench services [--idle SECONDS] [--runs N]" ;;
  esac
done

DB=bic_bench_svc NS=benchsvc
WORK="$REPO/target/bench"; mkdir -p "$WORK"
declare -A MODULE=([harvester]=harvester-service [catalog]=catalog-service [search]=search-service [reuse]=reuse-tracker-service)
SERVICES=(harvester catalog search reuse)
PORT=18590
for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT" "$BIC_ES_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
done
missing=()
for s in "${SERVICES[@]}"; do [[ -f "$REPO/${MODULE[$s]}/target/quarkus-app/quarkus-run.jar" ]] || missing+=("${MODULE[$s]}"); done
if ((${#missing[@]})); then
  log "building ${missing[*]}"
  (cd "$REPO" && ./mvnw -B -o -q package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am)
fi

psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
SVC_PID=
cleanup() {
  [[ -n "$SVC_PID" ]] && kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null || true
  for i in $(curl -fsS "$BIC_ES_URL/_cat/indices/${NS}-*?h=index" 2>/dev/null); do curl -fsS -o /dev/null -X DELETE "$BIC_ES_URL/$i" || true; done
  psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}
trap cleanup EXIT
cleanup
psql_ "CREATE DATABASE $DB"
: >"$WORK/bench-keys"

ms_now() { date +%s%3N; }
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"
log "JVM options: ${BIC_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}"
for run in $(seq "$RUNS"); do
  for s in "${SERVICES[@]}"; do
    logf="$WORK/services-$s.log"
    start=$(ms_now)
    # shellcheck disable=SC2086  # the options are a list of words
    java ${BIC_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS} \
      -Dquarkus.http.port="$PORT" -Dquarkus.datasource.jdbc.url="$BIC_JDBC_URL/$DB" \
      -Dkafka.bootstrap.servers="$BIC_KAFKA_BOOTSTRAP" -Dquarkus.elasticsearch.hosts="127.0.0.1:$BIC_ES_PORT" \
      -Dbic.kafka.topic-prefix="$NS." -Dbic.elasticsearch.index-prefix="$NS-" -Dbic.security.keys-file="$WORK/bench-keys" \
      -jar "$REPO/${MODULE[$s]}/target/quarkus-app/quarkus-run.jar" >"$logf" 2>&1 &
    SVC_PID=$!
    deadline=$((SECONDS + 180))
    until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do
      kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$logf" >&2; die "$s exited while starting"; }
      ((SECONDS < deadline)) || die "$s not ready after 180 s; see $logf"
      sleep 0.1
    done
    ready=$(($(ms_now) - start))
    quarkus=$(grep -o 'started in [0-9.]*s' "$logf" | head -1 | grep -o '[0-9.]*' || echo "?")
    sleep "$IDLE"   # idle on purpose: the figure is the memory of a service nobody calls
    rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$SVC_PID/status")
    printf 'RESULT services run %d: %-9s ready in %5d ms (Quarkus "started in" %ss), idle RSS %4d MB after %ds (target < 256 MB)\n' \
      "$run" "$s" "$ready" "$quarkus" $((rss_kb / 1024)) "$IDLE"
    kill "$SVC_PID"; wait "$SVC_PID" 2>/dev/null || true; SVC_PID=
  done
done
