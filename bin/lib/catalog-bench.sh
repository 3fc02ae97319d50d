#!/usr/bin/env bash
# bin/bench catalog — catalog-service's end-to-end ingest rate (issue 8, "Performance"), against a raw engine, in one run:
#   1. synthesises N HarvestedRecord events from the IDR fixture studies (../shared/fixtures, seeded; a few percent
#      are the DataCite record of another record's data DOI, so that two records merge into one dataset);
#   2. new records: publishes all N to <ns>.records.harvested.v1, then starts the packaged catalog-service (the JVM
#      options of bin/catalog) and times from its consumer group's first assignment until every record is consumed,
#      the outbox is empty and every published outbox row has arrived on <ns>.datasets.v1;
#   3. unchanged: publishes the same N records again (a re-harvest: new run id, same metadata) and times until the
#      consumer group has no lag;
#   4. raw engine: the same N records read by a plain KafkaConsumer and written with plain JDBC (one transaction per
#      poll) into copies of source_record and outbox, with catalog-service stopped;
#   5. raw engine with the service's writes: the same again, 100 records a poll, into copies of source_record,
#      record_match_key, dataset, dataset_version and outbox (the rows the service writes for a new record).
# Prints RESULT lines: records/s, catalog-service's CPU ms per record (start-up left out), datasets and merges, ratios.
# Needs PostgreSQL and Kafka of the local stack (bin/stack start). Uses its own namespace and removes it at the end,
# also on failure: topics catbench.*, consumer groups catbench-*, database bic_catbench, catalog-service on port 18582
# (BIC_BENCH_NS=x and BIC_BENCH_PORT=p for a second namespace). Program: bench/src/main/java/org/bioimagecatalog/bench/CatalogBench.java.
#
# Usage: bin/bench catalog [--records N (20000)] [--seed S (42)] [--shared-doi-percent P (2)]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

USAGE="usage: bin/bench catalog [--records N (20000)] [--seed S (42)] [--shared-doi-percent P (2)]"
RECORDS=20000 SEED=42 SHARED=2
while (($#)); do
  (($# >= 2)) || die "$1 needs a value; $USAGE"
  case $1 in
    --records) RECORDS=$2 ;;
    --seed) SEED=$2 ;;
    --shared-doi-percent) SHARED=$2 ;;
    *) die "unknown option $1; $USAGE" ;;
  esac
  shift 2
done
# the records are held in memory (about 2 KB each; the bench runs with -Xmx1g)
[[ "$RECORDS" =~ ^[1-9][0-9]{0,8}$ ]] && ((RECORDS <= 200000)) || die "--records must be a whole number from 1 to 200000, got '$RECORDS'"
[[ "$SEED" =~ ^-?[0-9]+$ ]] || die "--seed must be a whole number, got '$SEED'"
[[ "$SHARED" =~ ^[0-9]+(\.[0-9]+)?$ ]] && awk -v p="$SHARED" 'BEGIN { exit !(p <= 50) }' \
  || die "--shared-doi-percent must be a number from 0 to 50, got '$SHARED'"

NS="${BIC_BENCH_NS:-catbench}"
[[ "$NS" =~ ^[a-z][a-z0-9]*$ ]] || die "BIC_BENCH_NS must be lower-case letters and digits, got '$NS'"
PORT="${BIC_BENCH_PORT:-18582}" DB="bic_$NS" TOPIC_PREFIX="$NS." GROUP="$NS-catalog-service" RAW_GROUP="$NS-raw-engine"
WORK="$REPO/target/$NS"; mkdir -p "$WORK"
APP="$REPO/catalog-service/target/quarkus-app"
FIXTURES="${BIC_FIXTURES:-$REPO/../shared/fixtures}"
[[ -d "$FIXTURES/idr/study-files" ]] || FIXTURES=/work/shared/fixtures
[[ -d "$FIXTURES/idr/study-files" ]] || die "no IDR fixture studies in $FIXTURES/idr/study-files (set BIC_FIXTURES)"
for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
done
command -v psql >/dev/null || die "psql is missing (it comes with the stack's PostgreSQL; bin/stack start)"

package_if_stale "$APP/quarkus-run.jar" catalog-service "$REPO/catalog-service/src" "$REPO/catalog-model/src" \
  "$REPO/service-security/src" "$REPO/service-tracing/src"
BENCH_CP="$(bench_classpath)"
bench() {
  local command=$1; shift
  java -Xmx1g -cp "$BENCH_CP" org.bioimagecatalog.bench.CatalogBench "$command" --kafka "$BIC_KAFKA_BOOTSTRAP" --topic-prefix "$TOPIC_PREFIX" \
    --group "$GROUP" --raw-group "$RAW_GROUP" "$@" 2>&1 | sed -u '/SLF4J/d'
}
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }

PID_FILE="$WORK/catalog-service.pid"   # written by CatalogBench, which starts and stops the service
cleanup() {
  log "cleaning up: catalog-service, topics ${TOPIC_PREFIX}*, consumer groups $GROUP and $RAW_GROUP, database $DB"
  if [[ -f "$PID_FILE" ]]; then
    local pid; pid="$(cat "$PID_FILE")"
    # only the service this bench started (a stale file's pid may belong to another process by now)
    if grep -qaF "$APP/quarkus-run.jar" "/proc/$pid/cmdline" 2>/dev/null && kill "$pid" 2>/dev/null; then
      for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
  fi
  bench topics-delete 2>/dev/null | sed 's/^/  /' || true
  psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}
trap cleanup EXIT
cleanup

log "creating database $DB and topics ${TOPIC_PREFIX}records.harvested.v1 (3 partitions), records.harvested.dlq.v1 (1), datasets.v1 (3, compacted)"
psql_ "CREATE DATABASE $DB"
bench topics-create
: >"$WORK/bench-keys"   # no API keys: the bench only reads
OPTS="${BIC_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"
log "catalog-service JVM options: $OPTS"
# The service commits consumed offsets every 0.5 s instead of every 5 s (SmallRye's default), so that "no lag"
# is seen within 0.5 s of the last record; one offset commit per 0.5 s costs nothing next to the records.
# shellcheck disable=SC2086  # the options are a list of words
bench run --records "$RECORDS" --seed "$SEED" --shared-doi-percent "$SHARED" --jdbc "$BIC_JDBC_URL/$DB" \
  --fixtures "$FIXTURES" --work "$WORK" -- \
  java $OPTS -Dquarkus.http.port="$PORT" -Dquarkus.datasource.jdbc.url="$BIC_JDBC_URL/$DB" \
  -Dkafka.bootstrap.servers="$BIC_KAFKA_BOOTSTRAP" -Dbic.kafka.topic-prefix="$TOPIC_PREFIX" \
  -Dmp.messaging.incoming.harvested.group.id="$GROUP" -Dmp.messaging.incoming.harvested.auto.commit.interval.ms=500 \
  -Dbic.security.keys-file="$WORK/bench-keys" -jar "$APP/quarkus-run.jar"
