package org.bioimagecatalog.harvester.empiar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.bia.BioStudiesSearchPager;
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
 * The EMPIAR connector: entry JSON in the shape of {@code GET /empiar/api/entry/{id}/}, from
 * <ul>
 * <li>a local folder of entry files (searched recursively for {@code *.json}, and {@code *.xml} for the per-entry
 *     header XML EMPIAR publishes on its FTP site), one file, or an HTTP(S) file or folder listing; or</li>
 * <li>the base URL of the EMPIAR API with the entries to fetch, in the API's own list notation:
 *     {@code https://www.ebi.ac.uk/empiar/api?entries=10002,10050-10060} fetches
 *     {@code {base}/entry/10002/}, {@code {base}/entry/10050/} …; or</li>
 * <li>the base URL of the EMPIAR API with a BioStudies API that indexes EMPIAR entries:
 *     {@code https://www.ebi.ac.uk/empiar/api?biostudies=https://www.ebi.ac.uk/biostudies/api/v1} pages through
 *     {@code {biostudies}/{collection}/search?query=…} (defaults {@code BioImages}, {@code accession:EMPIAR*};
 *     options {@code collection}, {@code query}) and fetches every {@code EMPIAR-NNNNN} hit from the EMPIAR API.</li>
 * </ul>
 * EMPIAR itself offers no listing endpoint, hence the explicit list or the BioStudies index.
 */
@ApplicationScoped
public class EmpiarConnector implements SourceConnector {
    public static final String TYPE = "empiar-api";
    private static final Pattern EMPIAR_ACCESSION = Pattern.compile("(?i)^EMPIAR-(\\d{5,})$");
    private static final int SEARCH_PAGE_SIZE = 100;

    private final EmpiarEntryMapper mapper = new EmpiarEntryMapper();
    private final RecordMapper recordMapper = (bytes, sourceUrl) -> {
        EmpiarEntry entry = mapper.map(bytes);
        return new HarvestedItem(entry.accession(), sourceUrl, entry.metadata());
    };
    private final PoliteHttpClient http;
    private final RecordFileLocator locator;

    @Inject
    public EmpiarConnector(PoliteHttpClient http) {
        this.http = http;
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
        Map<String, String> options = options(location.strip());
        if (options.containsKey("entries")) {
            try {
                EntryRange.parse(options.get("entries"));
            } catch (IllegalArgumentException e) {
                throw new InvalidLocationException("'entries' of " + location.strip() + ": " + e.getMessage());
            }
        } else if (options.containsKey("biostudies") && !RecordFileLocator.isHttp(options.get("biostudies"))) {
            throw new InvalidLocationException("'biostudies' of " + location.strip() + " must be an http(s) URL");
        }
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        String l = location.strip();
        Map<String, String> options = options(l);
        if (!options.containsKey("entries") && !options.containsKey("biostudies")) {
            return new FileRecordListing(locator, locator.find(l), recordMapper);
        }
        URI uri = URI.create(l);
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath().replaceAll("/+$", "");
        List<String> urls = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        List<String> numbers = options.containsKey("entries")
                ? EntryRange.parse(options.get("entries"))
                : numbersFromBioStudies(options, unreadable);
        numbers.forEach(n -> urls.add(base + "/entry/" + n + "/"));
        urls.addAll(unreadable.keySet());
        return new FileRecordListing(locator, new RecordFileLocator.Found(urls, Map.of(), Map.copyOf(unreadable)), recordMapper);
    }

    private List<String> numbersFromBioStudies(Map<String, String> options, Map<String, String> unreadable)
            throws LocationUnreadableException {
        String biostudies = options.get("biostudies").replaceAll("/+$", "");
        BioStudiesSearchPager.Result result;
        try {
            result = new BioStudiesSearchPager(http, SEARCH_PAGE_SIZE).enumerate(biostudies,
                    options.getOrDefault("collection", "BioImages"), options.getOrDefault("query", "accession:EMPIAR*"));
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
        if (!result.isApi()) {
            throw new LocationUnreadableException("no BioStudies search API answers at " + biostudies);
        }
        result.unreadablePages().forEach((page, reason) ->
                unreadable.put(page, "search page cannot be read, the enumeration stopped here: " + reason));
        List<String> numbers = new ArrayList<>();
        for (String accession : result.accessions()) {
            Matcher m = EMPIAR_ACCESSION.matcher(accession.strip());
            if (m.matches() && !numbers.contains(m.group(1))) {
                numbers.add(m.group(1));
            }
        }
        return numbers;
    }

    static boolean isEntryFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".xml");
    }

    /** The query parameters of an HTTP(S) location; none for a local one. */
    private static Map<String, String> options(String location) {
        Map<String, String> options = new LinkedHashMap<>();
        if (!RecordFileLocator.isHttp(location)) {
            return options;
        }
        String query;
        try {
            query = URI.create(location).getRawQuery();
        } catch (IllegalArgumentException e) {
            return options;
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return options;
    }
}
