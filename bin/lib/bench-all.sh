#!/usr/bin/env bash
# bin/bench all (or bin/bench with no argument) — every benchmark in one go, and the figures into
# docs/performance-latest.md (generated; docs/performance.md links to it and holds the reading of the figures):
#   1. bin/bench harvest                                   parse + map per connector, Kafka publish
#   2. bin/bench catalog --records 20000                   catalog-service ingest, new and unchanged records, vs raw JDBC
#   3. bin/bench services                                  start-up time and idle RSS of each service
#   4. bin/bench search --docs 100000                      ingest, search, faceted search, freshness at 500 records/s
#   5. bin/bench search --docs 1000000 --fresh-seconds 0   the same at 1M documents (issue 8), without freshness
#   6. bin/bench vocab                                     the harmony report of the catalog that is up (bin/catalog up and
#                                                          its harvests): only when one answers at BIC_CATALOG_URL
# A step that fails is reported as failed in the page and the next one still runs; the exit status is 1 then.
# Each step's full output is kept in target/bench/all-<date>/<step>.log.
#
# Usage: bin/bench [all] [--docs N (100000)] [--large-docs N (1000000), 0 skips step 5]
#                       [--catalog-records N (20000), 0 skips step 2] [--out FILE]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DOCS=100000 LARGE=1000000 CATALOG=20000 PAGE="$REPO/docs/performance-latest.md"
while (($#)); do
  case $1 in
    --docs) DOCS=$2; shift 2 ;;
    --large-docs) LARGE=$2; shift 2 ;;
    --catalog-records) CATALOG=$2; shift 2 ;;
    --out) PAGE=$2; shift 2 ;;
    *) die "usage: bin/bench [all] [--docs N (100000)] [--large-docs N (1000000), 0 skips it] [--catalog-records N (20000), 0 skips it] [--out FILE]" ;;
  esac
done
[[ "$CATALOG" =~ ^[0-9]+$ ]] || die "--catalog-records must be a whole number, got '$CATALOG'"
for port in "$BIC_PG_PORT" "$BIC_KAFKA_PORT" "$BIC_ES_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "nothing answers on 127.0.0.1:$port: start the stack (bin/stack start)"
done

STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
OUT="$REPO/target/bench/all-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$OUT"
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]] && COMMIT="$COMMIT (with uncommitted changes)"
CPU="$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
JAVA="$(java -version 2>&1 | head -1)"
ES_VERSION="$(curl -fsS "$BIC_ES_URL/_nodes/_local/jvm?filter_path=nodes.*.version" 2>/dev/null | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')"
log "bin/bench all: commit $COMMIT, $(nproc) cores ($CPU), load $(cut -d' ' -f1-3 /proc/loadavg); logs in $OUT"

STEPS=()   # name|command|status|seconds|load before|load after
FAILED=0
step() {
  local name=$1; shift
  local before after status start
  before="$(cut -d' ' -f1-3 /proc/loadavg)" start=$(date +%s)
  log "== $name: bin/bench $* (output also in $OUT/$name.log)"
  if "$REPO/bin/bench" "$@" 2>&1 | tee "$OUT/$name.log"; then status=ok; else status="FAILED (see $OUT/$name.log)"; FAILED=1; fi
  after="$(cut -d' ' -f1-3 /proc/loadavg)"
  STEPS+=("$name|bin/bench $*|$status|$(($(date +%s) - start))|$before|$after")
}

step harvest harvest
((CATALOG > 0)) && step "catalog-$CATALOG" catalog --records "$CATALOG"
step services services
step "search-$DOCS" search --docs "$DOCS"
((LARGE > 0)) && step "search-$LARGE" search --docs "$LARGE" --fresh-seconds 0
# the vocabulary figures need a harvested catalog, which the other steps do not build: measured only when one is up
if curl -fsS -o /dev/null "${BIC_CATALOG_URL:-http://127.0.0.1:8082}/api/v1/datasets/harmony?top=0" 2>/dev/null; then
  step vocab vocab
else
  log "vocab: no catalog answers at ${BIC_CATALOG_URL:-http://127.0.0.1:8082}: skipped (bin/catalog up, harvest, then bin/bench vocab)"
fi

# The figures of a step: its RESULT lines (search, services) or, for benches that print a table (harvest), every
# line that is not a progress message; plus the machine line each bench prints.
figures() {
  if grep -q '^RESULT' "$1"; then grep -E '^(RESULT|bench: machine)' "$1"
  else grep -vE '^(bench: (building|cleaning|creating|starting)|  )' "$1" | grep -v '^$'; fi
}
{
  echo "# Latest benchmark figures (generated)"
  echo
  echo "Written by \`bin/bench all\` (bin/lib/bench-all.sh); do not edit by hand, re-run it. How each bench works and"
  echo "what the figures mean: [performance.md](performance.md)."
  echo
  echo "- started: $STARTED, finished $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $COMMIT"
  echo "- machine: $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "- java: $JAVA; Elasticsearch ${ES_VERSION:-unknown}"
  echo "- load average (1, 5, 15 min) before and after each step is in the table: the machine may be shared"
  echo
  echo "| step | command | status | took | load before | load after |"
  echo "| --- | --- | --- | ---: | --- | --- |"
  for s in "${STEPS[@]}"; do
    IFS='|' read -r name cmd status secs before after <<<"$s"
    echo "| $name | \`$cmd\` | $status | $((secs / 60)) min $((secs % 60)) s | $before | $after |"
  done
  for s in "${STEPS[@]}"; do
    IFS='|' read -r name cmd _ <<<"$s"
    echo
    echo "## $name: \`$cmd\`"
    echo
    echo '```'
    figures "$OUT/$name.log" || true
    echo '```'
  done
} >"$PAGE"
log "figures written to $PAGE"
exit "$FAILED"
