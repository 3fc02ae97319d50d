#!/usr/bin/env bash
# Rebuilds src/main/resources/vocab/spdx-licences.tsv from the SPDX licence list that ships inside
# org.spdx:java-spdx-library (resources/stdlicenses/licenses.json). Re-runnable: the same library version
# gives the same file. Needs network access to Maven Central (through ./mvnw) and jq.
#   catalog-model/scripts/extract-spdx-licences.sh [library-version]
set -euo pipefail

version="${1:-2.0.0}"
module_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$module_dir/.." && pwd)"
out="$module_dir/src/main/resources/vocab/spdx-licences.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v jq >/dev/null || { echo "jq is needed to read the licence list: apt-get install jq" >&2; exit 1; }

echo "fetching org.spdx:java-spdx-library:$version from Maven Central"
"$repo_dir/mvnw" -B -q dependency:copy -Dartifact="org.spdx:java-spdx-library:$version" -DoutputDirectory="$work"
unzip -p "$work/java-spdx-library-$version.jar" resources/stdlicenses/licenses.json > "$work/licenses.json"

list_version="$(jq -r .licenseListVersion "$work/licenses.json")"
{
  printf '# SPDX License List %s, from org.spdx:java-spdx-library:%s (resources/stdlicenses/licenses.json); CC0-1.0\n' \
      "$list_version" "$version"
  printf 'id\tname\tdeprecated\turls\n'
  jq -r '.licenses | sort_by(.licenseId)[] |
      [.licenseId, .name, (if .isDeprecatedLicenseId then "true" else "false" end),
       ([.reference] + (.seeAlso // []) | map(gsub("\\s"; "")) | join(" "))] | @tsv' "$work/licenses.json"
} > "$out"
echo "wrote $(($(wc -l < "$out") - 2)) licences of list $list_version to $out"
