package org.bioimagecatalog.harvester.empiar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.files.FileRecordListing;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.files.RecordMapper;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.model.Identifier;

/**
 * The EMPIAR connector: entry JSON in the shape of {@code GET /empiar/api/entry/{id}/}, from
 * <ul>
 * <li>a local folder of entry files (searched recursively for {@code *.json}, and {@code *.xml} for the per-entry
 *     header XML EMPIAR publishes on its FTP site), one file, or an HTTP(S) file or folder listing; or</li>
 * <li>the base URL of the EMPIAR API with the entries to fetch, in the API's own list notation:
 *     {@code https://www.ebi.ac.uk/empiar/api?entries=10002,10050-10060} fetches
 *     {@code {base}/entry/10002/}, {@code {base}/entry/10050/} … EMPIAR offers no listing endpoint, so the
 *     entries are named.</li>
 * </ul>
 */
@ApplicationScoped
public class EmpiarConnector implements SourceConnector {
    public static final String TYPE = "empiar-api";

    private final EmpiarEntryMapper mapper = new EmpiarEntryMapper();
    private final RecordMapper recordMapper = (bytes, sourceUrl) -> {
        EmpiarEntry entry = mapper.map(bytes);
        return new HarvestedItem(entry.accession(), sourceUrl, entry.metadata());
    };
    private final RecordFileLocator locator;

    @Inject
    public EmpiarConnector(PoliteHttpClient http) {
        this.locator = new RecordFileLocator(http, EmpiarConnector::isEntryFileName, "EMPIAR entry files (*.json, *.xml)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return Identifier.EMPIAR;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
        try {
            entriesOption(location.strip()).ifPresent(EntryRange::parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidLocationException("'entries' of " + location.strip() + ": " + e.getMessage());
        }
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        String l = location.strip();
        Optional<String> entries = entriesOption(l);
        if (entries.isEmpty()) {
            return new FileRecordListing(locator, locator.find(l), recordMapper);
        }
        URI uri = URI.create(l);
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath().replaceAll("/+$", "");
        List<String> urls = EntryRange.parse(entries.get()).stream().map(n -> base + "/entry/" + n + "/").toList();
        return new FileRecordListing(locator, new RecordFileLocator.Found(urls, Map.of(), Map.of()), recordMapper);
    }

    static boolean isEntryFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".xml");
    }

    /** The {@code entries} query parameter of an HTTP(S) location. */
    private static Optional<String> entriesOption(String location) {
        if (!RecordFileLocator.isHttp(location)) {
            return Optional.empty();
        }
        String query;
        try {
            query = URI.create(location).getRawQuery();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("entries=")) {
                return Optional.of(URLDecoder.decode(pair.substring("entries=".length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
