#!/usr/bin/env bash
# bin/bench portal [--requests N (200)] [--datasets N (50)]: the portal's server time for the landing page and the
# search page, p50 and p95 over N sequential requests on loopback (curl's time_total), beside the same figures for
# each API call the page makes, straight to the service, so the portal's own cost (rendering, its REST clients) can be
# read off: landing page − slowest of its parallel calls; search page − its one search call.
# Measures the system that is up (bin/catalog up), at whatever size it holds; prints the dataset count with the figures.
set -euo pipefail
LOG_TAG=bench-portal
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REQUESTS=200 DATASETS=50
while (($#)); do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --datasets) DATASETS=$2; shift 2 ;;
    *) die "usage: bin/bench portal [--requests N] [--datasets N]" ;;
  esac
done
PORTAL="http://127.0.0.1:${BIC_PORTAL_PORT:-8085}" CATALOG=http://127.0.0.1:8082 SEARCH=http://127.0.0.1:8083 REUSE=http://127.0.0.1:8084
curl -fsS -o /dev/null "$PORTAL/q/health/ready" || die "the portal does not answer at $PORTAL: start the system first (bin/catalog up)"

TOTAL=$(curl -fsS "$CATALOG/api/v1/datasets?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
# every dataset's id: the "id":"bic-…" pairs of the page (source records carry "key", not "id")
mapfile -t IDS < <(curl -fsS "$CATALOG/api/v1/datasets?limit=$DATASETS" | grep -o '"id":"bic-[0-9a-f]*"' | cut -d'"' -f4 | sort -u)
((${#IDS[@]})) || die "the catalog holds no dataset: harvest something first (bin/catalog harvest idr, or bin/catalog up --replay)"
WORDS=(cell yeast mitosis nucleus microscopy screen tissue zebrafish)
log "catalog of $TOTAL datasets; $REQUESTS requests per line, cycling over ${#IDS[@]} datasets and ${#WORDS[@]} queries"

# time URL-TEMPLATE [ACCEPT]: p50 and p95 in ms of REQUESTS sequential GETs; {id} and {q} are replaced per request
time_url() {
  local template=$1 accept=${2:-text/html} i url
  for ((i = 0; i < REQUESTS; i++)); do
    url=${template//\{id\}/${IDS[i % ${#IDS[@]}]}}
    url=${url//\{q\}/${WORDS[i % ${#WORDS[@]}]}}
    curl -sS -o /dev/null -H "Accept: $accept" -w '%{time_total}\n' "$url"
  done | sort -g | awk '{ t[NR] = $1 * 1000 } END { printf "%7.1f %7.1f\n", t[int(NR / 2) + 1], t[int(NR * 0.95) + 1] }'
}

line() { printf '  %-52s %s\n' "$1" "$(time_url "${@:2}")"; }

# warm the JITs of the portal and the services a little, untimed
REQUESTS_SAVED=$REQUESTS; REQUESTS=50
time_url "$PORTAL/datasets/{id}" >/dev/null; time_url "$PORTAL/search?q={q}" >/dev/null
REQUESTS=$REQUESTS_SAVED

echo "                                                         p50 ms  p95 ms"
line "portal  GET /datasets/{id}  (landing page)" "$PORTAL/datasets/{id}"
line "  api   GET /api/v1/datasets/{id}" "$CATALOG/api/v1/datasets/{id}" application/json
line "  api   GET /api/v1/datasets/{id}  (JSON-LD)" "$CATALOG/api/v1/datasets/{id}" application/ld+json
line "  api   GET /api/v1/datasets/{id}/history" "$CATALOG/api/v1/datasets/{id}/history" application/json
line "  api   GET /api/v1/reuse/datasets/{id}" "$REUSE/api/v1/reuse/datasets/{id}" application/json
line "  api   GET /api/v1/search/similar/{id}" "$SEARCH/api/v1/search/similar/{id}?size=5" application/json
line "portal  GET /search?q=…  (search page)" "$PORTAL/search?q={q}"
line "  api   GET /api/v1/search?q=…" "$SEARCH/api/v1/search?q={q}" application/json
line "portal  GET /  (home)" "$PORTAL/"
