package org.bioimagecatalog.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A test profile for tests that take PostgreSQL away: {@link PrivatePostgresTestResource} instead of the shared
 * stack's resource, so that stopping the database affects this test alone.
 */
public class PrivatePostgresProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivatePostgresTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
