package org.bioimagecatalog.harvester.cpg;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * The Cell Painting Gallery connector. The Gallery has no API: its registry is its documentation
 * ({@code README.md}, {@code documentation/prefixes.md}, {@code documentation/publications.md},
 * {@code documentation/citing.md} in {@code broadinstitute/cellpainting-gallery}). The location is
 * <ul>
 * <li>a local folder holding those files (a checkout, or the documents saved side by side; searched recursively), or
 *     one of them; or</li>
 * <li>an HTTP(S) base where they are served: {@code {base}/README.md}, and each of the others at
 *     {@code {base}/<name>} or {@code {base}/documentation/<name>} (the repository's layout, e.g.
 *     {@code https://raw.githubusercontent.com/broadinstitute/cellpainting-gallery/main/}); a missing document
 *     (404) is skipped, a failing one fails the run.</li>
 * </ul>
 * One record per dataset ({@link CpgDatasetMapper}), keyed {@code cpg:cpgNNNN}.
 */
@ApplicationScoped
public class CellPaintingGalleryConnector implements SourceConnector {
    public static final String TYPE = "cpg-registry";
    static final String README = "README.md";
    static final String PREFIXES = "prefixes.md";
    static final String PUBLICATIONS = "publications.md";
    static final String CITING = "citing.md";

    private final PoliteHttpClient http;
    private final RecordFileLocator locator;
    private final CpgDatasetMapper mapper = new CpgDatasetMapper();

    @Inject
    public CellPaintingGalleryConnector(PoliteHttpClient http) {
        this.http = http;
        this.locator = new RecordFileLocator(http, CellPaintingGalleryConnector::isDocument,
                "Cell Painting Gallery documents (README.md, prefixes.md)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return CpgDatasetMapper.ARCHIVE;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        String l = location.strip();
        CpgDocuments docs = RecordFileLocator.isHttp(l) ? fetch(URI.create(l)) : read(localPath(l));
        if (docs.isEmpty()) {
            throw new LocationUnreadableException("no Cell Painting Gallery README.md or prefixes.md at " + l);
        }
        Map<String, CpgDatasetMapper.Entry> entries = new LinkedHashMap<>();
        for (CpgDatasetMapper.Entry e : mapper.map(docs)) {
            entries.put(e.location(), e);
        }
        return new SourceListing() {
            @Override
            public List<String> entries() {
                return List.copyOf(entries.keySet());
            }

            @Override
            public HarvestedItem read(String entry) throws RecordRejectedException {
                CpgDatasetMapper.Entry e = entries.get(entry);
                if (e == null) {
                    throw new RecordRejectedException(entry, "not a dataset of this Gallery listing", null);
                }
                if (e.rejection() != null) {
                    throw new RecordRejectedException(entry, e.rejection(), e.excerpt());
                }
                return new HarvestedItem(e.accession(), entry, e.metadata());
            }
        };
    }

    private CpgDocuments fetch(URI location) throws LocationUnreadableException {
        String path = location.getRawPath() == null ? "" : location.getRawPath();
        if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String text = get(location).orElseThrow(() -> new LocationUnreadableException("GET " + location + " answered 404"));
            return single(name, text, location.toString());
        }
        URI base = URI.create(location.toString().replaceAll("/*$", "/"));
        Doc readme = getFirst(base, README, "");
        Doc prefixes = getFirst(base, PREFIXES, "", "documentation/");
        Doc publications = getFirst(base, PUBLICATIONS, "", "documentation/");
        Doc citing = getFirst(base, CITING, "", "documentation/");
        return new CpgDocuments(readme.text, readme.url, prefixes.text, prefixes.url, publications.text,
                publications.url, citing.text);
    }

    private record Doc(String text, String url) {}

    private Doc getFirst(URI base, String name, String... folders) throws LocationUnreadableException {
        for (String folder : folders) {
            URI uri = base.resolve(folder + name);
            Optional<String> text = get(uri);
            if (text.isPresent()) {
                return new Doc(text.get(), uri.toString());
            }
        }
        return new Doc(null, null);
    }

    /** The document's text; empty on 404 (the location does not have it); any other failure fails the run. */
    private Optional<String> get(URI uri) throws LocationUnreadableException {
        try {
            return Optional.of(new String(http.get(uri).body(), StandardCharsets.UTF_8));
        } catch (HttpFetchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw new LocationUnreadableException(e.getMessage(), e);
        }
    }

    private CpgDocuments read(Path path) throws LocationUnreadableException {
        if (!Files.exists(path)) {
            throw new LocationUnreadableException("no such file or directory: " + path);
        }
        if (Files.isRegularFile(path)) {
            return single(path.getFileName().toString(), text(path), path.toUri().toString());
        }
        Map<String, Path> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(path)) {
            // the shallowest file of each name wins, so a checkout's own README.md beats any README.md below it
            walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .forEach(p -> found.putIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
        } catch (IOException | UncheckedIOException e) {
            throw new LocationUnreadableException("cannot list " + path + ": " + e.getMessage(), e);
        }
        Path readme = found.get(README.toLowerCase(Locale.ROOT));
        Path prefixes = found.get(PREFIXES);
        Path publications = found.get(PUBLICATIONS);
        Path citing = found.get(CITING);
        return new CpgDocuments(text(readme), uri(readme), text(prefixes), uri(prefixes), text(publications),
                uri(publications), text(citing));
    }

    private static CpgDocuments single(String name, String text, String url) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "prefixes.md" -> new CpgDocuments(null, null, text, url, null, null, null);
            default -> new CpgDocuments(text, url, null, null, null, null, null);
        };
    }

    private static String text(Path file) throws LocationUnreadableException {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String uri(Path file) {
        return file == null ? null : file.toUri().toString();
    }

    private static Path localPath(String location) {
        return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
    }

    static boolean isDocument(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("readme.md") || n.equals(PREFIXES) || n.equals(PUBLICATIONS) || n.equals(CITING);
    }
}
