package org.bioimagecatalog.search.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.bioimagecatalog.search.query.DatasetSearch;

/**
 * The index size as a domain figure: {@code bic_search_index_documents}, the datasets in the index the alias
 * serves, counted by Elasticsearch at each scrape of {@code /q/metrics} (NaN before the index is set up or
 * while Elasticsearch does not answer).
 */
@Startup
@ApplicationScoped
public class IndexSizeGauge {

    private final IndexBootstrap bootstrap;
    private final DatasetSearch search;

    public IndexSizeGauge(MeterRegistry registry, IndexBootstrap bootstrap, DatasetSearch search) {
        this.bootstrap = bootstrap;
        this.search = search;
        Gauge.builder("bic.search.index.documents", this, IndexSizeGauge::documents)
                .description("Datasets in the search index behind the alias")
                .register(registry);
    }

    private double documents() {
        if (!bootstrap.isReady()) {
            return Double.NaN; // a scrape must not be what creates the index
        }
        try {
            return search.info().documents();
        } catch (RuntimeException e) {
            return Double.NaN; // the engine does not answer: no figure rather than a wrong one
        }
    }
}
