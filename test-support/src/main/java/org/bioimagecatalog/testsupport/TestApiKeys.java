package org.bioimagecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * API keys for tests: one per role, written (as SHA-256 hashes, like {@code bin/catalog key issue} does) to
 * {@code target/test-api-keys}, the file {@code %test.bic.security.keys-file} names. The services re-read that
 * file when it changes, so writing it at the first use of a key is early enough.
 */
public final class TestApiKeys {
    public static final String KEYS_FILE = "target/test-api-keys";

    private static final String ADMIN = "test-admin-key-6f1c0b3e";
    private static final String CURATOR = "test-curator-key-2a9d4e71";
    private static final String SUBMITTER = "test-submitter-key-8b5e7c02";
    private static volatile boolean written;

    private TestApiKeys() {
    }

    public static String admin() {
        return ensureWritten(ADMIN);
    }

    public static String curator() {
        return ensureWritten(CURATOR);
    }

    public static String submitter() {
        return ensureWritten(SUBMITTER);
    }

    /** A well-formed key that the file does not list (e.g. a revoked one). */
    public static String unknown() {
        return ensureWritten("test-unknown-key-00000000");
    }

    /** Writes the keys file to {@code file}, e.g. for packaged services started by a test. */
    public static Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, List.of(
                    sha256(ADMIN) + " admin test-admin 2026-01-01T00:00:00Z",
                    sha256(CURATOR) + " curator test-curator 2026-01-01T00:00:00Z",
                    sha256(SUBMITTER) + " submitter test-submitter 2026-01-01T00:00:00Z"), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test API keys file " + file, e);
        }
    }

    private static String ensureWritten(String key) {
        if (!written) {
            synchronized (TestApiKeys.class) {
                if (!written) {
                    writeTo(Path.of(KEYS_FILE));
                    written = true;
                }
            }
        }
        return key;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
