#!/usr/bin/env bash
# Prints the catalog's harmony report (GET /api/v1/datasets/harmony), for `bin/catalog vocab-report` and
# `bin/bench vocab`: the share of organism, imaging-method, cell-line, format and licence values that carry an
# id; how many ids appear under more than one display name (must be 0); the unresolved labels with their counts;
# how many datasets merge records of more than one archive. RESULT lines carry the figures for bin/bench.
#   bin/lib/vocab-report.sh [CATALOG_URL] [TOP]      default http://127.0.0.1:8082 (BIC_CATALOG_URL), top 20
set -euo pipefail

URL="${1:-${BIC_CATALOG_URL:-http://127.0.0.1:8082}}"
TOP="${2:-20}"
[[ "$TOP" =~ ^[0-9]+$ ]] || { echo "--top must be a whole number, got '$TOP'" >&2; exit 2; }
if ! report="$(curl -fsS "$URL/api/v1/datasets/harmony?top=$TOP")"; then
  echo "no harmony report at $URL/api/v1/datasets/harmony: is the catalog up? (bin/catalog up)" >&2
  exit 1
fi
python3 - "$report" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("Harmony report over %d live datasets (normaliser version %d, %d built by an older one)"
      % (r["datasets"], r["normaliserVersion"], r["datasetsOnOlderNormaliser"]))
print()
print("%-15s %8s %8s %8s %16s" % ("field", "values", "with id", "share", "ids >1 names"))
for f in r["fields"]:
    share = "-" if f.get("share") is None else "%.1f%%" % (100 * f["share"])
    print("%-15s %8d %8d %8s %16d" % (f["field"], f["values"], f["withId"], share, f["idsWithSeveralNames"]))
print()
print("ids shown under more than one display name: %d (must be 0)" % r["idsWithSeveralNames"])
print("datasets merging records of more than one archive: %d" % r["multiArchiveDatasets"])
for f in r["fields"]:
    if f["unresolved"]:
        print()
        print("unresolved %s (label: datasets):" % f["field"])
        for u in f["unresolved"]:
            print("  %5d  %s" % (u["count"], u["label"]))
print()
for f in r["fields"]:
    share = "" if f.get("share") is None else " share=%.4f" % f["share"]
    print("RESULT vocab field=%s values=%d withId=%d%s idsWithSeveralNames=%d unresolvedLabels=%d"
          % (f["field"], f["values"], f["withId"], share, f["idsWithSeveralNames"], len(f["unresolved"])))
print("RESULT vocab datasets=%d idsWithSeveralNames=%d multiArchiveDatasets=%d normaliserVersion=%d"
      % (r["datasets"], r["idsWithSeveralNames"], r["multiArchiveDatasets"], r["normaliserVersion"]))
PY
