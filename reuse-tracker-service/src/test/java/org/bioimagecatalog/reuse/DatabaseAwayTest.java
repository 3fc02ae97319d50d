package org.bioimagecatalog.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures make the datasets consumer stop (and read the record again) instead of skipping the record. */
class DatabaseAwayTest {

    @Test
    void aLostOrRecoveringDatabaseIsAwayWhereverItIsInTheCauses() {
        assertThat(DatabaseAway.isDatabaseAway(new RuntimeException("JDBC exception",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseAway.isDatabaseAway(new IllegalStateException(new RuntimeException(
                new SQLException("the database system is not yet accepting connections", "57P03"))))).isTrue();
        assertThat(DatabaseAway.isDatabaseAway(
                new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void badDataAndConcurrentWritesAreNot() {
        assertThat(DatabaseAway.isDatabaseAway(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseAway.isDatabaseAway(new SQLException("value too long", "22001"))).isFalse();
        assertThat(DatabaseAway.isDatabaseAway(new SQLException("no state"))).isFalse();
        assertThat(DatabaseAway.isDatabaseAway(new IllegalArgumentException("not a dataset"))).isFalse();
    }
}
