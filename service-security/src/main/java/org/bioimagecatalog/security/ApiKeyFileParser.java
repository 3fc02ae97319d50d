package org.bioimagecatalog.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the lines of a keys file. Blank lines and {@code #} comments are ignored. A malformed line makes the whole
 * file malformed ({@link MalformedKeysFileException}, naming the line number, never its content): a file that
 * was half-edited, truncated or is not a keys file at all must not leave some keys working, so the store then
 * holds no keys (it fails closed).
 */
public final class ApiKeyFileParser {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ApiKeyFileParser() {
    }

    /** The entries by hash; fails on the first malformed line. */
    public static Map<String, ApiKeyEntry> parse(List<String> lines, String source) throws MalformedKeysFileException {
        Map<String, ApiKeyEntry> byHash = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String hash = fields[0].toLowerCase(Locale.ROOT);
            Optional<ApiRole> role = fields.length >= 3 ? ApiRole.parse(fields[1]) : Optional.empty();
            if (!SHA256_HEX.matcher(hash).matches() || role.isEmpty()) {
                throw new MalformedKeysFileException(source + " line " + (i + 1)
                        + " is not '<sha256-hex> <admin|curator|submitter> <name> [issued-at]'");
            }
            byHash.put(hash, new ApiKeyEntry(hash, role.get(), fields[2], fields.length > 3 ? fields[3] : ""));
        }
        return byHash;
    }
}
