#!/usr/bin/env bash
# Makes sure the OpenAPI linter @redocly/cli (pinned below) is installed in a local node_modules
# (.stack/tools/redocly, git-ignored) and prints the path of its executable as the last line.
# Idempotent: does nothing when that version is already there. Needs Node.js 20+ and npm; installs the
# Debian packages nodejs and npm when they are missing (as root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LOG_TAG=redocly

REDOCLY_VERSION=2.77.0
DIR="$STACK_DIR/tools/redocly"
BIN="$DIR/node_modules/.bin/redocly"

if [[ -x $BIN ]] && [[ "$("$BIN" --version 2>/dev/null)" == "$REDOCLY_VERSION" ]]; then
  echo "$BIN"
  exit 0
fi

if ! command -v npm >/dev/null; then
  [[ $EUID -eq 0 ]] || die "npm is missing: run 'sudo apt-get install nodejs npm' once"
  log "installing the Debian packages nodejs and npm" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

log "installing @redocly/cli@$REDOCLY_VERSION into $DIR" >&2
mkdir -p "$DIR"
[[ -f $DIR/package.json ]] || echo '{"name":"bic-tools-redocly","private":true}' >"$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --save-exact "@redocly/cli@$REDOCLY_VERSION" >&2
[[ -x $BIN ]] || die "npm did not install $BIN"
echo "$BIN"
