#!/usr/bin/env bash
# Makes sure headless Chromium and its WebDriver are installed (Debian packages `chromium` and
# `chromium-driver`), for the browser test of the search widget. Idempotent: does nothing when both exist.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "chromium and chromedriver are installed: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
  exit 0
fi
apt_install "the widget's browser test, skipped without /usr/bin/chromium" chromium chromium-driver
echo "installed: $(/usr/bin/chromium --version)"
