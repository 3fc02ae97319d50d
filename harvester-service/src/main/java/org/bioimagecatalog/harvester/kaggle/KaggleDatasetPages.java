package org.bioimagecatalog.harvester.kaggle;

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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.http.FetchedResource;
import org.bioimagecatalog.harvester.http.HttpFetchException;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * The pages of one Kaggle search: {@code GET /api/v1/datasets/list?search=…&page=N} (1, 2, …), each a bare JSON array
 * of datasets, until an empty page. Authenticated with the operator's token. On an incremental run the search is sorted
 * by {@code updated} and stops at the first dataset not updated since the checkpoint; the checkpoint is the time the
 * run opened the pages.
 */
final class KaggleDatasetPages implements PageReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A guard against a listing that never ends (Kaggle pages hold 20 datasets). */
    static final int MAX_PAGES = 500;

    private final PoliteHttpClient http;
    private final ApiLocation api;
    private final Map<String, String> headers;
    private final Optional<Instant> since;
    private final Function<JsonNode, PageEntry> entry;
    private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private int page;
    private boolean done;

    KaggleDatasetPages(PoliteHttpClient http, ApiLocation api, KaggleCredentials credentials, Optional<Instant> since,
            Function<JsonNode, PageEntry> entry) {
        this.http = http;
        this.api = since.isPresent() ? api.with("sortBy", "updated") : api;
        this.headers = Map.of("Authorization", credentials.authorization());
        this.since = since;
        this.entry = entry;
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        if (done || page >= MAX_PAGES) {
            return null;
        }
        page++;
        URI uri = api.with("page", Integer.toString(page)).uri();
        JsonNode datasets = fetch(uri);
        if (!datasets.isArray()) {
            throw new RecordRejectedException(uri.toString(), "Kaggle answered " + uri + " with no list of datasets",
                    excerpt(datasets.toString()));
        }
        List<PageEntry> entries = new ArrayList<>();
        for (JsonNode dataset : datasets) {
            if (since.isPresent() && updated(dataset).filter(u -> u.isBefore(since.get())).isPresent()) {
                done = true; // sorted by update, newest first: the rest was harvested before
                break;
            }
            entries.add(entry.apply(dataset));
        }
        if (datasets.isEmpty()) {
            done = true;
            return null;
        }
        return entries;
    }

    private JsonNode fetch(URI uri) throws LocationUnreadableException, RecordRejectedException {
        FetchedResource answer;
        try {
            answer = http.get(uri, "application/json", status -> false, headers);
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException((e.status() == 401 || e.status() == 403
                    ? "Kaggle refused the API token (HTTP " + e.status() + "): " : "") + e.getMessage(), e);
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new RecordRejectedException(uri.toString(), "Kaggle answered " + uri + " with no JSON: " + e.getMessage(),
                    excerpt(new String(answer.body(), StandardCharsets.UTF_8)));
        }
    }

    private static Optional<Instant> updated(JsonNode dataset) {
        try {
            return KaggleDatasetMapper.text(dataset, "lastUpdated").map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String excerpt(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.of(startedAt);
    }
}
