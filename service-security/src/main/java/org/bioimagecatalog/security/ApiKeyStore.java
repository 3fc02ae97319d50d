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
 * editing the file (or by Kubernetes updating a mounted Secret) takes effect without a restart. A missing,
 * unreadable or malformed file means no keys (fail closed, logged as an error): every protected call is refused,
 * reads stay open. Keeping the keys read before would keep a revoked key working.
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
            return failClosed("cannot read the API keys file " + file + " (" + e.getMessage() + ")", null, -3);
        }
        if (Objects.equals(modified, snapshot.modified()) && size == snapshot.size()) {
            return snapshot.byHash();
        }
        try {
            Map<String, ApiKeyEntry> byHash = ApiKeyFileParser.parse(Files.readAllLines(file), file.toString());
            snapshot = new Snapshot(modified, size, Map.copyOf(byHash));
            LOG.infof("read %d API keys from %s", byHash.size(), file);
        } catch (IOException e) {
            return failClosed("cannot read the API keys file " + file + " (" + e.getMessage() + ")", modified, size);
        } catch (MalformedKeysFileException e) {
            // remembered with the file's time and size: logged once per version of the file, not per request
            return failClosed(e.getMessage(), modified, size);
        }
        return snapshot.byHash();
    }

    private Map<String, ApiKeyEntry> failClosed(String reason, FileTime modified, long size) {
        if (!(Objects.equals(modified, snapshot.modified()) && size == snapshot.size())) {
            LOG.errorf("%s: NO API KEYS ARE ACCEPTED until the file is fixed; every write is refused", reason);
        }
        snapshot = new Snapshot(modified, size, Map.of());
        return snapshot.byHash();
    }
}
