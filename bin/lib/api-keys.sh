# shellcheck shell=bash
# API keys for bin/catalog (source it after common.sh). The keys file holds one line per key:
#   <sha256-hex> <role> <name> <issued-at>
# The key itself is printed once when issued and stored nowhere else; the services re-read the file when it
# changes, so issuing and revoking take effect at once. See docs/security.md.

KEYS_FILE="${BIC_API_KEYS_FILE:-$STACK_DIR/api-keys}"
OPERATOR_KEY_FILE="$STACK_DIR/admin.key"

new_key() {
  if command -v openssl >/dev/null; then
    openssl rand -base64 32
  else
    head -c 32 /dev/urandom | base64
  fi | tr '+/' '-_' | tr -d '=\n'
}

key_hash() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

key_names() { [[ -f $KEYS_FILE ]] && awk '!/^#/ && NF >= 3 {print $3}' "$KEYS_FILE"; return 0; }

# Appends the hash of a new key to the keys file and prints the key (only) on stdout.
issue_key() {
  local role=$1 name=$2
  [[ $role =~ ^(admin|curator|submitter)$ ]] || die "the role must be admin, curator or submitter, not '$role'"
  [[ $name =~ ^[A-Za-z0-9._@-]{1,64}$ ]] || die "a key name is 1-64 letters, digits or . _ @ - (no spaces): '$name'"
  key_names | grep -qxF -- "$name" && die "a key named '$name' exists already; revoke it first or choose another name"
  mkdir -p "$(dirname "$KEYS_FILE")"
  local key; key="$(new_key)"
  (umask 077; printf '%s %s %s %s\n' "$(key_hash "$key")" "$role" "$name" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$KEYS_FILE")
  printf '%s\n' "$key"
}

revoke_key() {
  local name=$1
  key_names | grep -qxF -- "$name" || die "no key is named '$name' in $KEYS_FILE (bin/catalog key list)"
  local tmp="$KEYS_FILE.tmp.$$"
  (umask 077; awk -v n="$name" '/^#/ || NF < 3 || $3 != n' "$KEYS_FILE" >"$tmp")
  mv "$tmp" "$KEYS_FILE"   # one atomic replace: a service never reads a half-written file
  log "revoked the key '$name' (effective at the next request to each service)"
}

list_keys() {
  [[ -f $KEYS_FILE ]] || { log "no keys file at $KEYS_FILE yet (bin/catalog key issue ROLE NAME)"; return 0; }
  printf '%-10s %-32s %s\n' ROLE NAME ISSUED
  awk '!/^#/ && NF >= 3 {printf "%-10s %-32s %s\n", $2, $3, $4}' "$KEYS_FILE"
}

# The local operator's admin key (.stack/admin.key, mode 600), issued on the first `bin/catalog up`.
ensure_operator_key() {
  if [[ -s $OPERATOR_KEY_FILE ]] && [[ -f $KEYS_FILE ]] \
      && grep -q "^$(key_hash "$(cat "$OPERATOR_KEY_FILE")") " "$KEYS_FILE"; then
    return 0
  fi
  key_names | grep -qxF local-operator && revoke_key local-operator
  mkdir -p "$STACK_DIR"
  (umask 077; issue_key admin local-operator >"$OPERATOR_KEY_FILE")
  chmod 600 "$OPERATOR_KEY_FILE"
  log "issued an admin key for the local operator: $OPERATOR_KEY_FILE (used by harvest and reindex)"
}

# The admin key bin/catalog sends: BIC_ADMIN_KEY, else the local operator's.
admin_key() {
  if [[ -n ${BIC_ADMIN_KEY:-} ]]; then printf '%s' "$BIC_ADMIN_KEY"; return; fi
  [[ -s $OPERATOR_KEY_FILE ]] || die "no admin key: run 'bin/catalog up' once (it issues $OPERATOR_KEY_FILE) or set BIC_ADMIN_KEY"
  cat "$OPERATOR_KEY_FILE"
}

key_command() {
  case "${1:-}" in
    issue)
      [[ $# -eq 3 ]] || die "usage: bin/catalog key issue admin|curator|submitter NAME"
      local key; key="$(issue_key "$2" "$3")"
      log "issued a $2 key named '$3'; it is shown once, here, and stored nowhere (only its hash is in $KEYS_FILE):" >&2
      printf '%s\n' "$key"
      ;;
    revoke) [[ $# -eq 2 ]] || die "usage: bin/catalog key revoke NAME"; revoke_key "$2" ;;
    list) list_keys ;;
    *) die "usage: bin/catalog key issue ROLE NAME | key revoke NAME | key list" ;;
  esac
}
