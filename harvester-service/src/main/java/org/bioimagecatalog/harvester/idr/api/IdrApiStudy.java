package org.bioimagecatalog.harvester.idr.api;

import java.util.Comparator;
import java.util.List;

/**
 * One IDR study as the API shows it: its accession and the containers named after it (an umbrella, screens,
 * projects — {@code idr0097} has a screen and two projects), umbrella first, then by name.
 */
record IdrApiStudy(String accession, List<OmeroContainer> containers) {
    private static final Comparator<OmeroContainer> ORDER = Comparator.comparing((OmeroContainer c) -> !c.isUmbrella())
            .thenComparing(OmeroContainer::name).thenComparing(OmeroContainer::kind).thenComparingLong(OmeroContainer::id);

    IdrApiStudy {
        // a container listed twice (pages shifting while they are read) counts once
        containers = containers.stream().distinct().sorted(ORDER).toList();
    }
}
