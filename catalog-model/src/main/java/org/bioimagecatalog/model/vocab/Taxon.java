package org.bioimagecatalog.model.vocab;

import java.util.List;
import org.bioimagecatalog.model.TermRef;

/**
 * One NCBI Taxonomy taxon as the catalog knows it: id (digits), scientific name, rank, common names, and its
 * lineage from the root down to its parent.
 */
public record Taxon(String id, String scientificName, String rank, List<String> commonNames, List<TermRef> lineage) {
    public Taxon {
        commonNames = commonNames == null ? List.of() : List.copyOf(commonNames);
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
    }
}
