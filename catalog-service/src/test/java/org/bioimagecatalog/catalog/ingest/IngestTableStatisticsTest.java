package org.bioimagecatalog.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TableAnalyses;
import org.junit.jupiter.api.Test;

/**
 * A first harvest analyses the ingest tables as they grow, so that the planner looks a poll's keys up by index
 * instead of scanning tables it believes hold nothing.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class IngestTableStatisticsTest {
    private static final String[] TABLES = {"source_record", "record_match_key", "dataset", "dataset_version", "outbox"};

    @Inject
    AgroalDataSource db;

    @Test
    void theTablesAreAnalysedOnceEnoughRecordsWereWritten() throws Exception {
        IngestTableStatistics statistics = new IngestTableStatistics(db, 10, 0);
        Map<String, Timestamp> before = lastAnalysed();

        assertThat(statistics.written(9)).isCompleted();
        assertThat(lastAnalysed()).isEqualTo(before);

        statistics.written(1).get(60, TimeUnit.SECONDS);
        assertThat(TableAnalyses.notAnalysedSince(before, lastAnalysed())).isEmpty();
        statistics.close();
    }

    @Test
    void nothingIsAnalysedWhenTurnedOff() throws Exception {
        IngestTableStatistics statistics = new IngestTableStatistics(db, 0, 0);
        Map<String, Timestamp> before = lastAnalysed();
        assertThat(statistics.written(1_000_000)).isCompleted();
        assertThat(lastAnalysed()).isEqualTo(before);
        statistics.close();
    }

    private Map<String, Timestamp> lastAnalysed() throws SQLException {
        return TableAnalyses.lastAnalysed(db, TABLES);
    }
}
