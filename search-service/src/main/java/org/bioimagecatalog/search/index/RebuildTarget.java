package org.bioimagecatalog.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index a reindex is building, if any. While it is set, every live batch is written to it as well as
 * through the alias (external versions make the order of the replay and the live writes irrelevant), and the
 * ids the live consumer deleted are remembered, because the replay may still bring an older version of them.
 */
@ApplicationScoped
public class RebuildTarget {
    private volatile String index;
    private final Set<String> deletedDuring = ConcurrentHashMap.newKeySet();

    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    synchronized void start(String building) {
        deletedDuring.clear();
        index = building;
    }

    synchronized void stop() {
        index = null;
        deletedDuring.clear();
    }

    void deleted(String id) {
        if (index != null) {
            deletedDuring.add(id);
        }
    }

    Set<String> deletedDuringRebuild() {
        return Set.copyOf(deletedDuring);
    }
}
