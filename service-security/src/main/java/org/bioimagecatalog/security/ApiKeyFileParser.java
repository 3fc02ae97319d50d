package org.bioimagecatalog.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Reads the lines of a keys file. Blank lines and {@code #} comments are ignored; a malformed line is logged
 * (by line number, never its content) and skipped, so one bad edit does not lock every other key out.
 */
public final class ApiKeyFileParser {
    private static final Logger LOG = Logger.getLogger(ApiKeyFileParser.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ApiKeyFileParser() {
    }

    /** The entries by hash. */
    public static Map<String, ApiKeyEntry> parse(List<String> lines, String source) {
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
                LOG.warnf("%s line %d is not '<sha256-hex> <admin|curator|submitter> <name> [issued-at]': skipped",
                        source, i + 1);
                continue;
            }
            byHash.put(hash, new ApiKeyEntry(hash, role.get(), fields[2], fields.length > 3 ? fields[3] : ""));
        }
        return byHash;
    }
}
