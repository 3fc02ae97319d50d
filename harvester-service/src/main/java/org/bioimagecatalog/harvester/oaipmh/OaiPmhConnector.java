package org.bioimagecatalog.harvester.oaipmh;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;

/**
 * Any OAI-PMH 2.0 endpoint: {@code ListRecords} in {@code oai_dc} or DataCite ({@code oai_datacite},
 * {@code datacite}, …) with {@code resumptionToken} paging; incremental through {@code from} = the
 * {@code responseDate} of the last successful run.
 */
@ApplicationScoped
public class OaiPmhConnector implements PagedSourceConnector {
    public static final String TYPE = "oai-pmh";

    private final PoliteHttpClient http;

    @Inject
    public OaiPmhConnector(PoliteHttpClient http) {
        this.http = http;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return "oai";
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        OaiPmhLocation.parse(location);
    }

    @Override
    public PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException {
        try {
            return new OaiPmhPages(http, OaiPmhLocation.parse(location), since);
        } catch (InvalidLocationException e) {
            throw new LocationUnreadableException(e.getMessage());
        }
    }
}
