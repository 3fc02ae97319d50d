#!/usr/bin/env bash
# Makes sure the OpenAPI linter @redocly/cli (pinned below) is installed in a local node_modules
# (.stack/tools/redocly-cli, git-ignored) and prints the path of its executable as the last line (ensure-npm-package.sh).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-npm-package.sh" @redocly/cli 2.77.0 node_modules/.bin/redocly
