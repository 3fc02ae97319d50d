#!/usr/bin/env bash
# Makes sure axe-core (pinned below), the accessibility rules the portal's browser test runs in each page, is installed
# in a local node_modules (.stack/tools/axe-core, git-ignored) and prints the path of axe.min.js as the last line.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-npm-package.sh" axe-core 4.14.1 node_modules/axe-core/axe.min.js
