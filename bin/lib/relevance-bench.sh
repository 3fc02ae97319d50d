#!/usr/bin/env bash
# bin/bench relevance — relevance of forgiving search (issue 16) on the records harvested from the fixtures:
#   1. reads every record of the recorded archives of ../shared/fixtures with the harvester's own connectors and
#      mappers (the sources of fixtures/shared-sources.tsv, as bin/catalog up harvests them, then the generic
#      repositories' Zenodo and DataCite records) and publishes each as a DatasetChanged on a fresh
#      <ns>.datasets.v1 (dataset id rel-<archive>_<native id>);
#   2. starts the packaged search-service on its own namespace (indices relbench-*, database bic_relbench, port 18584)
#      and waits until every record is searchable;
#   3. runs the query set bench/relevance/queries.tsv (title, title typed so far, four distinctive description words,
#      title with one transposition typo, accession, data DOI) and prints recall@10 and MRR per kind, and the misses.
# bin/bench relevance --generate rewrites bench/relevance/queries.tsv from the fixtures (see bench/relevance/README.md).
# BIC_BENCH_APP=DIR measures another packaged search-service (its quarkus-app directory) with the same queries.
# Needs the local stack (bin/stack start); removes its namespace at the end (BIC_BENCH_KEEP=1 keeps it).
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

QUERIES="$REPO/bench/relevance/queries.tsv"
GENERATE=0
while (($#)); do
  case $1 in
    --generate) GENERATE=1; shift ;;
    --queries) QUERIES=$2; shift 2 ;;
    *) die "usage: bin/bench relevance [--generate] [--queries FILE]" ;;
  esac
done
NS="${BIC_BENCH_NS:-relbench}"
[[ "$NS" =~ ^[a-z][a-z0-9]*$ ]] || die "BIC_BENCH_NS must be lower-case letters and digits, got '$NS'"
PORT="${BIC_BENCH_PORT:-18584}" DB="bic_$NS" TOPIC_PREFIX="$NS." INDEX_PREFIX="$NS-"
WORK="$REPO/target/$NS"; mkdir -p "$WORK"
FIXTURES="${BIC_FIXTURES:-$REPO/../shared/fixtures}"
[[ -d "$FIXTURES/idr/study-files" ]] || FIXTURES=/work/shared/fixtures
[[ -d "$FIXTURES/idr/study-files" ]] || die "no IDR fixture studies in $FIXTURES/idr/study-files (set BIC_FIXTURES)"

# BIC_BENCH_APP: another packaged search-service (a quarkus-app directory) to measure, e.g. an older build as a baseline
SEARCH_APP="${BIC_BENCH_APP:-$REPO/search-service/target/quarkus-app}"
[[ -n "${BIC_BENCH_APP:-}" ]] || package_if_stale "$SEARCH_APP/quarkus-run.jar" search-service "$REPO/search-service/src" "$REPO/catalog-model/src"
BENCH_CP="$(bench_classpath)"
bench() { java -cp "$BENCH_CP" org.bioimagecatalog.bench.RelevanceBench "$@" 2>&1 | sed -u '/SLF4J/d'; }

if ((GENERATE)); then
  bench generate --fixtures "$FIXTURES" --sources "$REPO/fixtures/shared-sources.tsv" --out "$QUERIES"
  exit 0
fi
[[ -f "$QUERIES" ]] || die "no query set at $QUERIES (bin/bench relevance --generate writes it)"
for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT" "$BIC_ES_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
done
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }

SVC_PID=
cleanup() {
  [[ -n "$SVC_PID" ]] && kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null || true
  if [[ "${BIC_BENCH_KEEP:-0}" == 1 ]]; then
    log "kept (BIC_BENCH_KEEP=1): indices ${INDEX_PREFIX}*, topics ${TOPIC_PREFIX}datasets.v1 and reuse.summary.v1, database $DB"; return
  fi
  for i in $(curl -fsS "$BIC_ES_URL/_cat/indices/${INDEX_PREFIX}*?h=index" 2>/dev/null); do curl -fsS -o /dev/null -X DELETE "$BIC_ES_URL/$i" || true; done
  psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  bench topic-delete --kafka "$BIC_KAFKA_BOOTSTRAP" --topic-prefix "$TOPIC_PREFIX" || true
}
trap cleanup EXIT
# a fresh namespace: the previous run's index and database go (publish recreates the topic)
for i in $(curl -fsS "$BIC_ES_URL/_cat/indices/${INDEX_PREFIX}*?h=index" 2>/dev/null); do curl -fsS -o /dev/null -X DELETE "$BIC_ES_URL/$i" || true; done
psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_ "CREATE DATABASE $DB"

log "publishing the records of every recorded archive to ${TOPIC_PREFIX}datasets.v1"
RECORDS="$(bench publish --fixtures "$FIXTURES" --sources "$REPO/fixtures/shared-sources.tsv" --kafka "$BIC_KAFKA_BOOTSTRAP" --topic-prefix "$TOPIC_PREFIX" | tail -1)"
[[ "$RECORDS" =~ ^[0-9]+$ ]] || die "publishing failed: $RECORDS"
log "starting search-service on :$PORT (log: $WORK/search-service.log)"
java -Xmx512m -Dquarkus.http.port="$PORT" -Dquarkus.datasource.jdbc.url="$BIC_JDBC_URL/$DB" \
  -Dbic.kafka.topic-prefix="$TOPIC_PREFIX" -Dbic.elasticsearch.index-prefix="$INDEX_PREFIX" \
  -Dmp.messaging.incoming.datasets.group.id="$NS-search-service-$$" \
  -Dmp.messaging.incoming.reuse-summaries.group.id="$NS-search-service-$$" \
  -Dmp.messaging.incoming.datasets.auto.offset.reset=earliest \
  -Dkafka.bootstrap.servers="$BIC_KAFKA_BOOTSTRAP" -Dquarkus.elasticsearch.hosts="127.0.0.1:$BIC_ES_PORT" \
  -jar "$SEARCH_APP/quarkus-run.jar" >"$WORK/search-service.log" 2>&1 &
SVC_PID=$!
for _ in $(seq 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$WORK/search-service.log" >&2; die "search-service exited"; }
  sleep 1
done
log "running $(($(wc -l <"$QUERIES") - 1)) queries of $QUERIES against $RECORDS records"
bench run --queries "$QUERIES" --service "http://127.0.0.1:$PORT" --expect "$RECORDS"
