package org.bioimagecatalog.harvester.files;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.HttpFetchException;

/**
 * The records of a file location (one native record per file, as {@link RecordFileLocator} found them), each
 * read and mapped on demand. A file that cannot be read or mapped is rejected with a reason that starts with
 * its name and with the start of its text as the payload excerpt.
 */
public final class FileRecordListing implements SourceListing {
    private final RecordFileLocator locator;
    private final RecordFileLocator.Found found;
    private final RecordMapper mapper;

    public FileRecordListing(RecordFileLocator locator, RecordFileLocator.Found found, RecordMapper mapper) {
        this.locator = locator;
        this.found = found;
        this.mapper = mapper;
    }

    @Override
    public List<String> entries() {
        return found.entries();
    }

    @Override
    public HarvestedItem read(String entry) throws RecordRejectedException {
        String fileName = fileName(entry);
        if (found.unreadable().containsKey(entry)) {
            throw new RecordRejectedException(entry, fileName + ": " + found.unreadable().get(entry), null);
        }
        byte[] bytes;
        try {
            bytes = found.prefetched().containsKey(entry) ? found.prefetched().get(entry) : locator.read(entry);
        } catch (IOException | HttpFetchException e) {
            throw new RecordRejectedException(entry, fileName + ": cannot be read: " + e.getMessage(), null);
        }
        try {
            return mapper.map(bytes, sourceUrl(entry));
        } catch (InvalidRecordException e) {
            throw new RecordRejectedException(entry, fileName + ": " + e.getMessage(),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** A local path as a {@code file:} URI; a URL as it is. */
    public static String sourceUrl(String entry) {
        return RecordFileLocator.isHttp(entry) ? entry : Path.of(entry).toUri().toString();
    }

    /** The last path segment, URL-decoded for URLs, so rejection reasons name the file as people know it. */
    public static String fileName(String entry) {
        String trimmed = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return RecordFileLocator.isHttp(entry) ? URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8) : name;
    }
}
