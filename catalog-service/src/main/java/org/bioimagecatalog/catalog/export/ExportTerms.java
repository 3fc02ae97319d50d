package org.bioimagecatalog.catalog.export;

import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ids.Doi;

/** The IRIs and names every export format shares: licences, the data DOI, archive names (terms: {@link TermSubjects}). */
final class ExportTerms {
    private static final Map<String, String> ARCHIVES = Map.of(
            "idr", "Image Data Resource",
            "bia", "BioImage Archive",
            "empiar", "EMPIAR",
            "bbbc", "Broad Bioimage Benchmark Collection",
            "ssbd", "Systems Science of Biological Dynamics database",
            "cpg", "Cell Painting Gallery",
            "zenodo", "Zenodo");

    private ExportTerms() {}

    static String archiveName(String source) {
        return ARCHIVES.getOrDefault(source, source);
    }

    /** The first DOI among the identifiers: by the merge rule, the most specific archive's data DOI. */
    static Optional<String> dataDoi(DatasetMetadata m) {
        return m.identifiers().stream()
                .filter(id -> Identifier.DOI.equalsIgnoreCase(id.scheme()))
                .map(id -> Doi.normalise(id.value()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The licence's own URL, else the SPDX page of its id. */
    static Optional<String> licenseUrl(License l) {
        if (l == null) {
            return Optional.empty();
        }
        if (l.url() != null) {
            return Optional.of(l.url());
        }
        return Optional.ofNullable(l.spdx()).map(spdx -> "https://spdx.org/licenses/" + spdx);
    }

    static String orcidUrl(String orcid) {
        return "https://orcid.org/" + orcid;
    }
}
