package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An organism as the source named it ({@code label}), with its NCBI Taxonomy id (digits only), canonical
 * scientific name, rank and lineage (ancestors from the root down, for hierarchy facets) where the catalog's
 * normaliser resolved it. A label without an id is unresolved: kept, never guessed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Organism(String label, String ncbiTaxonId, String name, String rank, List<TermRef> lineage) {

    public Organism {
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
    }

    /** What a harvester knows: the source's label and any id it gave. */
    public Organism(String label, String ncbiTaxonId) {
        this(label, ncbiTaxonId, null, null, List.of());
    }
}
