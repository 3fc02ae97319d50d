#!/usr/bin/env bash
# Re-normalises the stored datasets with the current vocabularies, without a harvest, and waits for the end (for
# `bin/catalog renormalise`): POST /api/v1/datasets/admin/renormalise, then GET until it stops running. Only the
# datasets whose canonical record changed are published on datasets.v1 again (search reindexes them).
#   bin/lib/renormalise.sh [CATALOG_URL]      default http://127.0.0.1:8082 (BIC_CATALOG_URL)
# Needs an admin API key: BIC_ADMIN_KEY (bin/catalog renormalise passes .stack/admin.key), sent as a Bearer token.
set -euo pipefail

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
  running=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["running"])' "$status")
  [[ $running == True ]] || break
  echo "… $(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print("%d datasets, %d re-published" % (s["datasets"], s["republished"]))' "$status")"
  sleep 2
done
python3 -c '
import json,sys
s=json.loads(sys.argv[1])
print("done: version %d, %d datasets re-merged, %d re-published, %d merged away, %d still pending%s" % (s["version"],
      s["datasets"], s["republished"], s["mergedAway"], s["pending"], ("; stopped: " + s["error"]) if s.get("error") else ""))
sys.exit(1 if s.get("error") else 0)' "$status"
