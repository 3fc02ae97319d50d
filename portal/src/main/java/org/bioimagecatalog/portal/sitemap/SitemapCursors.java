package org.bioimagecatalog.portal.sitemap;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Where each sitemap page starts in the catalog's dataset list. The catalog pages by an opaque cursor, so the only way
 * to know where page N starts is to have walked there: this walks the list once (200 datasets a call) noting the
 * cursor at every page boundary, and keeps the result for {@code bic.portal.sitemap-refresh} (search engines read a
 * sitemap rarely; a million datasets cost 5,000 calls per refresh).
 */
@ApplicationScoped
public class SitemapCursors {
    static final int READ = 200;

    private final CatalogApi catalog;
    private final int pageSize;
    private final Duration refresh;
    private volatile List<String> starts;
    private volatile long walkedAt;

    SitemapCursors(@RestClient CatalogApi catalog, @ConfigProperty(name = "bic.portal.sitemap-page-size") int pageSize,
            @ConfigProperty(name = "bic.portal.sitemap-refresh", defaultValue = "PT1H") Duration refresh) {
        this.catalog = catalog;
        this.pageSize = pageSize;
        this.refresh = refresh;
    }

    /** The cursor each page starts at; the first is null (the list's start). */
    synchronized List<String> starts() {
        if (starts == null || System.nanoTime() - walkedAt > refresh.toNanos()) {
            starts = walk();
            walkedAt = System.nanoTime();
        }
        return starts;
    }

    private List<String> walk() {
        List<String> found = new ArrayList<>();
        found.add(null);
        String cursor = null;
        long read = 0;
        while (true) {
            JsonNode page = catalog.datasets(null, READ, cursor);
            read += Json.list(page, "items").size();
            cursor = Json.text(page, "next");
            if (cursor.isEmpty()) {
                return found;
            }
            if (read % pageSize == 0) {
                found.add(cursor);
            }
        }
    }
}
