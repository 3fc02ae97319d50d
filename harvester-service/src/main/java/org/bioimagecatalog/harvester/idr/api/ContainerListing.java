package org.bioimagecatalog.harvester.idr.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * Every project and screen a location lists, and what could not be listed: a listing page that failed or is not a
 * listing (the enumeration of that kind stopped there), or a listed item without an id or a name. Each failure
 * becomes a rejected entry of the run, so it reaches the dead-letter topic with its reason.
 */
final class ContainerListing {
    private final List<OmeroContainer> containers = new ArrayList<>();
    private final Map<String, RecordRejectedException> unreadable = new LinkedHashMap<>();

    void add(OmeroContainer container) {
        containers.add(container);
    }

    void unreadable(RecordRejectedException reason) {
        unreadable.put(reason.location(), reason);
    }

    List<OmeroContainer> containers() {
        return List.copyOf(containers);
    }

    /** In the order they were met. */
    Map<String, RecordRejectedException> unreadable() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
    }
}
