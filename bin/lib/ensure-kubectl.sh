#!/usr/bin/env bash
# Makes sure kubectl with a built-in kustomize v5 or newer is installed, for the check of k8s/ (module
# k8s-validation runs `kubectl kustomize` on every overlay). Idempotent: does nothing when it is there.
#   1. a kubectl on PATH whose `kubectl version --client` says Kustomize Version v5+ (the project's machines
#      have one, from the Debian package `kubectl` of Google's Cloud SDK repository);
#   2. else `apt-get install kubectl` (any apt repository that carries it: Google's, or pkgs.k8s.io);
#   3. Debian's own `kubernetes-client` (bookworm: 1.20) embeds kustomize v2, too old for components and
#      labels: it is not enough, and the script says so.
set -euo pipefail

kustomize_major() { "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'; }
good() { local k; k=$(command -v kubectl) && [[ "$(kustomize_major "$k")" -ge 5 ]] 2>/dev/null; }

if good; then
  echo "kubectl is installed: $(command -v kubectl), kustomize v$(kustomize_major "$(command -v kubectl)")"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "kubectl (with kustomize v5+) is missing and this machine has no apt-get: install kubectl 1.27 or newer." >&2
  exit 1
fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null || { echo "Installing kubectl needs root (or sudo): run 'apt-get install kubectl' as root." >&2; exit 1; }
  SUDO="sudo"
fi

echo "installing kubectl from apt (for the check of the Kubernetes manifests in k8s/)..."
$SUDO apt-get update -qq || true
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq kubectl >/dev/null 2>&1 && good; then
  echo "installed: $(command -v kubectl), kustomize v$(kustomize_major "$(command -v kubectl)")"
  exit 0
fi
echo "No apt repository here offers a kubectl with kustomize v5+ (Debian's kubernetes-client 1.20 has kustomize v2)." >&2
echo "Add the Kubernetes apt repository (pkgs.k8s.io, kubectl 1.27+) or put a kubectl 1.27+ on PATH (or in KUBECTL)." >&2
exit 1
