package org.bioimagecatalog.search.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
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
    /** One counter per outcome, looked up once: {@code registry.counter(name, tags)} builds an id per call. */
    private final Map<String, Counter> outcomes;

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
        this.outcomes = Map.of("ok", outcomeCounter("ok"), "invalid", outcomeCounter("invalid"),
                "error", outcomeCounter("error"));
    }

    private Counter outcomeCounter(String outcome) {
        return registry.counter("bic.search.queries", "outcome", outcome);
    }

    public SearchResult search(SearchParameters params) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "invalid";
        try {
            SearchRequest request = parser.parse(params);
            outcome = "error";
            ActiveIndex index = bootstrap.active();
            if (request.continues()) {
                SearchResult result = continueSearch(request, index);
                outcome = "ok";
                return result;
            }
            var answer = es.read("POST", "/" + index.alias() + "/_search", queries.build(request, index.analysis()),
                    EsSearchAnswer.class);
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
            return results.map(answer.value(), request);
        } finally {
            outcomes.get(outcome).increment();
            sample.stop(latency);
        }
    }

    /**
     * A page after a cursor. The first cursor (from a classic page) has no point in time yet: one is opened
     * on the alias now, and every later page of this search reads from it.
     */
    private SearchResult continueSearch(SearchRequest request, ActiveIndex index) {
        SearchRequest.Continuation continuation = request.continuation();
        if (continuation.pitId() == null) {
            var pit = es.json("POST", "/" + index.alias() + "/_pit", Map.of("keep_alive", queries.pitKeepAlive()),
                    null);
            if (!pit.ok()) {
                throw new SearchEngineUnavailableException("opening a point in time answered " + pit.status() + " "
                        + pit.errorType(), null);
            }
            request = request.withContinuation(continuation.withPit(pit.body().path("id").asText()));
        }
        var answer = es.read("POST", "/_search", queries.build(request, index.analysis()), EsSearchAnswer.class);
        if (answer.status() == 400 || answer.status() == 404) {
            LOG.infof("a cursor could not be followed: %d %s", answer.status(), answer.errorType());
            throw InvalidSearchRequestException.of("cursor", "this cursor has expired or is not valid;"
                    + " start the search again");
        }
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("search answered " + answer.status() + " "
                    + answer.errorType(), null);
        }
        return results.map(answer.value(), request);
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
