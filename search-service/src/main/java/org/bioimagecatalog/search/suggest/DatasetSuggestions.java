package org.bioimagecatalog.search.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.search.SearchConfig;
import org.bioimagecatalog.search.index.DatasetIndexMapping;
import org.bioimagecatalog.search.index.ElasticsearchGateway;
import org.bioimagecatalog.search.index.IndexBootstrap;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.bioimagecatalog.search.query.InvalidSearchRequestException;

/**
 * Autocomplete through the completion suggester (a prefix automaton in memory, fast on any distribution).
 * Titles can be completed from any of their first words; organisms and imaging methods from their labels.
 * Heavier-reused datasets come first (the completion weight).
 */
@ApplicationScoped
public class DatasetSuggestions {
    static final int MAX_PREFIX = 100;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final int size;

    public DatasetSuggestions(ElasticsearchGateway es, IndexBootstrap bootstrap, SearchConfig config) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.size = config.query().suggestSize();
    }

    public Suggestions suggest(String rawPrefix) {
        String prefix = rawPrefix == null ? "" : rawPrefix.strip();
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
            throw InvalidSearchRequestException.of("prefix", "1 to " + MAX_PREFIX + " characters");
        }
        ObjectNode body = JSON.objectNode();
        body.putArray("_source").add("id").add("title");
        ObjectNode suggest = body.putObject("suggest");
        suggest.put("text", prefix);
        completion(suggest, "titles", DatasetIndexMapping.TITLE_SUGGEST);
        completion(suggest, "organisms", DatasetIndexMapping.ORGANISM_SUGGEST);
        completion(suggest, "imagingMethods", DatasetIndexMapping.IMAGING_METHOD_SUGGEST);
        var answer = es.json("POST", "/" + bootstrap.active().alias() + "/_search", body);
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("suggest answered " + answer.status() + " "
                    + answer.errorType(), null);
        }
        JsonNode results = answer.body().path("suggest");
        List<Suggestions.TitleSuggestion> titles = new ArrayList<>();
        for (JsonNode option : options(results, "titles")) {
            JsonNode source = option.path("_source");
            titles.add(new Suggestions.TitleSuggestion(source.path("id").asText(option.path("_id").asText()),
                    source.path("title").asText()));
        }
        return new Suggestions(prefix, titles, texts(results, "organisms"), texts(results, "imagingMethods"));
    }

    private void completion(ObjectNode suggest, String name, String field) {
        suggest.putObject(name).putObject("completion").put("field", field).put("size", size)
                .put("skip_duplicates", true);
    }

    private static JsonNode options(JsonNode results, String name) {
        return results.path(name).path(0).path("options");
    }

    private static List<String> texts(JsonNode results, String name) {
        List<String> texts = new ArrayList<>();
        options(results, name).forEach(option -> texts.add(option.path("text").asText()));
        return texts;
    }
}
