package org.bioimagecatalog.search;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** An application of its own (topic and index namespace) with a small point-in-time cap, to reach it in a test. */
public class ForgivingSearchProfile implements QuarkusTestProfile {
    static final int PIT_MAX_OPEN = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bic.search.query.pit-max-open", String.valueOf(PIT_MAX_OPEN));
    }
}
