#!/usr/bin/env bash
# bin/bench catalog-db — the catalog's list and OAI-PMH page queries at scale (issue 20, "Catalog database at 1M"):
#   1. creates a scratch database (bic_catalogdb) and migrates it with catalog-service's own Flyway scripts;
#   2. loads N synthetic datasets and their source records (bin/lib/catalog-db-load.sql: generate_series over
#      real-shaped DatasetChanged documents, with common and rare values for each filter), then VACUUM ANALYZE;
#   3. per filter of GET /api/v1/datasets and /oai ListRecords (bin/lib/catalog-db-queries.sql): the first page's
#      EXPLAIN (ANALYZE, BUFFERS) into target/catalog-db/plans.md, and RESULT lines with p50/p95 of the first page,
#      p50 of a page deep in the keyset, the count estimate the API answers with (and its time) and an exact count;
#   4. GET /api/v1/sources (issue 19): the aggregate it ran before V9 against the summary rows it reads now, and
#      whether both give the same figures.
# The database is dropped at the end, also on failure (--keep leaves it, to query by hand; the next run drops it).
# Needs the stack's PostgreSQL (bin/stack start). Figures are database time; the service adds JSON mapping.
#
# Usage: bin/bench catalog-db [--datasets N (1000000)] [--runs R (21)] [--keep]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

USAGE="usage: bin/bench catalog-db [--datasets N (1000000)] [--runs R (21)] [--keep]"
DATASETS=1000000 RUNS=21 KEEP=0
while (($#)); do
  case $1 in
    --keep) KEEP=1; shift; continue ;;
    --datasets|--runs) (($# >= 2)) || die "$1 needs a value; $USAGE" ;;
    *) die "unknown option $1; $USAGE" ;;
  esac
  case $1 in
    --datasets) DATASETS=$2 ;;
    --runs) RUNS=$2 ;;
  esac
  shift 2
done
[[ "$DATASETS" =~ ^[1-9][0-9]{0,7}$ ]] || die "--datasets must be a whole number from 1 to 99999999, got '$DATASETS'"
[[ "$RUNS" =~ ^[1-9][0-9]{0,3}$ ]] || die "--runs must be a whole number from 1 to 9999, got '$RUNS'"

DB=bic_catalogdb
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
OUT="$REPO/target/catalog-db"; mkdir -p "$OUT"
MIGRATIONS="$REPO/catalog-service/src/main/resources/db/migration"
psql_db() { PGOPTIONS="-c client_min_messages=warning -c search_path=catalog" \
  psql -q -X -h 127.0.0.1 -p "$BIC_PG_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
drop_db() { psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; }
((KEEP)) || trap drop_db EXIT

drop_db
psql_ "CREATE DATABASE $DB"
psql_db -c "CREATE SCHEMA catalog"
for migration in $(ls "$MIGRATIONS" | sort -V); do
  psql_db -f "$MIGRATIONS/$migration"
done
log "loading $DATASETS synthetic datasets into $DB (bin/lib/catalog-db-load.sql)"
start=$(date +%s)
psql_db -v n="$DATASETS" -f "$REPO/bin/lib/catalog-db-load.sql"
psql_db -c "VACUUM ANALYZE dataset" -c "VACUUM ANALYZE source_record"
log "loaded in $(($(date +%s) - start)) s: $(psql_db -Atc "select pg_size_pretty(pg_database_size('$DB'))")"
psql_db -At -v runs="$RUNS" -v plans="$OUT/plans.md" -f "$REPO/bin/lib/catalog-db-queries.sql"
log "plans of every first page: $OUT/plans.md"
