package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bioimagecatalog.search.index.ActiveIndex;
import org.bioimagecatalog.search.index.ElasticsearchGateway;
import org.bioimagecatalog.search.index.ElasticsearchGateway.TypedResponse;
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
    private final PitPool pits;
    private final MeterRegistry registry;
    private final Timer latency;
    /** One counter per outcome, looked up once: {@code registry.counter(name, tags)} builds an id per call. */
    private final Map<String, Counter> outcomes;

    public DatasetSearch(ElasticsearchGateway es, IndexBootstrap bootstrap, SearchRequestParser parser,
            SearchQueryBuilder queries,
            SearchResultMapper results, PitPool pits, MeterRegistry registry) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.parser = parser;
        this.queries = queries;
        this.results = results;
        this.pits = pits;
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
            var answer = run(index, queries.build(request, index.analysis()));
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
            SearchResult result = results.map(answer.value(), request);
            return result.total() == 0 && request.hasText() ? relax(request, index, result) : result;
        } finally {
            outcomes.get(outcome).increment();
            sample.stop(latency);
        }
    }

    /**
     * Nothing matched all the words: retry with fewer of them required ({@link QueryRelaxation}). A relaxed answer
     * has no cursor (its pages would not be those of the query the cursor names); {@code page} still pages it.
     */
    private SearchResult relax(SearchRequest request, ActiveIndex index, SearchResult empty) {
        var words = QueryRelaxation.words(request.q());
        if (words.isEmpty()) {
            return empty;
        }
        for (int minimum : QueryRelaxation.attempts(request.q(), words.get().size())) {
            var answer = run(index,
                    queries.build(request, index.analysis(), ForgivingTextQuery.allWords(words.get(), minimum)));
            if (!answer.ok()) {
                LOG.infof("a relaxed search answered %d %s", answer.status(), answer.errorType());
                return empty;
            }
            var hits = answer.value().hits() == null ? List.<EsSearchAnswer.Hit>of() : answer.value().hits().hits();
            if (!hits.isEmpty()) {
                var relaxed = results.map(answer.value(), request);
                return new SearchResult(relaxed.total(), relaxed.page(), relaxed.size(), relaxed.items(),
                        relaxed.facets(), null, QueryRelaxation.describe(request.q(), words.get(),
                                hits.get(0).matchedQueries()), empty.didYouMean());
            }
        }
        return empty;
    }

    /**
     * A first page as its {@link FacetedSearchPlan} says: one {@code _search}, or an {@code _msearch} answered as the
     * one search would have been (a search of it that failed fails the whole, with its status).
     */
    private TypedResponse<EsSearchAnswer> run(ActiveIndex index, ObjectNode body) {
        FacetedSearchPlan plan = queries.plan(body);
        if (plan.single()) {
            return es.read("POST", "/" + index.alias() + "/_search", body, EsSearchAnswer.class);
        }
        var multi = es.readNdjson("/_msearch", plan.msearch(index.alias()), EsMultiSearchAnswer.class);
        if (!multi.ok()) {
            return new TypedResponse<>(multi.status(), null, multi.errorBody());
        }
        List<EsSearchAnswer> answers = new ArrayList<>();
        for (EsMultiSearchAnswer.Item item : multi.value().responses()) {
            if (!item.ok()) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.set("error", item.error());
                return new TypedResponse<>(item.status() >= 300 ? item.status() : 500, null, error);
            }
            answers.add(item.answer());
        }
        return new TypedResponse<>(multi.status(), plan.merge(answers), MissingNode.getInstance());
    }

    /**
     * A page after a cursor. A first-page cursor has no point in time yet: the one already open for the same
     * search is reused, or one is opened ({@link PitPool}); with the pool full, the page is read with search_after
     * on the alias. The last page closes its point in time.
     */
    private SearchResult continueSearch(SearchRequest request, ActiveIndex index) {
        SearchRequest.Continuation continuation = request.continuation();
        if (continuation.pitId() == null) {
            Optional<String> pit = pits.acquire(searchKey(request), () -> openPit(index));
            if (pit.isPresent()) {
                request = request.withContinuation(continuation.withPit(pit.get()));
            }
        }
        String pitId = request.continuation().pitId();
        var answer = es.read("POST", pitId == null ? "/" + index.alias() + "/_search" : "/_search",
                queries.build(request, index.analysis()), EsSearchAnswer.class);
        if (answer.status() == 404 && pitId != null) {
            // the point in time is gone (closed at another client's last page, or expired): go on without one
            LOG.debugf("a cursor's point in time is gone (%s); continuing without one", answer.errorType());
            pits.release(pitId);
            request = request.withContinuation(new SearchRequest.Continuation(continuation.searchAfter(), null));
            pitId = null;
            answer = es.read("POST", "/" + index.alias() + "/_search", queries.build(request, index.analysis()),
                    EsSearchAnswer.class);
        }
        if (answer.status() == 400 || answer.status() == 404) {
            LOG.infof("a cursor could not be followed: %d %s", answer.status(), answer.errorType());
            throw InvalidSearchRequestException.of("cursor", "this cursor has expired or is not valid;"
                    + " start the search again");
        }
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("search answered " + answer.status() + " "
                    + answer.errorType(), null);
        }
        SearchResult result = results.map(answer.value(), request);
        if (pitId != null) {
            if (result.cursor() == null) {
                closePit(pitId);
            } else {
                pits.renewed(pitId);
            }
        }
        return result;
    }

    private String openPit(ActiveIndex index) {
        var pit = es.json("POST", "/" + index.alias() + "/_pit", Map.of("keep_alive", queries.pitKeepAlive()), null);
        if (!pit.ok()) {
            throw new SearchEngineUnavailableException("opening a point in time answered " + pit.status() + " "
                    + pit.errorType(), null);
        }
        return pit.body().path("id").asText();
    }

    /** The last page was read: the point in time is closed (later followers of it continue without one). */
    private void closePit(String pitId) {
        pits.release(pitId);
        var closed = es.json("DELETE", "/_pit", Map.of("id", pitId));
        if (!closed.ok() && closed.status() != 404) {
            LOG.infof("closing a point in time answered %d %s", closed.status(), closed.errorType());
        }
    }

    /** What makes two cursors the same search: text, filters, ranges, order and page size. */
    static String searchKey(SearchRequest request) {
        Map<String, List<String>> filters = new TreeMap<>();
        request.filters().forEach((facet, values) -> filters.put(facet.param(), values.stream().sorted().toList()));
        return request.q().strip() + "\u0000" + filters + "\u0000" + request.ranges() + "\u0000"
                + request.sort() + "\u0000" + request.size();
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
