#!/usr/bin/env bash
# Rebuilds the search index without downtime and waits for the alias switch (for `bin/catalog reindex`).
#   bin/lib/search-reindex.sh [SEARCH_URL]      default http://127.0.0.1:8083
# Needs an admin API key: BIC_ADMIN_KEY (bin/catalog reindex passes .stack/admin.key), sent as a Bearer token.
set -euo pipefail

SEARCH_URL="${1:-${BIC_SEARCH_URL:-http://127.0.0.1:8083}}"
ENDPOINT="$SEARCH_URL/api/v1/search/admin/reindex"
if [[ -z "${BIC_ADMIN_KEY:-}" ]]; then
  echo "the reindex needs an admin API key in BIC_ADMIN_KEY (bin/catalog reindex uses .stack/admin.key)" >&2
  exit 1
fi
AUTH=(-H "Authorization: Bearer $BIC_ADMIN_KEY")

echo "starting a reindex at $ENDPOINT"
if ! started="$(curl -fsS -X POST "${AUTH[@]}" "$ENDPOINT")"; then
  echo "search-service did not accept the reindex (is it running at $SEARCH_URL, and is the admin key right?)" >&2
  exit 1
fi
echo "$started"

while true; do
  sleep 2
  status="$(curl -fsS "${AUTH[@]}" "$ENDPOINT")"
  case "$status" in
    *'"state":"running"'*) echo "… $(grep -o '"messagesReplayed":[0-9]*' <<<"$status")" ;;
    *'"state":"done"'*) echo "done: $status"; exit 0 ;;
    *) echo "the reindex failed; the alias still points to the old index: $status" >&2; exit 1 ;;
  esac
done
