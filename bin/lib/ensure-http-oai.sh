#!/usr/bin/env bash
# Makes sure the Perl OAI-PMH library HTTP::OAI is installed (Debian package `libhttp-oai-perl`), the
# third-party harvesting client catalog-service's OaiHarvestClientTest runs against the /oai provider.
# Idempotent: does nothing when it is there.
set -euo pipefail

if perl -MHTTP::OAI -e 1 2>/dev/null; then
  echo "HTTP::OAI is installed: $(perl -MHTTP::OAI -e 'print $HTTP::OAI::VERSION')"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "HTTP::OAI is missing and this machine has no apt-get: install it from CPAN (cpan HTTP::OAI)" \
       "(the OAI-PMH client test is skipped without it)." >&2
  exit 1
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if ! command -v sudo >/dev/null; then
    echo "Installing HTTP::OAI needs root (or sudo): run 'apt-get install libhttp-oai-perl' as root." >&2
    exit 1
  fi
  SUDO="sudo"
fi

echo "installing the Debian package libhttp-oai-perl (for the OAI-PMH client test)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libhttp-oai-perl
echo "installed: HTTP::OAI $(perl -MHTTP::OAI -e 'print $HTTP::OAI::VERSION')"
