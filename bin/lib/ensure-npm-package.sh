#!/usr/bin/env bash
# ensure-npm-package.sh PACKAGE VERSION FILE: makes sure npm package PACKAGE@VERSION is installed in a local
# node_modules (.stack/tools/<PACKAGE without @, / as ->, git-ignored) and prints the path of FILE inside it (relative to
# that folder, e.g. node_modules/.bin/redocly or node_modules/axe-core/axe.min.js) as the last line. Idempotent: does
# nothing when that version is already there. Needs npm; installs the Debian packages nodejs and npm when they are
# missing (as root). Used by ensure-redocly.sh (the OpenAPI lint) and by the portal's accessibility check (axe-core).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LOG_TAG=npm-tools

[[ $# -eq 3 ]] || die "usage: ensure-npm-package.sh PACKAGE VERSION FILE"
PACKAGE=$1 VERSION=$2
NAME=${PACKAGE#@}; NAME=${NAME//\//-}   # @redocly/cli → redocly-cli
DIR="$STACK_DIR/tools/$NAME"
TARGET="$DIR/$3"

# the installed version: package.json's top-level "version" (npm writes it before any nested one)
installed() {
  grep -o '"version": *"[^"]*"' "$DIR/node_modules/$PACKAGE/package.json" 2>/dev/null | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/'
}

if [[ -e $TARGET ]] && [[ "$(installed)" == "$VERSION" ]]; then
  echo "$TARGET"
  exit 0
fi

if ! command -v npm >/dev/null; then
  [[ $EUID -eq 0 ]] || die "npm is missing: run 'sudo apt-get install nodejs npm' once"
  log "installing the Debian packages nodejs and npm" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

log "installing $PACKAGE@$VERSION into $DIR" >&2
mkdir -p "$DIR"
[[ -f $DIR/package.json ]] || echo "{\"name\":\"bic-tools-$NAME\",\"private\":true}" >"$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --save-exact "$PACKAGE@$VERSION" >&2
[[ -e $TARGET ]] || die "npm did not install $TARGET"
echo "$TARGET"
