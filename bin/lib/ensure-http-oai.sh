#!/usr/bin/env bash
# Makes sure the Perl OAI-PMH library HTTP::OAI is installed (Debian package `libhttp-oai-perl`), the
# third-party harvesting client catalog-service's OaiHarvestClientTest runs against the /oai provider.
# Idempotent: does nothing when it is there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if perl -MHTTP::OAI -e 1 2>/dev/null; then
  echo "HTTP::OAI is installed: $(perl -MHTTP::OAI -e 'print $HTTP::OAI::VERSION')"
  exit 0
fi
apt_install "the OAI-PMH client test, skipped without it; elsewhere: cpan HTTP::OAI" libhttp-oai-perl
echo "installed: HTTP::OAI $(perl -MHTTP::OAI -e 'print $HTTP::OAI::VERSION')"
