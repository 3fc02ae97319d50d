package org.bioimagecatalog.harvester.oaipmh;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * Any OAI-PMH 2.0 endpoint (or an offline folder of saved {@code ListRecords} pages): {@code ListRecords} in {@code oai_dc} or DataCite ({@code oai_datacite},
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
        if (isHttp(location)) {
            OaiPmhLocation.parse(location);
        } else {
            localPath(location);
        }
    }

    @Override
    public PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException {
        if (!isHttp(location)) {
            return OaiPmhFilePages.open(localPath(location));
        }
        try {
            return new OaiPmhPages(http, OaiPmhLocation.parse(location), since);
        } catch (InvalidLocationException e) {
            throw new LocationUnreadableException(e.getMessage());
        }
    }

    private static boolean isHttp(String location) {
        String lower = location.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** A folder (or file) of saved ListRecords pages: an absolute path or a {@code file:} URI. */
    private static Path localPath(String location) throws InvalidLocationException {
        String l = location.strip();
        if (l.toLowerCase(Locale.ROOT).startsWith("file:")) {
            try {
                return Path.of(URI.create(l));
            } catch (IllegalArgumentException e) {
                throw new InvalidLocationException("not a usable file: URI: '" + location + "'");
            }
        }
        if (l.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new InvalidLocationException("an OAI-PMH location is the endpoint's http(s) URL, e.g."
                    + " https://zenodo.org/oai2d?metadataPrefix=oai_datacite, or a folder of saved ListRecords pages,"
                    + " not '" + location + "'");
        }
        Path path = Path.of(l);
        if (!path.isAbsolute()) {
            throw new InvalidLocationException("a local location must be an absolute path, not '" + location + "'");
        }
        return path;
    }
}
