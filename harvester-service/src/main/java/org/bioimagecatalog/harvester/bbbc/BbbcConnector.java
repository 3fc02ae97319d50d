package org.bioimagecatalog.harvester.bbbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.FileRecordListing;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.files.RecordMapper;
import org.bioimagecatalog.harvester.http.SameOriginLink;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.Identifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Broad Bioimage Benchmark Collection connector. BBBC has no API: its dataset pages are parsed
 * ({@link BbbcPageMapper}). The location is
 * <ul>
 * <li>a local folder of saved pages, one per dataset, named by accession ({@code BBBC021.html}, searched
 *     recursively), or one such file; or</li>
 * <li>an HTTP(S) dataset page ({@code https://bbbc.broadinstitute.org/BBBC021}); or</li>
 * <li>the site, or its list of image sets ({@code https://bbbc.broadinstitute.org/image_sets}): the list is read for
 *     links to {@code BBBCnnn} pages (a site root is read at {@code {base}/image_sets}), following pager links
 *     ({@code rel="next"}) on the same host, and each page is fetched. A directory listing of saved pages works the
 *     same way.</li>
 * </ul>
 */
@ApplicationScoped
public class BbbcConnector implements SourceConnector {
    public static final String TYPE = "bbbc-pages";
    private static final Pattern PAGE_NAME = Pattern.compile("(?i)^(BBBC\\d{3})(?:\\.html?)?$");
    private static final Pattern PAGE_LINK = Pattern.compile("(?i)(?:^|/)(BBBC\\d{3})(?:\\.html?)?/?$");
    private static final int MAX_INDEX_PAGES = 100;

    private final PoliteHttpClient http;
    private final RecordFileLocator locator;
    private final BbbcPageMapper mapper = new BbbcPageMapper();
    private final RecordMapper recordMapper = (bytes, sourceUrl) -> {
        BbbcPage page = mapper.map(bytes, sourceUrl);
        return new HarvestedItem(page.accession(), sourceUrl, page.metadata());
    };

    @Inject
    public BbbcConnector(PoliteHttpClient http) {
        this.http = http;
        this.locator = new RecordFileLocator(http, name -> PAGE_NAME.matcher(name).matches(),
                "BBBC dataset pages (BBBCnnn.html)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return Identifier.BBBC;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        String l = location.strip();
        if (!RecordFileLocator.isHttp(l)) {
            return new FileRecordListing(locator, locator.find(l), recordMapper);
        }
        URI uri = URI.create(l);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (PAGE_LINK.matcher(path).find()) {
            return new FileRecordListing(locator, new RecordFileLocator.Found(List.of(l), Map.of(), Map.of()), recordMapper);
        }
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        collect(uri, pages, unreadable);
        if (pages.isEmpty() && !path.toLowerCase(Locale.ROOT).contains("image_sets")) {
            collect(uri.resolve(path.endsWith("/") ? "image_sets" : uri.getRawPath() + "/image_sets"), pages, unreadable);
        }
        if (pages.isEmpty()) {
            throw new LocationUnreadableException("no links to BBBC dataset pages (BBBCnnn) at " + l
                    + (unreadable.isEmpty() ? "" : "; " + unreadable.values()));
        }
        List<String> entries = new ArrayList<>(pages.values());
        entries.addAll(unreadable.keySet());
        return new FileRecordListing(locator, new RecordFileLocator.Found(entries, Map.of(), unreadable), recordMapper);
    }

    /**
     * Reads a list of image sets and the pages its pager links to: accession → page URL, in order. The first
     * page failing fails the run; a later one is reported as unreadable and ends the listing.
     */
    private void collect(URI first, Map<String, String> pages, Map<String, String> unreadable)
            throws LocationUnreadableException {
        URI next = first;
        for (int n = 0; next != null && n < MAX_INDEX_PAGES; n++) {
            FetchedResource index;
            try {
                index = http.get(next);
            } catch (HttpFetchException e) {
                if (n == 0 && e.status() == 404) {
                    return;
                }
                if (n == 0) {
                    throw new LocationUnreadableException(e.getMessage(), e);
                }
                unreadable.put(next.toString(), "list of image sets cannot be read, the listing stopped here: " + e.getMessage());
                return;
            }
            Document doc = Jsoup.parse(new String(index.body(), StandardCharsets.UTF_8), next.toString());
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href").strip();
                Matcher m = PAGE_LINK.matcher(href.replaceAll("[?#].*$", ""));
                if (m.find()) {
                    pages.putIfAbsent(m.group(1).toUpperCase(Locale.ROOT), SameOriginLink.resolve(next, href).toString());
                }
            }
            Element pager = doc.selectFirst("a[rel=next][href]");
            URI following = pager == null ? null : SameOriginLink.resolve(next, pager.attr("href"));
            next = following == null || following.equals(next) ? null : following;
        }
    }
}
