package org.bioimagecatalog.catalog.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical dataset ids are derived, not allocated: {@code bic-} + the first 12 hex characters of the
 * SHA-256 of the first source record's key. Replaying {@code records.harvested.v1} into an empty database
 * therefore gives every dataset the id it had before, and the ids consumers already stored stay valid.
 */
public final class DatasetIds {
    public static final String PREFIX = "bic-";

    private DatasetIds() {}

    public static String forSourceKey(String sourceRecordKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sourceRecordKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
