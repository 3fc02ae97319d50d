#!/usr/bin/env bash
# Makes sure headless Chromium and its WebDriver are installed (Debian packages `chromium` and
# `chromium-driver`), for the browser test of the search widget. Idempotent: does nothing when both exist.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "chromium and chromedriver are installed: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing and this machine has no apt-get: install chromium and chromedriver yourself" \
       "(the widget browser test is skipped without /usr/bin/chromium)." >&2
  exit 1
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if ! command -v sudo >/dev/null; then
    echo "Installing Chromium needs root (or sudo): run 'apt-get install chromium chromium-driver' as root." >&2
    exit 1
  fi
  SUDO="sudo"
fi

echo "installing the Debian packages chromium and chromium-driver (for the widget's browser test)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "installed: $(/usr/bin/chromium --version)"
