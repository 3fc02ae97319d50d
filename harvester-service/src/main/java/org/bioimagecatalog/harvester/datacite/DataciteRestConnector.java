package org.bioimagecatalog.harvester.datacite;

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
        ApiLocation api = ApiLocation.open(location, EXAMPLE);
        if (since.isPresent()) {
            api = api.andQuery("query", "updated:[" + since.get() + " TO *]");
        }
        if (!api.has("page[cursor]") && !api.has("page[number]")) {
            api = api.with("page[cursor]", "1");
        }
        ApiLocation pages = api;
        return new LinkedJsonPages(http, pages, "/data", item -> entry(pages, item));
    }

    private PageEntry entry(ApiLocation api, JsonNode item) {
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
}
