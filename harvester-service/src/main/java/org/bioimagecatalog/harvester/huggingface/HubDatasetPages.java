package org.bioimagecatalog.harvester.huggingface;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.http.JsonPageFetcher;
import org.bioimagecatalog.harvester.http.SameOriginLink;
import org.bioimagecatalog.harvester.parse.ParseProblem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * The pages of {@code GET /api/datasets?…}: each a JSON array of datasets, the next page named by the
 * {@code Link: <…&cursor=…>; rel="next"} header (kept on the configured host). On an incremental run the search is
 * sorted by {@code lastModified}, newest first, and the pages stop at the first dataset not modified since the
 * checkpoint (the Hub has no "modified since" filter). The checkpoint is the time the run opened the pages.
 */
final class HubDatasetPages implements PageReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);
    private static final int EXCERPT_CHARS = 2000;

    private final PoliteHttpClient http;
    private final ApiLocation api;
    private final Optional<Instant> since;
    private final Function<JsonNode, PageEntry> entry;
    private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private URI next;

    HubDatasetPages(PoliteHttpClient http, ApiLocation api, Optional<Instant> since, Function<JsonNode, PageEntry> entry) {
        this.http = http;
        this.api = api;
        this.since = since;
        this.entry = entry;
        this.next = api.uri();
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        if (next == null) {
            return null;
        }
        URI uri = next;
        FetchedResource page;
        try {
            page = http.get(uri, "application/json", status -> false);
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
        JsonNode items = parse(uri, page.body());
        List<PageEntry> entries = new ArrayList<>();
        boolean older = false;
        for (JsonNode item : items) {
            if (since.isPresent() && modified(item).map(m -> m.isBefore(since.get())).orElse(false)) {
                older = true; // sorted newest first: everything after this was harvested before
                break;
            }
            entries.add(entry.apply(item));
        }
        Optional<String> link = page.header("Link").map(LINK::matcher).filter(Matcher::find).map(m -> m.group(1));
        next = older || items.isEmpty() || link.isEmpty() ? null : SameOriginLink.resolve(api.base(), link.get());
        return entries;
    }

    private static JsonNode parse(URI uri, byte[] body) throws RecordRejectedException {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isArray()) {
                throw new RecordRejectedException(uri.toString(), "page " + uri + ": not a JSON array of datasets", excerpt(body));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new RecordRejectedException(uri.toString(), "page " + uri + ": " + ParseProblem.json(e), excerpt(body));
        } catch (IOException e) {
            throw new RecordRejectedException(uri.toString(), "page " + uri + ": " + e.getMessage(), excerpt(body));
        }
    }

    static Optional<Instant> modified(JsonNode dataset) {
        return HuggingFaceDatasetMapper.text(dataset, "lastModified").map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 2), StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    static String excerpt(JsonNode node) {
        return JsonPageFetcher.excerpt(node);
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.of(startedAt);
    }
}
