package org.bioimagecatalog.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.db.GrowingTableStatistics;

/**
 * Statistics of the ingest tables while a first harvest fills them ({@link GrowingTableStatistics}): the columns
 * the ingest and the outbox look rows up by, analysed after {@code bic.catalog.ingest.analyse-first-after} records
 * and then at each doubling of the catalog.
 */
@ApplicationScoped
public class IngestTableStatistics {

    /** The tables the ingest path writes and reads back by key, with the columns it looks rows up by. */
    static final List<String> ANALYSED = List.of(
            "source_record (key, dataset_id, source, deleted)",
            "record_match_key (source_key, match_key)",
            "dataset (id, withdrawn, merged_into)",
            "dataset_version (dataset_id, version)",
            "outbox (id, topic, key, published_at)");

    private final GrowingTableStatistics statistics;

    @Inject
    public IngestTableStatistics(AgroalDataSource dataSource, CatalogConfig config) {
        this(dataSource, config.ingest().analyseFirstAfter(), -1);
    }

    /** {@code rowsAtAnalysis}: the catalog's size at its last analysis, or -1 to read it at the first poll. */
    IngestTableStatistics(AgroalDataSource dataSource, long firstAfter, long rowsAtAnalysis) {
        this.statistics = new GrowingTableStatistics("ingest tables", dataSource, firstAfter, rowsAtAnalysis,
                "source_record", ANALYSED);
    }

    /** After a committed poll: {@code records} records were written (new or changed). */
    public CompletableFuture<Void> written(long records) {
        return statistics.written(records);
    }

    @PreDestroy
    void close() {
        statistics.close();
    }
}
