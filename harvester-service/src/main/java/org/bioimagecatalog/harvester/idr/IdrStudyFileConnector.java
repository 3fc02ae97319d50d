package org.bioimagecatalog.harvester.idr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.Identifier;

/**
 * The IDR connector: harvests {@code idrNNNN-study.txt} files from a local folder (a checkout of
 * {@code IDR/idr-metadata}, a replay), a single file, or an HTTP(S) mirror — one study file URL or a folder
 * listing that is crawled for study files.
 */
@ApplicationScoped
public class IdrStudyFileConnector implements SourceConnector {
    public static final String TYPE = "idr-study-files";

    private final IdrStudyFileParser parser = new IdrStudyFileParser();
    private final RecordFileLocator locator;

    @Inject
    public IdrStudyFileConnector(PoliteHttpClient http) {
        this.locator = new RecordFileLocator(http, IdrStudyFileConnector::isStudyFileName, "study files (*-study.txt)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return Identifier.IDR;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        RecordFileLocator.Found found = locator.find(location);
        return new SourceListing() {
            @Override
            public List<String> entries() {
                return found.entries();
            }

            @Override
            public HarvestedItem read(String entry) throws RecordRejectedException {
                return parse(entry, found.prefetched(), found.unreadable());
            }
        };
    }

    private HarvestedItem parse(String entry, Map<String, byte[]> prefetched, Map<String, String> unreadable)
            throws RecordRejectedException {
        String fileName = fileName(entry);
        if (unreadable.containsKey(entry)) {
            throw new RecordRejectedException(entry, fileName + ": " + unreadable.get(entry), null);
        }
        byte[] bytes;
        try {
            bytes = prefetched.containsKey(entry) ? prefetched.get(entry) : locator.read(entry);
        } catch (IOException | HttpFetchException e) {
            throw new RecordRejectedException(entry, fileName + ": cannot be read: " + e.getMessage(), null);
        }
        try {
            IdrStudy study = parser.parse(bytes, fileName);
            return new HarvestedItem(study.accession(), sourceUrl(entry), study.metadata());
        } catch (InvalidStudyFileException e) {
            throw new RecordRejectedException(entry, e.getMessage(), IdrStudyFileParser.readableText(bytes));
        }
    }

    private static String sourceUrl(String entry) {
        return isHttp(entry) ? entry : Path.of(entry).toUri().toString();
    }

    /** The last path segment, URL-decoded for URLs, so rejection reasons name the file as people know it. */
    private static String fileName(String entry) {
        String trimmed = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return isHttp(entry) ? URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8) : name;
    }

    private static boolean isHttp(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static boolean isStudyFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("-study.txt");
    }
}
