package org.bioimagecatalog.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.bioimagecatalog.model.api.Problem;
import org.junit.jupiter.api.Test;

class EngineUnavailableTest {

    @Test
    void aLostOrRefusedDatabaseConnectionAnywhereInTheCausesIsPostgresqlAway() {
        assertThat(EngineUnavailable.engine(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("Connection refused", "08001"))))).contains("PostgreSQL");
        assertThat(EngineUnavailable.engine(new SQLException("terminating connection due to administrator command",
                "57P01"))).contains("PostgreSQL");
        assertThat(EngineUnavailable.isDatabase(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aDataErrorIsNotAnOutage() {
        assertThat(EngineUnavailable.engine(new SQLException("duplicate key value", "23505"))).isEmpty();
        assertThat(EngineUnavailable.engine(new SQLException("query canceled", "57014"))).isEmpty();
        assertThat(EngineUnavailable.engine(new IllegalArgumentException("bad"))).isEmpty();
    }

    @Test
    void aRefusedConnectionToAnotherEngineIsAnOutageToo() {
        assertThat(EngineUnavailable.engine(new RuntimeException(new ConnectException("Connection refused"))))
                .contains("a service it depends on");
    }

    @Test
    void theProblemIsA503OfKindUnavailable() {
        Problem problem = EngineUnavailable.problem("Kafka");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("https://bioimagecatalog.org/problems/unavailable");
        assertThat(problem.detail()).startsWith("Kafka cannot be reached");
    }
}
