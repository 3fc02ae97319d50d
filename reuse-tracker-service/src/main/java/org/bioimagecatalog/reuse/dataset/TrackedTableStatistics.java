package org.bioimagecatalog.reuse.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bioimagecatalog.db.GrowingTableStatistics;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statistics of the tracker's tables while a first harvest fills them ({@link GrowingTableStatistics}). Without them
 * a poll's summary batch read its datasets' links by scanning {@code citation_link} and {@code publication} whole,
 * a cost that grows with every poll of a first harvest: analysed after {@code bic.reuse.analyse-first-after} events
 * and then at each doubling of the tracked datasets.
 */
@ApplicationScoped
public class TrackedTableStatistics {

    /** The tables the consumer and the summary publisher look rows up in, with the columns they look up by. */
    static final List<String> ANALYSED = List.of(
            "tracked_dataset (dataset_id, summary_stale, withdrawn, updated_at)",
            "publication (id, doi, pmid, pmcid)",
            "citation_link (id, dataset_id, publication_id)",
            "link_evidence (link_id, kind)");
    static final String SIZE_TABLE = "tracked_dataset";

    private final GrowingTableStatistics statistics;

    @Inject
    public TrackedTableStatistics(AgroalDataSource dataSource, ReuseConfig config,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this(dataSource, schema, config.analyseFirstAfter(), -1);
    }

    /**
     * @param schema the tracker's schema (its connections do not set a search path)
     * @param rowsAtAnalysis datasets tracked at the last analysis, or -1 to read it at the first poll
     */
    TrackedTableStatistics(AgroalDataSource dataSource, String schema, long firstAfter, long rowsAtAnalysis) {
        this.statistics = new GrowingTableStatistics("tracker tables", dataSource, firstAfter, rowsAtAnalysis,
                qualified(schema, SIZE_TABLE), ANALYSED.stream().map(table -> qualified(schema, table)).toList());
    }

    /** {@code "schema".table}. */
    static String qualified(String schema, String table) {
        return '"' + schema.replace("\"", "\"\"") + "\"." + table;
    }

    /** After a poll's events were committed. */
    public CompletableFuture<Void> applied(long events) {
        return statistics.written(events);
    }

    @PreDestroy
    void close() {
        statistics.close();
    }
}
