package org.bioimagecatalog.harvester.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.http.JsonPageFetcher;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.http.SameOriginLink;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * The DataCite REST API: {@code /dois} with the location's query (a {@code client-id}/{@code prefix} filter and
 * a search), cursor paging ({@code page[cursor]=1}, then {@code links.next}) unless the location pages by
 * number itself. Incremental: {@code updated:[<checkpoint> TO *]} is ANDed into {@code query}; the checkpoint
 * is the time the last successful run started.
 */
@ApplicationScoped
public class DataciteRestConnector implements PagedSourceConnector {
    public static final String TYPE = "datacite-rest";
    static final String EXAMPLE = "https://api.datacite.org/dois?prefix=10.5281&query=microscopy";

    private final PoliteHttpClient http;
    private final DataciteJsonMapper mapper = new DataciteJsonMapper();

    @Inject
    public DataciteRestConnector(PoliteHttpClient http) {
        this.http = http;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return "datacite";
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        ApiLocation.parse(location, EXAMPLE);
    }

    @Override
    public PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException {
        ApiLocation api;
        try {
            api = ApiLocation.parse(location, EXAMPLE);
        } catch (InvalidLocationException e) {
            throw new LocationUnreadableException(e.getMessage());
        }
        if (since.isPresent()) {
            String updated = "updated:[" + since.get() + " TO *]";
            api = api.with("query", api.get("query").filter(q -> !q.isBlank())
                    .map(q -> "(" + q + ") AND " + updated).orElse(updated));
        }
        if (!api.has("page[cursor]") && !api.has("page[number]")) {
            api = api.with("page[cursor]", "1");
        }
        return new Pages(api, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private final class Pages implements PageReader {
        private final ApiLocation api;
        private final String startedAt;
        private final JsonPageFetcher fetcher = new JsonPageFetcher(http);
        private URI next;

        Pages(ApiLocation api, String startedAt) {
            this.api = api;
            this.startedAt = startedAt;
            this.next = api.uri();
        }

        @Override
        public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
            if (next == null) {
                return null;
            }
            URI uri = next;
            JsonNode page = fetcher.fetch(uri);
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new RecordRejectedException(uri.toString(), "page " + uri + ": no data[] array",
                        JsonPageFetcher.excerpt(page));
            }
            List<PageEntry> entries = new ArrayList<>();
            for (JsonNode item : data) {
                entries.add(entry(item));
            }
            String link = DataciteJsonMapper.text(page.path("links").path("next"));
            next = link == null || data.isEmpty() ? null : SameOriginLink.resolve(api.base(), link);
            return entries;
        }

        private PageEntry entry(JsonNode item) {
            Optional<String> doi = DataciteJsonMapper.doi(item);
            String recordUrl = api.origin().resolve("dois/" + doi.orElse("unknown")).toString();
            if (doi.isEmpty()) {
                return new PageEntry.Rejected(new RecordRejectedException(recordUrl, "a DataCite record without a DOI",
                        JsonPageFetcher.excerpt(item)));
            }
            try {
                return new PageEntry.Harvested(new HarvestedItem(doi.get(), recordUrl, mapper.map(item)));
            } catch (InvalidDataciteRecordException e) {
                return new PageEntry.Rejected(new RecordRejectedException(recordUrl, doi.get() + ": " + e.getMessage(),
                        JsonPageFetcher.excerpt(item)));
            }
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.of(startedAt);
        }
    }
}
