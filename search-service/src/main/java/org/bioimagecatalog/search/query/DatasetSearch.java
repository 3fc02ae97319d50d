package org.bioimagecatalog.search.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.bioimagecatalog.search.index.ActiveIndex;
import org.bioimagecatalog.search.index.ElasticsearchGateway;
import org.bioimagecatalog.search.index.IndexBootstrap;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.jboss.logging.Logger;

/** Runs searches against the alias and answers what the index is. */
@ApplicationScoped
public class DatasetSearch {
    private static final Logger LOG = Logger.getLogger(DatasetSearch.class);

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final SearchRequestParser parser;
    private final SearchQueryBuilder queries;
    private final SearchResultMapper results;
    private final MeterRegistry registry;
    private final Timer latency;

    public DatasetSearch(ElasticsearchGateway es, IndexBootstrap bootstrap, SearchRequestParser parser,
            SearchQueryBuilder queries,
            SearchResultMapper results, MeterRegistry registry) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.parser = parser;
        this.queries = queries;
        this.results = results;
        this.registry = registry;
        this.latency = Timer.builder("bic.search.query.duration").description("search requests, end to end")
                .register(registry);
    }

    public SearchResult search(SearchParameters params) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "invalid";
        try {
            SearchRequest request = parser.parse(params);
            outcome = "error";
            ActiveIndex index = bootstrap.active();
            var answer = es.json("POST", "/" + index.alias() + "/_search", queries.build(request, index.analysis()));
            if (answer.status() == 400) {
                // simple_query_string is lenient, so this is rare: say so without echoing engine internals
                outcome = "invalid";
                LOG.infof("Elasticsearch refused the search for q=[%s]: %s", request.q(), answer.errorType());
                throw InvalidSearchRequestException.of("q", "this query cannot be run; simplify it");
            }
            if (!answer.ok()) {
                if (answer.status() == 404) {
                    bootstrap.invalidate();
                }
                throw new SearchEngineUnavailableException("search answered " + answer.status() + " "
                        + answer.errorType(), null);
            }
            outcome = "ok";
            return results.map(answer.body(), request);
        } finally {
            registry.counter("bic.search.queries", "outcome", outcome).increment();
            sample.stop(latency);
        }
    }

    public SearchInfo info() {
        ActiveIndex index = bootstrap.active();
        var count = es.json("GET", "/" + index.alias() + "/_count", null);
        if (!count.ok()) {
            throw new SearchEngineUnavailableException("count answered " + count.status(), null);
        }
        return new SearchInfo(index.index(), index.alias(), index.analysis().analyzer(), index.mappingVersion(),
                count.body().path("count").asLong());
    }
}
