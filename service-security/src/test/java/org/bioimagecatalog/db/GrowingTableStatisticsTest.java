package org.bioimagecatalog.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When an analysis is due; that it runs against PostgreSQL is tested where a service uses it (catalog, tracker). */
class GrowingTableStatisticsTest {

    @Test
    void dueEachTimeTheTablesHaveDoubled() {
        assertThat(GrowingTableStatistics.due(999, 0, 1000)).isFalse();
        assertThat(GrowingTableStatistics.due(1000, 0, 1000)).isTrue();
        assertThat(GrowingTableStatistics.due(1000, 800, 1000)).isTrue();
        assertThat(GrowingTableStatistics.due(4999, 5000, 1000)).isFalse();
        assertThat(GrowingTableStatistics.due(5000, 5000, 1000)).isTrue();
    }

    @Test
    void turnedOffItNeverAsksTheDatabase() {
        // no data source at all: with firstAfter 0 nothing may touch it
        try (GrowingTableStatistics statistics = new GrowingTableStatistics("tables", null, 0, -1, "t", java.util.List.of("t (a)"))) {
            assertThat(statistics.written(1_000_000)).isCompleted();
        }
    }
}
