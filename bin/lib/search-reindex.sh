#!/usr/bin/env bash
# Rebuilds the search index without downtime and waits for the alias switch (for `bin/catalog reindex`).
#   bin/lib/search-reindex.sh [SEARCH_URL]      default http://127.0.0.1:8083
# Sends BIC_SEARCH_ADMIN_KEY as X-API-Key when set (until issue 7's API keys carry the admin role).
set -euo pipefail

SEARCH_URL="${1:-${BIC_SEARCH_URL:-http://127.0.0.1:8083}}"
ENDPOINT="$SEARCH_URL/api/v1/search/admin/reindex"
AUTH=()
if [[ -n "${BIC_SEARCH_ADMIN_KEY:-}" ]]; then
  AUTH=(-H "X-API-Key: $BIC_SEARCH_ADMIN_KEY")
fi

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
