package org.bioimagecatalog.harvester.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.http.AutoindexCrawler;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * Finds the record files a location holds, one native record per file: a local folder (searched recursively),
 * a local file, an HTTP(S) file or an HTTP(S) folder listing (crawled). Which file names count is the
 * connector's choice. A location that yields no record file at all is treated as unreadable: a run that
 * harvests nothing from a file location is a misconfiguration, not a success.
 */
public final class RecordFileLocator {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

    private final PoliteHttpClient http;
    private final AutoindexCrawler crawler;
    private final Predicate<String> wantedName;
    private final String kind;

    /** The record files found; the bytes already fetched while finding them; folders that could not be listed. */
    public record Found(List<String> entries, Map<String, byte[]> prefetched, Map<String, String> unreadable) {}

    /**
     * @param wantedName accepts the file names that hold records
     * @param kind what such files are called in messages, e.g. {@code study files (*-study.txt)}
     */
    public RecordFileLocator(PoliteHttpClient http, Predicate<String> wantedName, String kind) {
        this.http = http;
        this.crawler = new AutoindexCrawler(http, http.settings().maxDepth());
        this.wantedName = wantedName;
        this.kind = kind;
    }

    public void check(String location) throws InvalidLocationException {
        String l = location.strip();
        var scheme = SCHEME.matcher(l);
        String name = scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : null;
        if (name == null || name.equals("file")) {
            Path path;
            try {
                path = localPath(l);
            } catch (IllegalArgumentException e) {
                throw new InvalidLocationException("'" + l + "' is not a valid path: " + e.getMessage());
            }
            if (!path.isAbsolute()) {
                throw new InvalidLocationException("a local location must be an absolute path, not '" + l + "'");
            }
        } else if (name.equals("http") || name.equals("https")) {
            URI uri;
            try {
                uri = URI.create(l);
            } catch (IllegalArgumentException e) {
                throw new InvalidLocationException("'" + l + "' is not a valid URL: " + e.getMessage());
            }
            if (uri.getHost() == null) {
                throw new InvalidLocationException("'" + l + "' is not a valid URL: it names no host");
            }
        } else {
            throw new InvalidLocationException("unsupported location scheme '" + name
                    + "': use an absolute path, a file: URI or an http(s) URL");
        }
    }

    public Found find(String location) throws LocationUnreadableException {
        String l = location.strip();
        return isHttp(l) ? findOverHttp(URI.create(l)) : findLocally(localPath(l));
    }

    public byte[] read(String entry) throws IOException, HttpFetchException {
        if (isHttp(entry)) {
            return http.get(URI.create(entry)).body();
        }
        Path path = Path.of(entry);
        long size = Files.size(path);
        if (size > http.settings().maxBodyBytes()) {
            throw new IOException(size + " bytes is more than the configured limit of " + http.settings().maxBodyBytes());
        }
        return Files.readAllBytes(path);
    }

    private Found findLocally(Path path) throws LocationUnreadableException {
        if (!Files.exists(path)) {
            throw new LocationUnreadableException("no such file or directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            return new Found(List.of(path.toString()), Map.of(), Map.of());
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> wantedName.test(p.getFileName().toString()))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new LocationUnreadableException("cannot list " + path + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new LocationUnreadableException("no " + kind + " under " + path);
        }
        return new Found(files, Map.of(), Map.of());
    }

    private Found findOverHttp(URI uri) throws LocationUnreadableException {
        FetchedResource start;
        try {
            start = http.get(uri);
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
        if (!start.isHtml()) {
            return new Found(List.of(uri.toString()), Map.of(uri.toString(), start.body()), Map.of());
        }
        AutoindexCrawler.Listing listing = crawler.crawl(start, wantedName);
        List<String> entries = new ArrayList<>(listing.files().stream().map(URI::toString).toList());
        Map<String, String> unreadable = new LinkedHashMap<>();
        listing.unreadableFolders().forEach((folder, reason) -> {
            entries.add(folder.toString());
            unreadable.put(folder.toString(), "folder listing cannot be read: " + reason);
        });
        if (listing.files().isEmpty()) {
            throw new LocationUnreadableException("no " + kind + " in the listing at " + uri
                    + (unreadable.isEmpty() ? "" : "; unreadable folders: " + unreadable));
        }
        return new Found(entries, Map.of(), unreadable);
    }

    public static boolean isHttp(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** A path or {@code file:} URI as a path; {@link IllegalArgumentException} when it is neither. */
    private static Path localPath(String location) {
        try {
            return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
