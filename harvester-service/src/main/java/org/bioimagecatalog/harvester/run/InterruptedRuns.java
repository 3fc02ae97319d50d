package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs of this replica that stopped because PostgreSQL went away and could not write their end before the
 * executor gave up waiting for it: the next look for abandoned runs ({@link AbandonedRuns}) writes them FAILED
 * with this reason instead of resuming them. In memory: if the replica dies too, the run is a crashed one and is
 * resumed as such.
 */
@ApplicationScoped
public class InterruptedRuns {
    private final Map<UUID, String> reasons = new ConcurrentHashMap<>();

    void add(UUID runId, String reason) {
        reasons.put(runId, reason);
    }

    Optional<String> reason(UUID runId) {
        return Optional.ofNullable(reasons.get(runId));
    }

    void remove(UUID runId) {
        reasons.remove(runId);
    }
}
