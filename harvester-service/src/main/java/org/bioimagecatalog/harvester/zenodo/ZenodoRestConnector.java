package org.bioimagecatalog.harvester.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.http.JsonPageFetcher;
import org.bioimagecatalog.harvester.http.LinkedJsonPages;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

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
        ApiLocation api = ApiLocation.open(location, EXAMPLE);
        if (since.isPresent()) {
            api = api.andQuery("q", "updated:[" + since.get() + " TO *]");
        }
        ApiLocation pages = api;
        return new LinkedJsonPages(http, pages, "/hits/hits", record -> entry(pages, record));
    }

    private PageEntry entry(ApiLocation api, JsonNode record) {
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
}
