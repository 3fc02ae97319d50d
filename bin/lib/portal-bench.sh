#!/usr/bin/env bash
# bin/bench portal [--requests N (200)] [--datasets N (50)] [--catalog-size N]: the portal's server time for the landing
# page and the search page, p50 and p95 over N sequential requests on loopback (curl's time_total), beside the same
# figures for each API call the page makes, straight to the service, so that the portal's own cost (rendering, its REST
# clients) can be read off: landing page − slowest of its parallel calls; search page − its one search call.
# Without --catalog-size: measures the system that is up (bin/catalog up), at whatever size it holds.
# With --catalog-size N (issue 19, "Speed": 100000): brings up a system of its own holding N datasets and measures it:
#   1. a namespace of its own: database bic_portalbench, topics portalbench.*, indices portalbench-*, catalog-service,
#      search-service, reuse-tracker-service and the portal on ports 18682-18685 (BIC_BENCH_NS=x, BIC_BENCH_PORT=p for
#      another), started as bin/catalog starts them (bin/lib/services.sh), removed at the end, also on failure
#      (BIC_BENCH_KEEP=1 leaves them running, to look at the pages by hand or to measure again: the next run with
#      BIC_BENCH_KEEP=1 and the same size measures them without loading again, first restarting a service whose build
#      is newer than its process; any other run removes them);
#   2. N datasets written into the catalog's database by SQL (bin/lib/catalog-db-load.sql with -v publish=1:
#      real-shaped documents, their first versions and their outbox rows), which the running catalog-service then
#      publishes on datasets.v1, so that search-service indexes and the reuse tracker tracks the same ids;
#   3. waits until every dataset is searchable and tracked and indexing has been quiet for 5 s, then measures.
# Beside each p50/p95: the CPU time the measured process spent per request (from /proc; the portal's own for a page,
# the service's for an API call, Elasticsearch's not counted), which other processes on the machine do not inflate.
set -euo pipefail
LOG_TAG=bench-portal
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

USAGE="usage: bin/bench portal [--requests N (200)] [--datasets N (50)] [--catalog-size N]"
REQUESTS=200 DATASETS=50 SIZE=
while (($#)); do
  [[ $1 == --requests || $1 == --datasets || $1 == --catalog-size ]] || die "unknown option $1; $USAGE"
  (($# >= 2)) || die "$1 needs a value; $USAGE"
  case $1 in
    --requests) REQUESTS=$2 ;;
    --datasets) DATASETS=$2 ;;
    --catalog-size) SIZE=$2 ;;
  esac
  shift 2
done
[[ "$REQUESTS" =~ ^[1-9][0-9]{0,5}$ ]] || die "--requests must be a whole number from 1 to 999999, got '$REQUESTS'"
[[ "$DATASETS" =~ ^[1-9][0-9]{0,2}$ ]] && ((DATASETS <= 200)) || die "--datasets must be a whole number from 1 to 200 (one API page), got '$DATASETS'"
[[ -z "$SIZE" || "$SIZE" =~ ^[1-9][0-9]{0,6}$ ]] || die "--catalog-size must be a whole number from 1 to 9999999, got '$SIZE'"
load_line() { echo "load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; }

if [[ -n "$SIZE" ]]; then
  source "$REPO/bin/lib/services.sh"
  NS="${BIC_BENCH_NS:-portalbench}"
  [[ "$NS" =~ ^[a-z][a-z0-9]*$ ]] || die "BIC_BENCH_NS must be lower-case letters and digits, got '$NS'"
  base="${BIC_BENCH_PORT:-18682}"
  SERVICES=(catalog search reuse portal)
  declare -A PORT=([catalog]=$base [search]=$((base + 1)) [reuse]=$((base + 2)) [portal]=$((base + 3)))
  SERVICE_DB="bic_$NS" TOPIC_PREFIX="$NS." INDEX_PREFIX="$NS-"
  WORK="$REPO/target/$NS" RUN_DIR="$REPO/target/$NS/run" LOG_DIR="$REPO/target/$NS/logs" KEYS_FILE="$REPO/target/$NS/bench-keys"
  mkdir -p "$RUN_DIR" "$LOG_DIR"; : >"$KEYS_FILE"   # no API keys: the bench only reads
  for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT" "$BIC_ES_PORT"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
  done
  command -v psql >/dev/null || die "psql is missing (it comes with the stack's PostgreSQL; bin/stack start)"
  for s in "${SERVICES[@]}"; do
    package_if_stale "$(app_jar "$s")" "${MODULE[$s]}" "$REPO/${MODULE[$s]}/src" "$REPO/${MODULE[$s]}/pom.xml" \
      "$REPO/catalog-model/src" "$REPO/service-security/src"
  done
  BENCH_CP="$(bench_classpath)"
  # the topics as the catalog and search benches create them (datasets.v1 and reuse.summary.v1 compacted)
  topics() {
    java -cp "$BENCH_CP" org.bioimagecatalog.bench.CatalogBench "topics-$1" --kafka "$BIC_KAFKA_BOOTSTRAP" \
      --topic-prefix "$TOPIC_PREFIX" --group "$NS-catalog-service" --raw-group "$NS-reuse-tracker-service" 2>&1 | sed '/SLF4J/d'
    java -cp "$BENCH_CP" org.bioimagecatalog.bench.SearchBench "topics-$1" --kafka "$BIC_KAFKA_BOOTSTRAP" \
      --topic-prefix "$TOPIC_PREFIX" 2>&1 | sed '/SLF4J/d'
  }
  psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -X -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
  cleanup() {
    log "cleaning up: the services, topics ${TOPIC_PREFIX}*, indices ${INDEX_PREFIX}*, database $SERVICE_DB"
    local s
    for s in portal reuse search catalog; do stop_service "$s"; done
    topics delete 2>/dev/null | sed 's/^/  /' || true
    for i in $(curl -fsS "$BIC_ES_URL/_cat/indices/${INDEX_PREFIX}*?h=index" 2>/dev/null); do curl -fsS -o /dev/null -X DELETE "$BIC_ES_URL/$i" || true; done
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $SERVICE_DB WITH (FORCE)" >/dev/null || true
  }
  on_exit() {
    if [[ ${BIC_BENCH_KEEP:-} == 1 ]]; then
      log "kept (BIC_BENCH_KEEP=1): the portal at http://127.0.0.1:${PORT[portal]}/ and the services"
    else
      cleanup
    fi
  }
  trap on_exit EXIT
  ns_opts="-Dbic.kafka.topic-prefix=$TOPIC_PREFIX"
  declare -A opts=(
    [catalog]="$ns_opts -Dmp.messaging.incoming.harvested.group.id=$NS-catalog-service"
    [search]="$ns_opts -Dbic.elasticsearch.index-prefix=$INDEX_PREFIX -Dmp.messaging.incoming.datasets.group.id=$NS-search-service -Dmp.messaging.incoming.reuse-summaries.group.id=$NS-search-service"
    [reuse]="$ns_opts -Dmp.messaging.incoming.datasets.group.id=$NS-reuse-tracker-service -Dbic.reuse.collect.every=off"
    # no harvester in this namespace: its client points where nothing answers (the measured pages do not call it)
    [portal]="-Dquarkus.rest-client.harvester.url=http://127.0.0.1:$((base + 4))")
  READY_SECONDS=600   # four services start at once on a shared machine
  count() { curl -fsS "$BIC_ES_URL/${INDEX_PREFIX}*/_count" 2>/dev/null | json_field count; }
  indexed() { curl -fsS "$BIC_ES_URL/${INDEX_PREFIX}*/_stats/indexing" 2>/dev/null | grep -o '"index_total":[0-9]*' | head -n 1 | cut -d: -f2; }
  datasets() { psql_ -d "$SERVICE_DB" -Atc "SELECT count(*) FROM catalog.dataset${1:+ WHERE $1}" 2>/dev/null; }
  tracked() { psql_ -d "$SERVICE_DB" -Atc "SELECT count(*) FROM reuse.tracked_dataset" 2>/dev/null; }
  # a namespace an earlier BIC_BENCH_KEEP=1 run left complete: every service up, SIZE datasets, all searchable and tracked
  kept_complete() {
    local s live
    [[ ${BIC_BENCH_KEEP:-} == 1 ]] || return 1
    for s in "${SERVICES[@]}"; do ready "$s" || return 1; done
    [[ $(datasets) == "$SIZE" ]] || return 1
    live=$(datasets "NOT withdrawn")
    [[ $(count) == "$live" && $(tracked) == "$live" ]]
  }
  log "start: $(load_line)"
  if kept_complete; then
    log "measuring the namespace $NS kept by an earlier run ($SIZE datasets)"
    for s in "${SERVICES[@]}"; do
      if [[ "$(app_jar "$s")" -nt "$RUN_DIR/$s.pid" ]]; then
        log "$s was built after it started: restarting it"; stop_service "$s"; start_service "$s" "${opts[$s]}"; wait_ready "$s"
      fi
    done
  else
    cleanup
    psql_ -d postgres -c "CREATE DATABASE $SERVICE_DB" >/dev/null
    topics create
    for s in "${SERVICES[@]}"; do start_service "$s" "${opts[$s]}"; done
    for s in "${SERVICES[@]}"; do wait_ready "$s"; done

    log "writing $SIZE datasets into $SERVICE_DB (bin/lib/catalog-db-load.sql -v publish=1)"
    started=$SECONDS
    PGOPTIONS="-c client_min_messages=warning -c search_path=catalog" psql -q -X -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres \
      -d "$SERVICE_DB" -v ON_ERROR_STOP=1 -v n="$SIZE" -v publish=1 -f "$REPO/bin/lib/catalog-db-load.sql"
    live=$(datasets "NOT withdrawn")
    log "written in $((SECONDS - started)) s ($live live, $((SIZE - live)) withdrawn); the catalog publishes them on ${TOPIC_PREFIX}datasets.v1"
    started=$SECONDS deadline=$((SECONDS + 3600))
    while :; do
      pending=$(psql_ -d "$SERVICE_DB" -Atc "SELECT count(*) FROM catalog.outbox WHERE published_at IS NULL")
      searchable=$(count); tracked_now=$(tracked)
      log "outbox pending $pending, searchable ${searchable:-0}/$live, tracked by the reuse tracker $tracked_now/$live ($((SECONDS - started)) s, $(load_line))"
      ((pending == 0 && ${searchable:-0} >= live && tracked_now >= live)) && break
      for s in "${SERVICES[@]}"; do pid_alive "$RUN_DIR/$s.pid" || { tail -n 30 "$LOG_DIR/$s.log" >&2; die "$s stopped"; }; done
      ((SECONDS < deadline)) || die "not every dataset reached search and the reuse tracker within an hour"
      sleep 10
    done
    # the reuse tracker's summaries reach search after the datasets: measure once the index has stopped changing
    before=$(indexed)
    while sleep 5; after=$(indexed); [[ "$after" != "$before" ]]; do before=$after; done
    log "$SIZE datasets in the catalog, $live searchable, all tracked: $((SECONDS - started)) s after the load"
  fi
  declare -A PID_FILE=([portal]="$RUN_DIR/portal.pid" [catalog]="$RUN_DIR/catalog.pid" [search]="$RUN_DIR/search.pid" [reuse]="$RUN_DIR/reuse.pid")
  PORTAL="http://127.0.0.1:${PORT[portal]}" CATALOG="http://127.0.0.1:${PORT[catalog]}"
  SEARCH="http://127.0.0.1:${PORT[search]}" REUSE="http://127.0.0.1:${PORT[reuse]}"
else
  PORTAL="http://127.0.0.1:${BIC_PORTAL_PORT:-8085}" CATALOG=http://127.0.0.1:8082 SEARCH=http://127.0.0.1:8083 REUSE=http://127.0.0.1:8084
  # the pid files of bin/catalog up
  declare -A PID_FILE=([portal]="$STACK_DIR/run/portal.pid" [catalog]="$STACK_DIR/run/catalog.pid"
    [search]="$STACK_DIR/run/search.pid" [reuse]="$STACK_DIR/run/reuse.pid")
fi
curl -fsS -o /dev/null "$PORTAL/q/health/ready" || die "the portal does not answer at $PORTAL: start the system first (bin/catalog up)"

TOTAL=$(curl -fsS "$CATALOG/api/v1/datasets?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
# every dataset's id: the "id":"bic-…" pairs of the page (source records carry "key", not "id")
mapfile -t IDS < <(curl -fsS "$CATALOG/api/v1/datasets?limit=$DATASETS" | grep -o '"id":"bic-[0-9a-f]*"' | cut -d'"' -f4 | sort -u)
((${#IDS[@]})) || die "the catalog holds no dataset: harvest something first (bin/catalog harvest idr, or bin/catalog up --replay)"
WORDS=(cell yeast mitosis nucleus microscopy screen tissue zebrafish)
log "catalog of $TOTAL datasets ($(load_line)); $REQUESTS requests per line, cycling over ${#IDS[@]} datasets and ${#WORDS[@]} queries"

# time URL-TEMPLATE [ACCEPT]: p50 and p95 in ms of REQUESTS sequential GETs; {id} and {q} are replaced per request
time_url() {
  local template=$1 accept=${2:-text/html} i url
  for ((i = 0; i < REQUESTS; i++)); do
    url=${template//\{id\}/${IDS[i % ${#IDS[@]}]}}
    url=${url//\{q\}/${WORDS[i % ${#WORDS[@]}]}}
    curl -sS -o /dev/null -H "Accept: $accept" -w '%{time_total}\n' "$url"
  done | sort -g | awk '{ t[NR] = $1 * 1000 } END { printf "%7.1f %7.1f\n", t[int(NR / 2) + 1], t[int(NR * 0.95) + 1] }'
}

# cpu_ticks SERVICE: user + system CPU time of the service's process so far, in clock ticks (empty if unknown)
cpu_ticks() {
  local pid; pid=$(cat "${PID_FILE[$1]}" 2>/dev/null) || return 0
  awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# line LABEL SERVICE URL-TEMPLATE [ACCEPT]: p50, p95 and the CPU ms the service's process spent per request
line() {
  local label=$1 service=$2 before after times cpu=" -"
  before=$(cpu_ticks "$service")
  times=$(time_url "${@:3}")
  after=$(cpu_ticks "$service")
  [[ -n $before && -n $after ]] && cpu=$(awk -v t=$((after - before)) -v ms="$TICK_MS" -v n="$REQUESTS" 'BEGIN { printf "%.1f", t * ms / n }')
  printf '  %-52s %s %7s\n' "$label" "$times" "$cpu"
}

# warm the JITs of the portal and the services a little, untimed
REQUESTS_SAVED=$REQUESTS; REQUESTS=50
time_url "$PORTAL/datasets/{id}" >/dev/null; time_url "$PORTAL/search?q={q}" >/dev/null
REQUESTS=$REQUESTS_SAVED

echo "                                                         p50 ms  p95 ms  CPU ms/req (of the portal, or of the service)"
line "portal  GET /datasets/{id}  (landing page)" portal "$PORTAL/datasets/{id}"
line "  api   GET /api/v1/datasets/{id}" catalog "$CATALOG/api/v1/datasets/{id}" application/json
line "  api   GET /api/v1/datasets/{id}  (JSON-LD)" catalog "$CATALOG/api/v1/datasets/{id}" application/ld+json
line "  api   GET /api/v1/datasets/{id}/history" catalog "$CATALOG/api/v1/datasets/{id}/history" application/json
line "  api   GET /api/v1/reuse/datasets/{id}" reuse "$REUSE/api/v1/reuse/datasets/{id}" application/json
line "  api   GET /api/v1/search/similar/{id}" search "$SEARCH/api/v1/search/similar/{id}?size=5" application/json
line "portal  GET /search?q=…  (search page)" portal "$PORTAL/search?q={q}"
line "  api   GET /api/v1/search?q=…" search "$SEARCH/api/v1/search?q={q}" application/json
line "portal  GET /  (home)" portal "$PORTAL/"
line "  api   GET /api/v1/sources" catalog "$CATALOG/api/v1/sources" application/json
line "  api   GET /api/v1/search?sort=newest&size=5" search "$SEARCH/api/v1/search?sort=newest&size=5" application/json
line "  api   GET /api/v1/search?sort=most-reused&size=5" search "$SEARCH/api/v1/search?sort=most-reused&size=5" application/json
log "end: $(load_line)"
