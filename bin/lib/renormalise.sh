#!/usr/bin/env bash
# Re-normalises the stored datasets with the current vocabularies, without a harvest, and waits for the end (for
# `bin/catalog renormalise`): POST /api/v1/datasets/admin/renormalise, then GET until it stops running. Only the
# datasets whose canonical record changed are published on datasets.v1 again (search reindexes them).
#   bin/lib/renormalise.sh [CATALOG_URL]      default http://127.0.0.1:8082 (BIC_CATALOG_URL)
# Needs an admin API key: BIC_ADMIN_KEY (bin/catalog renormalise passes .stack/admin.key), sent as a Bearer token.
set -euo pipefail
LOG_TAG=renormalise
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

URL="${1:-${BIC_CATALOG_URL:-http://127.0.0.1:8082}}"
ENDPOINT="$URL/api/v1/datasets/admin/renormalise"
[[ -n "${BIC_ADMIN_KEY:-}" ]] || { echo "the re-normalisation needs an admin API key in BIC_ADMIN_KEY" >&2; exit 1; }
AUTH=(-H "Authorization: Bearer $BIC_ADMIN_KEY")

code=$(curl -sS -o /tmp/bic-renormalise.$$ -w '%{http_code}' -X POST "${AUTH[@]}" "$ENDPOINT") \
  || { echo "the catalog does not answer at $URL (is it up?)" >&2; exit 1; }
body="$(cat /tmp/bic-renormalise.$$)"; rm -f /tmp/bic-renormalise.$$
case $code in
  202) echo "re-normalisation started: $body" ;;
  409) echo "a re-normalisation is already running; following it" ;;
  *) echo "the catalog refused the re-normalisation ($code): $body" >&2; exit 1 ;;
esac
while :; do
  status="$(curl -fsS "${AUTH[@]}" "$ENDPOINT")"
  [[ $(json_field running <<<"$status") == true ]] || break
  echo "… $(json_field datasets <<<"$status") datasets, $(json_field republished <<<"$status") re-published"
  sleep 2
done
error=$(json_field error <<<"$status")
echo "done: version $(json_field version <<<"$status"), $(json_field datasets <<<"$status") datasets re-merged," \
  "$(json_field republished <<<"$status") re-published, $(json_field mergedAway <<<"$status") merged away," \
  "$(json_field pending <<<"$status") still pending${error:+; stopped: $error}"
[[ -z $error ]]
