package org.bioimagecatalog.harvester.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * The pages of a JSON API that lists records in one array per page and links the next page as
 * {@code links.next} (DataCite REST, Zenodo REST). The next link is kept on the configured host, so a mirror or
 * a replay serves every page. The checkpoint is the time the run opened the pages.
 */
public final class LinkedJsonPages implements PageReader {
    private final ApiLocation api;
    private final JsonPointer records;
    private final Function<JsonNode, PageEntry> entry;
    private final JsonPageFetcher fetcher;
    private String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private URI next;
    private OptionalLong total = OptionalLong.empty();

    /**
     * @param records where the page holds its records, e.g. {@code /data} or {@code /hits/hits}
     * @param entry   turns one record into a harvested or rejected entry
     */
    public LinkedJsonPages(PoliteHttpClient http, ApiLocation api, String records, Function<JsonNode, PageEntry> entry) {
        this.api = api;
        this.records = JsonPointer.compile(records);
        this.entry = entry;
        this.fetcher = new JsonPageFetcher(http);
        this.next = api.uri();
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        if (next == null) {
            return null;
        }
        URI uri = next;
        JsonNode page = fetcher.fetch(uri);
        JsonNode items = page.at(records);
        if (!items.isArray()) {
            throw new RecordRejectedException(uri.toString(), "page " + uri + ": no " + records + " array",
                    JsonPageFetcher.excerpt(page));
        }
        List<PageEntry> entries = new ArrayList<>();
        items.forEach(item -> entries.add(entry.apply(item)));
        if (total.isEmpty()) {
            total = total(page); // the first page's figure: the size of the listing this run walks
        }
        JsonNode link = page.path("links").path("next");
        next = !link.isTextual() || link.asText().isBlank() || items.isEmpty()
                ? null : SameOriginLink.resolve(api.base(), link.asText().strip());
        return entries;
    }

    /** DataCite {@code meta.total}; Zenodo {@code hits.total}, a number or {@code {"value": n}}. */
    static OptionalLong total(JsonNode page) {
        JsonNode total = page.path("meta").path("total");
        if (!total.isIntegralNumber()) {
            total = page.path("hits").path("total");
            total = total.isObject() ? total.path("value") : total;
        }
        return total.isIntegralNumber() ? OptionalLong.of(total.asLong()) : OptionalLong.empty();
    }

    @Override
    public OptionalLong total() {
        return total;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.of(startedAt);
    }

    /** The next page's URL, or "" once the last page was read. */
    @Override
    public Optional<String> position() {
        return Optional.of(next == null ? "" : next.toString());
    }

    /** Continues at a stored next-page URL, kept on the location's host like every link. */
    @Override
    public boolean resume(String position, String checkpoint) {
        next = position.isEmpty() ? null : SameOriginLink.resolve(api.base(), position);
        if (checkpoint != null) {
            startedAt = checkpoint;
        }
        return true;
    }
}
