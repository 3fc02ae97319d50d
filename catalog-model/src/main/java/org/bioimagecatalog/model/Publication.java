package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A publication linked to a dataset. Identifiers are normalised (DOI lower case, PMCID with PMC prefix). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Publication(String doi, String pmid, String pmcid, String title, Integer year, String authors,
        Relation relation) {

    /** PRIMARY: the publication that describes the dataset; RELATED: any other linked work. */
    public enum Relation { PRIMARY, RELATED }

    public boolean hasIdentifier() {
        return doi != null || pmid != null || pmcid != null;
    }
}
