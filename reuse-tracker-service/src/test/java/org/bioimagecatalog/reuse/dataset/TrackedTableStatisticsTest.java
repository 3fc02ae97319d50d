package org.bioimagecatalog.reuse.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TableAnalyses;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A first harvest analyses the tracker's tables as they grow, with the columns its lookups use. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class TrackedTableStatisticsTest {
    private static final String[] TABLES = {"tracked_dataset", "publication", "citation_link", "link_evidence"};

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @Test
    void theTablesAreAnalysedOnceEnoughEventsWereApplied() throws Exception {
        TrackedTableStatistics statistics = new TrackedTableStatistics(db, schema, 10, 0);
        Map<String, Timestamp> before = lastAnalysed();

        assertThat(statistics.applied(9)).isCompleted();
        assertThat(lastAnalysed()).isEqualTo(before);

        statistics.applied(1).get(60, TimeUnit.SECONDS);
        assertThat(TableAnalyses.notAnalysedSince(before, lastAnalysed())).isEmpty();
        statistics.close();
    }

    /** By table name without its schema. */
    private Map<String, Timestamp> lastAnalysed() throws SQLException {
        String[] qualified = Arrays.stream(TABLES).map(t -> TrackedTableStatistics.qualified(schema, t))
                .toArray(String[]::new);
        Map<String, Timestamp> at = new LinkedHashMap<>();
        TableAnalyses.lastAnalysed(db, qualified)
                .forEach((table, time) -> at.put(table.substring(table.indexOf('.') + 1), time));
        return at;
    }
}
