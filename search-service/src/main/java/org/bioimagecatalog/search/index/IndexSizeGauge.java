package org.bioimagecatalog.search.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.bioimagecatalog.search.query.DatasetSearch;

/**
 * The index size as a domain figure: {@code bic_search_index_documents}, the datasets in the index the alias
 * serves, counted by Elasticsearch at each scrape of {@code /q/metrics} (NaN while it does not answer).
 */
@Startup
@ApplicationScoped
public class IndexSizeGauge {

    public IndexSizeGauge(MeterRegistry registry, DatasetSearch search) {
        Gauge.builder("bic.search.index.documents", search, IndexSizeGauge::documents)
                .description("Datasets in the search index behind the alias")
                .register(registry);
    }

    private static double documents(DatasetSearch search) {
        try {
            return search.info().documents();
        } catch (RuntimeException e) {
            return Double.NaN; // the engine is down or the index not yet created: no figure rather than a wrong one
        }
    }
}
