package org.bioimagecatalog.reuse.citation;

import java.util.Optional;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;

/**
 * A publication as one source names it, ids normalised (DOI lower case, PMID digits, PMCID with its PMC
 * prefix) so that {@code https://doi.org/10.1016/J.DEVCEL…} and {@code 10.1016/j.devcel…} meet in one row.
 */
public record PublicationRef(String doi, String pmid, String pmcid, String title, Integer year, String authors) {

    /** The reference for a catalog publication, or empty when it carries no usable DOI, PMID or PMCID. */
    public static Optional<PublicationRef> from(Publication publication) {
        PublicationRef ref = new PublicationRef(
                Doi.normalise(publication.doi()).orElse(null),
                PubMedIds.pmid(publication.pmid()).orElse(null),
                PubMedIds.pmcid(publication.pmcid()).orElse(null),
                blankToNull(publication.title()),
                publication.year(),
                blankToNull(publication.authors()));
        return ref.hasId() ? Optional.of(ref) : Optional.empty();
    }

    public boolean hasId() {
        return doi != null || pmid != null || pmcid != null;
    }

    @Override
    public String toString() {
        return "doi=" + doi + " pmid=" + pmid + " pmcid=" + pmcid;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
