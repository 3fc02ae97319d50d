package org.bioimagecatalog.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared stack's Kafka and Elasticsearch (this JVM's topics and indices) with a {@link PrivatePostgres} instead
 * of the shared PostgreSQL, for tests that take the database away. The test gets the server injected into a field
 * of type {@link PrivatePostgres}.
 */
public class PrivatePostgresTestResource extends StackTestResource {
    private PrivatePostgres postgres;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        postgres = PrivatePostgres.startNew();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres, new TestInjector.MatchesType(PrivatePostgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.destroy();
        }
        super.stop();
    }
}
