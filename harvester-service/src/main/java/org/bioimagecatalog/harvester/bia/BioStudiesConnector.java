package org.bioimagecatalog.harvester.bia;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bioimagecatalog.harvester.files.FileRecordListing;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.files.RecordMapper;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.Identifier;

/**
 * The BioImage Archive connector: BioStudies study JSON ("PageTab"), from
 * <ul>
 * <li>a local folder of study files ({@code S-BIAD15.json} …, searched recursively), one file, or an HTTP(S)
 *     study file or folder listing; or</li>
 * <li>the base URL of a BioStudies API ({@code https://www.ebi.ac.uk/biostudies/api/v1}, a mirror or a replay):
 *     the collection is enumerated with {@code {base}/{collection}/search} and each study fetched from
 *     {@code {base}/studies/{accession}}. Query parameters of the location choose the collection
 *     ({@code collection}, default {@code BioImages}), the search ({@code query}, default empty = all) and
 *     {@code pageSize} (default 100).</li>
 * </ul>
 * An HTTP location is tried as an API first; when its search answers 404 or is not a search response, it is
 * read as a file or folder listing instead.
 */
@ApplicationScoped
public class BioStudiesConnector implements SourceConnector {
    public static final String TYPE = "biostudies";
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final BioStudiesStudyMapper mapper = new BioStudiesStudyMapper();
    private final RecordMapper recordMapper = (bytes, sourceUrl) -> {
        BiaStudy study = mapper.map(bytes);
        return new HarvestedItem(study.archive(), study.accession(), sourceUrl, study.metadata());
    };
    private final PoliteHttpClient http;
    private final RecordFileLocator locator;

    @Inject
    public BioStudiesConnector(PoliteHttpClient http) {
        this.http = http;
        this.locator = new RecordFileLocator(http, name -> name.toLowerCase(Locale.ROOT).endsWith(".json"),
                "BioStudies study files (*.json)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return Identifier.BIA;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        String l = location.strip();
        URI uri = RecordFileLocator.isHttp(l) ? URI.create(l) : null;
        if (uri == null || uri.getPath().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return new FileRecordListing(locator, locator.find(l), recordMapper);
        }
        Map<String, String> options = queryOptions(uri);
        String base = baseOf(uri);
        int pageSize = parsePageSize(options.get("pageSize"));
        BioStudiesSearchPager.Result result;
        try {
            result = new BioStudiesSearchPager(http, pageSize)
                    .enumerate(base, options.getOrDefault("collection", "BioImages"), options.getOrDefault("query", ""));
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
        if (!result.isApi()) {
            return new FileRecordListing(locator, locator.find(l), recordMapper);
        }
        List<String> entries = new java.util.ArrayList<>(result.accessions().stream()
                .map(acc -> base + "/studies/" + acc).toList());
        entries.addAll(result.unreadablePages().keySet());
        return new FileRecordListing(locator, new RecordFileLocator.Found(entries, Map.of(),
                Map.copyOf(prefixReasons(result.unreadablePages()))), recordMapper);
    }

    private static Map<String, String> prefixReasons(Map<String, String> pages) {
        Map<String, String> reasons = new LinkedHashMap<>();
        pages.forEach((url, reason) -> reasons.put(url, "search page cannot be read, the enumeration stopped here: " + reason));
        return reasons;
    }

    /** The location without its query and trailing slash: the API root that {@code /studies/…} hangs from. */
    private static String baseOf(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    private static Map<String, String> queryOptions(URI uri) {
        Map<String, String> options = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return options;
    }

    private static int parsePageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE_SIZE;
        }
    }
}
