# shellcheck shell=bash
# apt_install WHY PACKAGE...: installs Debian packages for a bin/lib/ensure-* script (source this file).
# As root directly, else through sudo; says what to run by hand when neither apt-get nor sudo is there.
apt_install() {
  local why=$1; shift
  if ! command -v apt-get >/dev/null; then
    echo "$* missing and this machine has no apt-get: install it yourself ($why)." >&2
    return 1
  fi
  local sudo=""
  if [[ "$(id -u)" != "0" ]]; then
    command -v sudo >/dev/null || { echo "Installing $* needs root (or sudo): run 'apt-get install $*' as root." >&2; return 1; }
    sudo="sudo"
  fi
  echo "installing the Debian packages $* ($why)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}
