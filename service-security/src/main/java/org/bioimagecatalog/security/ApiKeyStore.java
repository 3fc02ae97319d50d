package org.bioimagecatalog.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The keys file, read again whenever its modification time or size changes, so a key issued or revoked by
 * editing the file (or by Kubernetes updating a mounted Secret) takes effect without a restart. A missing
 * file means no keys: every protected call is refused, reads stay open.
 */
public final class ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    private final Path file;
    private Snapshot snapshot = new Snapshot(null, -1, Map.of());

    private record Snapshot(FileTime modified, long size, Map<String, ApiKeyEntry> byHash) {
    }

    public ApiKeyStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The entry of a presented key, if the file lists its hash. */
    public Optional<ApiKeyEntry> find(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().get(ApiKeyHash.of(presentedKey.strip())));
    }

    /** The number of keys the file lists now. */
    public int size() {
        return current().size();
    }

    private synchronized Map<String, ApiKeyEntry> current() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            if (snapshot.modified() != null || snapshot.size() == -1) {
                LOG.warnf("no API keys file at %s: every write is refused until keys are issued", file);
            }
            snapshot = new Snapshot(null, -2, Map.of());
            return snapshot.byHash();
        } catch (IOException e) {
            LOG.errorf("cannot read the API keys file %s (%s): keeping the keys read before", file, e.getMessage());
            return snapshot.byHash();
        }
        if (Objects.equals(modified, snapshot.modified()) && size == snapshot.size()) {
            return snapshot.byHash();
        }
        try {
            Map<String, ApiKeyEntry> byHash = ApiKeyFileParser.parse(Files.readAllLines(file), file.toString());
            snapshot = new Snapshot(modified, size, Map.copyOf(byHash));
            LOG.infof("read %d API keys from %s", byHash.size(), file);
        } catch (IOException e) {
            LOG.errorf("cannot read the API keys file %s (%s): keeping the keys read before", file, e.getMessage());
        }
        return snapshot.byHash();
    }
}
