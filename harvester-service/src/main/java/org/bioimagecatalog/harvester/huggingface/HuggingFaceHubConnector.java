package org.bioimagecatalog.harvester.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * The HuggingFace Hub datasets API: {@code GET /api/datasets?search=…&filter=<tag>&full=true&limit=N}, paged through the
 * {@code Link} header ({@link HubDatasetPages}). Arguments are passed through, so the search and tag filters are
 * configuration; {@code full=true} is added when absent (without it the listing has no card data, description or
 * citation). The Hub ANDs repeated {@code filter}s; {@code tags=microscopy,bioimage} (ours, not sent) lists each tag as
 * {@code filter=<tag>} and harvests the union ({@link UnionPages}). Incremental: sorted by {@code lastModified} and stopped at the checkpoint. Offline: an absolute path or
 * {@code file:} URI of saved responses ({@link HubDatasetFiles}).
 */
@ApplicationScoped
public class HuggingFaceHubConnector implements PagedSourceConnector {
    public static final String TYPE = "huggingface-hub";
    static final String EXAMPLE = "https://huggingface.co/api/datasets?tags=microscopy,bioimage&full=true&limit=100";
    /** Location argument (not sent to the Hub): comma-separated tags, each listed as {@code filter=<tag>}, the union harvested. */
    static final String TAGS = "tags";

    private final PoliteHttpClient http;
    private final HuggingFaceDatasetMapper mapper = new HuggingFaceDatasetMapper();

    @Inject
    public HuggingFaceHubConnector(PoliteHttpClient http) {
        this.http = http;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return HuggingFaceDatasetMapper.SCHEME;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        if (isLocal(location)) {
            if (!localPath(location).isAbsolute()) {
                throw new InvalidLocationException("a local location must be an absolute path, not '" + location.strip() + "'");
            }
            return;
        }
        ApiLocation.parse(location, EXAMPLE);
    }

    @Override
    public PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException {
        if (isLocal(location)) {
            return HubDatasetFiles.open(localPath(location), (dataset, file) -> entry(dataset, file + "#", null));
        }
        ApiLocation api = ApiLocation.open(location, EXAMPLE);
        if (!api.has("full")) {
            api = api.with("full", "true");
        }
        Optional<Instant> after = since.flatMap(HuggingFaceHubConnector::instant);
        if (after.isPresent()) {
            api = api.with("sort", "lastModified").with("direction", "-1");
        }
        URI origin = api.origin();
        Optional<String> tags = api.get(TAGS);
        if (tags.isEmpty()) {
            return new HubDatasetPages(http, api, after, dataset -> entry(dataset, null, origin));
        }
        // our argument, not the Hub's: one listing per tag (as filter=<tag>), the union harvested
        ApiLocation base = new ApiLocation(api.base(), api.arguments().stream().filter(a -> !a.getKey().equals(TAGS)).toList());
        List<PageReader> listings = new ArrayList<>();
        for (String tag : tags.get().split(",")) {
            if (!tag.isBlank()) {
                listings.add(new HubDatasetPages(http, base.with("filter", tag.strip()), after, dataset -> entry(dataset, null, origin)));
            }
        }
        return new UnionPages(listings);
    }

    /** A dataset read from a file is located at {@code <file URI>#<id>}, one from the API at {@code <origin>/api/datasets/<id>}. */
    private PageEntry entry(JsonNode dataset, String filePrefix, URI origin) {
        Optional<String> id = HuggingFaceDatasetMapper.text(dataset, "id");
        String where = filePrefix != null ? filePrefix + id.orElse("unknown")
                : origin.resolve("api/datasets/" + id.orElse("unknown")).toString();
        try {
            return new PageEntry.Harvested(new HarvestedItem(id.orElse(null), where, mapper.map(dataset)));
        } catch (InvalidRecordException e) {
            return new PageEntry.Rejected(new RecordRejectedException(where, e.getMessage(), HubDatasetPages.excerpt(dataset)));
        }
    }

    private static Optional<Instant> instant(String checkpoint) {
        try {
            return Optional.of(Instant.parse(checkpoint));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocal(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("/") || l.startsWith("file:");
    }

    private static Path localPath(String location) {
        String l = location.strip();
        return l.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(l)) : Path.of(l);
    }
}
