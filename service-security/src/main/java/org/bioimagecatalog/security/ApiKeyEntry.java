package org.bioimagecatalog.security;

/** One line of the keys file: {@code <sha256-hex> <role> <name> <issued-at>}. The key itself is never stored. */
public record ApiKeyEntry(String hash, ApiRole role, String name, String issuedAt) {
}
