package org.bioimagecatalog.harvester.kaggle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.http.UnionPages;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.PagedSourceConnector;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * Kaggle's official API ({@code https://www.kaggle.com/api/v1/datasets/list}), used when the operator has a Kaggle API
 * token ({@link KaggleCredentials}: {@code KAGGLE_USERNAME}/{@code KAGGLE_KEY} or {@code ~/.kaggle/kaggle.json}).
 * Kaggle is general-purpose, so the location scopes it to bioimaging: {@code searches=a,b,…} (ours, not sent) runs one
 * {@code search=<term>} listing per term and harvests the union; the API's own arguments ({@code tagids},
 * {@code filetype}, {@code license}, {@code user}, …) are passed through. Without a token a run fails with the reason.
 */
@ApplicationScoped
public class KaggleConnector implements PagedSourceConnector {
    public static final String TYPE = "kaggle-api";
    public static final String ARCHIVE = "kaggle";
    static final String EXAMPLE = "https://www.kaggle.com/api/v1/datasets/list?searches=microscopy,cell%20painting";
    /** Location argument (not sent to Kaggle): comma-separated search terms, one listing each, the union harvested. */
    static final String SEARCHES = "searches";

    private final PoliteHttpClient http;
    private final Supplier<Optional<KaggleCredentials>> credentials;
    private final KaggleDatasetMapper mapper = new KaggleDatasetMapper();

    @Inject
    public KaggleConnector(PoliteHttpClient http) {
        this(http, KaggleCredentials::find);
    }

    KaggleConnector(PoliteHttpClient http, Supplier<Optional<KaggleCredentials>> credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return ARCHIVE;
    }

    @Override
    public String archiveFor(String sourceName) {
        return ARCHIVE;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        ApiLocation.parse(location, EXAMPLE);
    }

    @Override
    public PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException {
        KaggleCredentials token = credentials.get().orElseThrow(() -> new LocationUnreadableException("no Kaggle API token:"
                + " set KAGGLE_USERNAME and KAGGLE_KEY, or put kaggle.json (from kaggle.com → Settings → API) in ~/.kaggle"
                + " or KAGGLE_CONFIG_DIR, as the official kaggle client reads it"));
        ApiLocation api = ApiLocation.open(location, EXAMPLE);
        Optional<Instant> after = since.flatMap(KaggleConnector::instant);
        URI origin = api.origin();
        Optional<String> searches = api.get(SEARCHES);
        if (searches.isEmpty()) {
            return new KaggleDatasetPages(http, api, token, after, dataset -> entry(dataset, origin));
        }
        ApiLocation base = new ApiLocation(api.base(), api.arguments().stream().filter(a -> !a.getKey().equals(SEARCHES)).toList());
        List<PageReader> listings = new ArrayList<>();
        for (String term : searches.get().split(",")) {
            if (!term.isBlank()) {
                listings.add(new KaggleDatasetPages(http, base.with("search", term.strip()), token, after,
                        dataset -> entry(dataset, origin)));
            }
        }
        return new UnionPages(listings);
    }

    /** A dataset is located at its metadata endpoint, {@code <origin>/api/v1/datasets/metadata/<owner>/<slug>}. */
    private PageEntry entry(JsonNode dataset, URI origin) {
        Optional<String> ref = KaggleDatasetMapper.text(dataset, "ref");
        String where = origin.resolve("api/v1/datasets/metadata/" + ref.orElse("unknown")).toString();
        try {
            return new PageEntry.Harvested(new HarvestedItem(ARCHIVE, ref.orElse(null), where, mapper.map(dataset)));
        } catch (InvalidRecordException e) {
            return new PageEntry.Rejected(new RecordRejectedException(where, e.getMessage(),
                    KaggleDatasetPages.excerpt(dataset.toString())));
        }
    }

    private static Optional<Instant> instant(String checkpoint) {
        try {
            return Optional.of(Instant.parse(checkpoint));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
