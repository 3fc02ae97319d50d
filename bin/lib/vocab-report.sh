#!/usr/bin/env bash
# Prints the catalog's harmony report (GET /api/v1/datasets/harmony as text/plain), for `bin/catalog vocab-report`
# and `bin/bench vocab`: the share of organism, imaging-method, cell-line, format and licence values that carry an
# id; how many ids appear under more than one display name (must be 0); the unresolved labels with their counts;
# how many datasets merge records of more than one archive. RESULT lines carry the figures for bin/bench.
#   bin/lib/vocab-report.sh [CATALOG_URL] [TOP]      default http://127.0.0.1:8082 (BIC_CATALOG_URL), top 20
set -euo pipefail

URL="${1:-${BIC_CATALOG_URL:-http://127.0.0.1:8082}}"
TOP="${2:-20}"
[[ "$TOP" =~ ^[0-9]+$ ]] || { echo "--top must be a whole number, got '$TOP'" >&2; exit 2; }
curl -fsS -H 'Accept: text/plain' "$URL/api/v1/datasets/harmony?top=$TOP" \
  || { echo "no harmony report at $URL/api/v1/datasets/harmony: is the catalog up? (bin/catalog up)" >&2; exit 1; }
