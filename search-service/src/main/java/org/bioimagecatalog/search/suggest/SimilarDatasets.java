package org.bioimagecatalog.search.suggest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.index.ElasticsearchGateway;
import org.bioimagecatalog.search.index.IndexBootstrap;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.bioimagecatalog.search.query.InvalidSearchRequestException;
import org.bioimagecatalog.search.query.SearchRequest;
import org.bioimagecatalog.search.query.SearchResult;
import org.bioimagecatalog.search.query.SearchResultMapper;
import org.bioimagecatalog.search.query.SortOrder;

/**
 * Datasets like a given one ({@code more_like_this} over its title, keywords, description, organisms and
 * imaging methods). Thresholds are low so that a small catalog still finds neighbours; the dataset itself is
 * never among the results.
 */
@ApplicationScoped
public class SimilarDatasets {
    private static final List<String> FIELDS = List.of("title", "keywords", "description", "organisms",
            "imagingMethods");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_SIZE = 50;
    // A word found in more datasets than this says little about likeness, and asking for it scores most of a large
    // index: at 100k synthetic datasets one similar-datasets call fell from 0.6–1.5 s to 40–200 ms with it.
    private static final int MAX_DOC_FREQ = 5000;

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final SearchResultMapper results;

    public SimilarDatasets(ElasticsearchGateway es, IndexBootstrap bootstrap, SearchResultMapper results) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.results = results;
    }

    /** @throws DatasetNotIndexedException when no dataset has this id */
    public SearchResult similarTo(String id, String rawSize) {
        int size = size(rawSize);
        String alias = bootstrap.active().alias();
        var exists = es.json("HEAD", "/" + alias + "/_doc/" + encode(id), null);
        if (exists.status() == 404) {
            throw new DatasetNotIndexedException(id);
        }
        ObjectNode body = JSON.objectNode();
        body.put("size", size);
        body.putArray("_source").add("id").add("title").add("description").add("sources").add("organismFacet")
                .add("imagingMethodFacet").add("license").add("released").add("reuseCount").add("formats")
                .add("studyTypes").add("quality");
        ObjectNode mlt = body.putObject("query").putObject("more_like_this");
        ArrayNode fields = mlt.putArray("fields");
        FIELDS.forEach(fields::add);
        mlt.putArray("like").addObject().put("_id", id);
        mlt.put("min_term_freq", 1).put("min_doc_freq", 1).put("max_query_terms", 25)
                .put("max_doc_freq", MAX_DOC_FREQ)
                .put("minimum_should_match", "10%");
        var answer = es.json("POST", "/" + alias + "/_search", body);
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("similar answered " + answer.status() + " "
                    + answer.errorType(), null);
        }
        SearchRequest request = new SearchRequest("", Map.of(), null, SortOrder.RELEVANCE, 1, size, null);
        SearchResult mapped = results.map(answer.body(), request);
        // no facets and no cursor: this is a short list, not a search
        return new SearchResult(mapped.total(), 1, size, mapped.items(), Map.of(), null);
    }

    private static int size(String raw) {
        if (raw == null || raw.isBlank()) {
            return 10;
        }
        try {
            int size = Integer.parseInt(raw.strip());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidSearchRequestException.of("size", "between 1 and " + MAX_SIZE);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
