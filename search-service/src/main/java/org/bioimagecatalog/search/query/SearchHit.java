package org.bioimagecatalog.search.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset as a search result shows it; the full record is the catalog's {@code /api/v1/datasets/{id}}. */
@Schema(description = "A matching dataset")
public record SearchHit(
        @Schema(example = "bic-7f3a2c") String id,
        @Schema(example = "Fission yeast gene deletion screen for cell shape") String title,
        @Schema(description = "The start of the description (about 300 characters)") String description,
        @Schema(example = "[\"idr\", \"bia\"]") List<String> sources,
        @Schema(description = "Organism labels", example = "[\"Schizosaccharomyces pombe\"]") List<String> organisms,
        @Schema(description = "Imaging method labels", example = "[\"spinning disk confocal microscopy\"]")
        List<String> imagingMethods,
        @Schema(description = "SPDX id, or the licence's label when not recognised", example = "CC-BY-4.0")
        String license,
        LocalDate released,
        @Schema(description = "Number of works that reused the data", example = "3") int reuseCount,
        @Schema(example = "[\"OME-Zarr\"]") List<String> formats,
        @Schema(example = "[\"high content screen\"]") List<String> studyTypes,
        @Schema(description = "Metadata quality score, 0 to 100, when the catalog gave one", example = "83")
        Integer quality,
        @Schema(description = "Matched fragments per field (title, description); matches wrapped in <em>,"
                + " the rest HTML-escaped") Map<String, List<String>> highlights,
        @Schema(description = "The dataset's accession in each archive that holds it, with the archive's own page")
        List<HitLocation.ArchiveAccession> accessions,
        @Schema(description = "The data DOI, when the dataset has one") HitLocation.Link dataDoi,
        @Schema(description = "The primary publication, when known") HitLocation.PrimaryPublication publication,
        @Schema(description = "Canonical organism names (the vocabulary's name, else the label)",
                example = "[\"Homo sapiens\"]") List<String> organismNames,
        @Schema(description = "Canonical imaging method names (the vocabulary's name, else the label)",
                example = "[\"confocal microscopy\"]") List<String> imagingMethodNames) {

    /** A hit without location (a similar-datasets answer reads no event). */
    public SearchHit(String id, String title, String description, List<String> sources, List<String> organisms,
            List<String> imagingMethods, String license, LocalDate released, int reuseCount, List<String> formats,
            List<String> studyTypes, Integer quality, Map<String, List<String>> highlights) {
        this(id, title, description, sources, organisms, imagingMethods, license, released, reuseCount, formats,
                studyTypes, quality, highlights, HitLocation.NONE);
    }

    SearchHit(String id, String title, String description, List<String> sources, List<String> organisms,
            List<String> imagingMethods, String license, LocalDate released, int reuseCount, List<String> formats,
            List<String> studyTypes, Integer quality, Map<String, List<String>> highlights, HitLocation location) {
        this(id, title, description, sources, organisms, imagingMethods, license, released, reuseCount, formats,
                studyTypes, quality, highlights, location.accessions(), location.dataDoi(), location.publication(),
                location.organismNames(), location.imagingMethodNames());
    }
}
