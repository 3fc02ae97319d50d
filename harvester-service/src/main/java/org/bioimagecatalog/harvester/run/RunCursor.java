package org.bioimagecatalog.harvester.run;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a newest-first page of runs ended: the start time and id of its last run. Clients see it only as an
 * opaque string, so the encoding may change without breaking them.
 */
public record RunCursor(Instant startedAt, UUID id) {

    public String encode() {
        String raw = startedAt.getEpochSecond() + "." + startedAt.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static RunCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            String[] time = parts[0].split("\\.", 2);
            return new RunCursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                    UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidRequestException("'cursor' is not a cursor this API returned");
        }
    }
}
