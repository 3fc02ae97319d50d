#!/usr/bin/env bash
# bin/bench pipeline — the whole pipeline at its own pace (issue 20, item 6): from a harvest run to every record
# searchable, in records/s, against a chain of plain clients doing the same writes, in one run:
#   1. synthesises N DataCite records from the IDR fixture studies (../shared/fixtures, seeded; PipelineCorpus): about
#      60% as Zenodo OAI-PMH pages (oai_datacite), 40% as DataCite REST pages (dryad); --shared-doi-percent of them
#      are a DOI both archives describe (one dataset, merged by the catalog), every other one names its article;
#   2. serves them with the replay server ($REPLAY_SERVER) and starts the four packaged services with start_service
#      (bin/lib/services.sh, as bin/catalog does), in a namespace of their own;
#   3. starts one harvest run per archive through the harvester's API and follows every stage until the last record
#      is searchable and the reuse tracker has applied every dataset: end-to-end records/s (run start -> last record
#      searchable), each stage's own rate, how far the reuse tracker fell behind, freshness p50/p95 (the harvester's
#      Kafka timestamp on records.harvested.v1 -> the first search by the record's DOI whose hits hold it, on sampled
#      records), both also after the first --warm-up-seconds (the JIT's), and each service's RSS and CPU per record
#      at the end; then checks the counts (source records, datasets, documents, tracked datasets);
#   4. raw reference: the same records produced to Kafka, upserted with JDBC batches, and the same search documents
#      sent with _bulk to a twin index: records/s of the chain, and the pipeline's ratio to it.
# Prints RESULT lines; exits non-zero when a record is lost (a stage stalls short of its count, or a count differs).
# The harvester's per-host politeness (5 requests/s in production) is off against the local replay server, unless
# --pages-per-second R paces the harvest (both archives are on one host: R pages of 100 records per second in all,
# e.g. 5 = 500 records/s, the rate of the freshness target). Needs the local stack (bin/stack start). Uses its own namespace and removes
# it at the end, also on failure: topics pipebench.*, consumer groups pipebench-*, database bic_pipebench, indices
# pipebench-*, services on ports 18591-18594 and the replay server on 18595 (BIC_BENCH_NS=x and BIC_BENCH_PORT=p,
# the first of five ports, for a second namespace). Program: bench/src/main/java/org/bioimagecatalog/bench/PipelineBench.java.
#
# Usage: bin/bench pipeline [--records N (2000)] [--seed S (42)] [--shared-doi-percent P (2)] [--pages-per-second R (0)]
#                          [--raw false] [--warm-up-seconds W (300)]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

USAGE="usage: bin/bench pipeline [--records N (2000)] [--seed S (42)] [--shared-doi-percent P (2)] [--pages-per-second R (0: unpaced)] [--raw false] [--warm-up-seconds W (300)]"
RECORDS=2000 SEED=42 SHARED=2 RAW=true PACE=0 WARM=300
while (($#)); do
  (($# >= 2)) || die "$1 needs a value; $USAGE"
  case $1 in
    --records) RECORDS=$2 ;;
    --seed) SEED=$2 ;;
    --shared-doi-percent) SHARED=$2 ;;
    --raw) RAW=$2 ;;
    --pages-per-second) PACE=$2 ;;
    --warm-up-seconds) WARM=$2 ;;
    *) die "unknown option $1; $USAGE" ;;
  esac
  shift 2
done
[[ "$RECORDS" =~ ^[1-9][0-9]{0,7}$ ]] && ((RECORDS <= 1000000)) || die "--records must be a whole number from 1 to 1000000, got '$RECORDS'"
[[ "$SEED" =~ ^-?[0-9]+$ ]] || die "--seed must be a whole number, got '$SEED'"
[[ "$SHARED" =~ ^[0-9]+(\.[0-9]+)?$ ]] && awk -v p="$SHARED" 'BEGIN { exit !(p <= 30) }' \
  || die "--shared-doi-percent must be a number from 0 to 30, got '$SHARED'"
[[ "$PACE" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--pages-per-second must be a number (0: unpaced), got '$PACE'"
[[ "$WARM" =~ ^[0-9]+$ ]] || die "--warm-up-seconds must be a whole number of seconds, got '$WARM'"
[[ "$RAW" == true || "$RAW" == false ]] || die "--raw is true or false, got '$RAW'"

NS="${BIC_BENCH_NS:-pipebench}"
[[ "$NS" =~ ^[a-z][a-z0-9]*$ ]] || die "BIC_BENCH_NS must be lower-case letters and digits, got '$NS'"
BASE="${BIC_BENCH_PORT:-18591}"
SERVICES=(harvester catalog search reuse)
declare -A PORT=([harvester]=$BASE [catalog]=$((BASE + 1)) [search]=$((BASE + 2)) [reuse]=$((BASE + 3)))
REPLAY_PORT=$((BASE + 4))
DB="bic_$NS" TOPIC_PREFIX="$NS." INDEX_PREFIX="$NS-"
GROUPS_="$NS-catalog-service,$NS-search-service,$NS-reuse-tracker-service"
WORK="$REPO/target/$NS"; mkdir -p "$WORK/run"
RUN_DIR="$WORK/run" LOG_DIR="$WORK" SERVICE_DB="$DB" READY_SECONDS=240   # for services.sh
FIXTURES="${BIC_FIXTURES:-$REPO/../shared/fixtures}"
[[ -d "$FIXTURES/idr/study-files" ]] || FIXTURES=/work/shared/fixtures
[[ -d "$FIXTURES/idr/study-files" ]] || die "no IDR fixture studies in $FIXTURES/idr/study-files (set BIC_FIXTURES)"
for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT" "$BIC_ES_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
done
command -v psql >/dev/null || die "psql is missing (it comes with the stack's PostgreSQL; bin/stack start)"
for port in "${PORT[@]}" "$REPLAY_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken: another bin/bench pipeline? (BIC_BENCH_PORT=p for other ports)"
done

for s in "${SERVICES[@]}"; do
  package_if_stale "$REPO/${MODULE[$s]}/target/quarkus-app/quarkus-run.jar" "${MODULE[$s]}" "$REPO/${MODULE[$s]}/src" \
    "$REPO/catalog-model/src" "$REPO/service-security/src"
done
BENCH_CP="$(bench_classpath)"
# the corpus is held in memory: 1M records are 1.5 GB live and 3.6 GB at the peak of writing their pages
BENCH_HEAP_MB=$((RECORDS <= 200000 ? 1500 : RECORDS * 6 / 1000))
bench() {
  local command=$1; shift
  java -Xmx${BENCH_HEAP_MB}m -cp "$BENCH_CP" org.bioimagecatalog.bench.PipelineBench "$command" --kafka "$BIC_KAFKA_BOOTSTRAP" \
    --topic-prefix "$TOPIC_PREFIX" --groups "$GROUPS_" --records "$RECORDS" --seed "$SEED" --shared-doi-percent "$SHARED" \
    --fixtures "$FIXTURES" --replay-url "http://127.0.0.1:$REPLAY_PORT/" --work "$WORK" "$@" 2>&1 | sed -u '/SLF4J/d'
}
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }

stop_started() {   # only the processes this script started, by their pid files
  local s
  for s in "${SERVICES[@]}" replay; do stop_service "$s" >/dev/null; done
}
cleanup() {
  log "cleaning up: services, replay server, topics ${TOPIC_PREFIX}*, consumer groups $GROUPS_, indices ${INDEX_PREFIX}*, database $DB"
  stop_started
  bench topics-delete 2>/dev/null | sed 's/^/  /' || true
  for i in $(curl -fsS "$BIC_ES_URL/_cat/indices/${INDEX_PREFIX}*?h=index" 2>/dev/null); do curl -fsS -o /dev/null -X DELETE "$BIC_ES_URL/$i" || true; done
  psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK/replay" "$WORK/raw-bulk.ndjson"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -f "$RUN_DIR"/*.pid   # a pid file left by a run that was killed may name another process by now
cleanup

log "creating database $DB and topics ${TOPIC_PREFIX}* (as bin/stack creates the real ones)"
psql_ "CREATE DATABASE $DB"
bench topics-create
bench corpus --out "$WORK/replay"

log "starting the replay server on :$REPLAY_PORT serving $WORK/replay (log: $WORK/replay.log)"
java "$REPLAY_SERVER" "$WORK/replay" "$REPLAY_PORT" >"$WORK/replay.log" 2>&1 &
echo $! >"$RUN_DIR/replay.pid"

# the admin key of this run (the harvester's API starts runs for admins only), in the namespace's own keys file
BIC_API_KEYS_FILE="$WORK/api-keys"
source "$REPO/bin/lib/api-keys.sh"
rm -f "$KEYS_FILE"
BIC_BENCH_ADMIN_KEY="$(issue_key admin "$NS")"
export BIC_BENCH_ADMIN_KEY

# The namespace, and offsets committed every 0.5 s (not SmallRye's 5 s), so that a stage's committed position shows
# what it has applied within 0.5 s; the reuse tracker's scheduled collectors would ask the network: off.
declare -A EXTRA=(
  [harvester]="-Dbic.harvester.politeness.per-host-requests-per-second=$PACE"
  [catalog]="-Dmp.messaging.incoming.harvested.group.id=$NS-catalog-service -Dmp.messaging.incoming.harvested.auto.commit.interval.ms=500"
  [search]="-Dmp.messaging.incoming.datasets.group.id=$NS-search-service -Dmp.messaging.incoming.reuse-summaries.group.id=$NS-search-service -Dmp.messaging.incoming.datasets.auto.commit.interval.ms=500"
  [reuse]="-Dmp.messaging.incoming.datasets.group.id=$NS-reuse-tracker-service -Dmp.messaging.incoming.datasets.auto.commit.interval.ms=500 -Dbic.reuse.collect.every=off"
)
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"
log "service JVM options: ${BIC_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}"
for s in "${SERVICES[@]}"; do
  start_service "$s" "-Dbic.kafka.topic-prefix=$TOPIC_PREFIX -Dbic.elasticsearch.index-prefix=$INDEX_PREFIX ${EXTRA[$s]}"
done
for s in "${SERVICES[@]}"; do wait_ready "$s"; done
until curl -fsS -o /dev/null "http://127.0.0.1:$REPLAY_PORT/" 2>/dev/null; do
  pid_alive "$RUN_DIR/replay.pid" || { cat "$WORK/replay.log" >&2; die "the replay server stopped while starting"; }
  sleep 1
done
log "all four services ready; load $(cut -d' ' -f1-3 /proc/loadavg)"

pids=""; for s in "${SERVICES[@]}"; do pids+="${pids:+,}$s:$(cat "$RUN_DIR/$s.pid")"; done
status=0
bench run --harvester "http://127.0.0.1:${PORT[harvester]}" --search "http://127.0.0.1:${PORT[search]}" --es "$BIC_ES_URL" \
  --index-prefix "$INDEX_PREFIX" --jdbc "$BIC_JDBC_URL/$DB" --catalog-group "$NS-catalog-service" \
  --reuse-group "$NS-reuse-tracker-service" --pids "$pids" --raw "$RAW" --pages-per-second "$PACE" --warm-up-seconds "$WARM" || status=$?
log "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
