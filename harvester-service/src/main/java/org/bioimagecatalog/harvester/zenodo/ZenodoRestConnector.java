package org.bioimagecatalog.harvester.zenodo;

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
 * Zenodo's REST search ({@code /api/records?communities=…&q=…}), page after page through {@code links.next}
 * (kept on the configured host). Incremental: {@code updated:[<checkpoint> TO *]} is ANDed into {@code q}.
 * Zenodo caps a search at 10,000 results; a complete harvest of Zenodo goes through OAI-PMH or DataCite instead.
 */
@ApplicationScoped
public class ZenodoRestConnector implements PagedSourceConnector {
    public static final String TYPE = "zenodo-rest";
    static final String EXAMPLE = "https://zenodo.org/api/records?communities=<id>&q=microscopy";

    private final PoliteHttpClient http;
    private final ZenodoRecordMapper mapper = new ZenodoRecordMapper();

    @Inject
    public ZenodoRestConnector(PoliteHttpClient http) {
        this.http = http;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return "zenodo";
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
            api = api.with("q", api.get("q").filter(q -> !q.isBlank()).map(q -> "(" + q + ") AND " + updated).orElse(updated));
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
            JsonNode hits = page.path("hits").path("hits");
            if (!hits.isArray()) {
                throw new RecordRejectedException(uri.toString(), "page " + uri + ": no hits.hits[] array",
                        JsonPageFetcher.excerpt(page));
            }
            List<PageEntry> entries = new ArrayList<>();
            for (JsonNode record : hits) {
                entries.add(entry(record));
            }
            String link = ZenodoRecordMapper.text(page.path("links").path("next"));
            next = link == null || hits.isEmpty() ? null : SameOriginLink.resolve(api.base(), link);
            return entries;
        }

        private PageEntry entry(JsonNode record) {
            Optional<String> id = ZenodoRecordMapper.id(record);
            String recordUrl = api.origin().resolve("api/records/" + id.orElse("unknown")).toString();
            if (id.isEmpty()) {
                return new PageEntry.Rejected(new RecordRejectedException(recordUrl, "a Zenodo record without an id",
                        JsonPageFetcher.excerpt(record)));
            }
            try {
                return new PageEntry.Harvested(new HarvestedItem(id.get(), recordUrl, mapper.map(record)));
            } catch (InvalidZenodoRecordException e) {
                return new PageEntry.Rejected(new RecordRejectedException(recordUrl, id.get() + ": " + e.getMessage(),
                        JsonPageFetcher.excerpt(record)));
            }
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.of(startedAt);
        }
    }
}
