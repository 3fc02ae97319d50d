package org.bioimagecatalog.harvester.bia;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * Enumerates a BioStudies collection through its search API:
 * {@code {base}/{collection}/search?query=…&page=P&pageSize=N} (response {@code page, pageSize, totalHits,
 * isTotalHitsExact, hits[{accession, …}]}), page after page until a page comes back empty or short, or the exact
 * total is reached. A page that cannot be fetched ends the enumeration and is reported, with what was found so far.
 */
public final class BioStudiesSearchPager {
    /** More pages than any real collection has: a server that never stops paging is not followed forever. */
    private static final int MAX_PAGES = 10_000;

    private final PoliteHttpClient http;
    private final int pageSize;

    /** The study accessions found, and the pages that could not be read (URL → reason). */
    public record Result(List<String> accessions, Map<String, String> unreadablePages, boolean isApi) {}

    public BioStudiesSearchPager(PoliteHttpClient http, int pageSize) {
        this.http = http;
        this.pageSize = pageSize;
    }

    /**
     * Pages through the search; {@code isApi} is false when the first page is answered 404 or is not a search
     * response at all (the location is then not a BioStudies API). A first page that fails otherwise throws.
     */
    public Result enumerate(String base, String collection, String query) throws HttpFetchException {
        Set<String> accessions = new LinkedHashSet<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            URI uri = URI.create(base + "/" + collection + "/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&page=" + page + "&pageSize=" + pageSize);
            JsonNode response;
            try {
                response = JsonRecords.parse(http.get(uri).body());
            } catch (HttpFetchException e) {
                if (page == 1 && e.status() == 404) {
                    return new Result(List.of(), Map.of(), false);
                }
                if (page == 1) {
                    throw e;
                }
                unreadable.put(uri.toString(), e.getMessage());
                break;
            } catch (InvalidRecordException e) {
                if (page == 1) {
                    return new Result(List.of(), Map.of(), false);
                }
                unreadable.put(uri.toString(), "search page: " + e.getMessage());
                break;
            }
            JsonNode hits = response.get("hits");
            if (hits == null || !hits.isArray()) {
                if (page == 1) {
                    return new Result(List.of(), Map.of(), false);
                }
                unreadable.put(uri.toString(), "search page has no 'hits' array");
                break;
            }
            int before = accessions.size();
            hits.forEach(hit -> {
                String accession = JsonRecords.text(hit, "accession");
                if (accession != null) {
                    accessions.add(accession);
                }
            });
            long total = response.path("totalHits").asLong(-1);
            boolean exact = response.path("isTotalHitsExact").asBoolean(true);
            if (hits.size() == 0 || hits.size() < pageSize || accessions.size() == before
                    || (exact && total >= 0 && accessions.size() >= total)) {
                break;
            }
        }
        return new Result(new ArrayList<>(accessions), unreadable, true);
    }
}
