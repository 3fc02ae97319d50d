package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The harmonised description of one dataset, whatever archive it came from. Informed by DataCite,
 * schema.org Dataset and REMBI. Free-text values are kept as given ({@code label}) and, where a
 * vocabulary matches, also carry an ontology id: a value never silently disappears.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DatasetMetadata(
        String title,
        String description,
        List<Identifier> identifiers,
        String landingPage,
        List<Creator> creators,
        List<Publication> publications,
        List<Organism> organisms,
        List<ImagingMethod> imagingMethods,
        List<String> studyTypes,
        List<String> sampleTypes,
        List<String> keywords,
        License license,
        LocalDate released,
        LocalDate modified,
        DatasetSize size,
        List<FileFormat> formats,
        List<String> accessUrls,
        List<String> funding,
        List<Identifier> relatedDatasets,
        List<CellLine> cellLines,
        List<OntologyTerm> samplePreparation,
        List<OntologyTerm> visualizationMethods,
        List<OntologyTerm> imagingParameters) {

    public DatasetMetadata {
        identifiers = copy(identifiers);
        creators = copy(creators);
        publications = copy(publications);
        organisms = copy(organisms);
        imagingMethods = copy(imagingMethods);
        studyTypes = copy(studyTypes);
        sampleTypes = copy(sampleTypes);
        keywords = copy(keywords);
        formats = copy(formats);
        accessUrls = copy(accessUrls);
        funding = copy(funding);
        relatedDatasets = copy(relatedDatasets);
        cellLines = copy(cellLines);
        samplePreparation = copy(samplePreparation);
        visualizationMethods = copy(visualizationMethods);
        imagingParameters = copy(imagingParameters);
    }

    /** The fields a harvester fills, before the catalog's normaliser adds the harmonised ones. */
    public DatasetMetadata(String title, String description, List<Identifier> identifiers, String landingPage,
            List<Creator> creators, List<Publication> publications, List<Organism> organisms,
            List<ImagingMethod> imagingMethods, List<String> studyTypes, List<String> sampleTypes,
            List<String> keywords, License license, LocalDate released, LocalDate modified, DatasetSize size,
            List<FileFormat> formats, List<String> accessUrls, List<String> funding,
            List<Identifier> relatedDatasets) {
        this(title, description, identifiers, landingPage, creators, publications, organisms, imagingMethods,
                studyTypes, sampleTypes, keywords, license, released, modified, size, formats, accessUrls, funding,
                relatedDatasets, List.of(), List.of(), List.of(), List.of());
    }

    /** The source's own format labels (what it wrote), for readers that show text. */
    public List<String> formatLabels() {
        return formats.stream().map(f -> f.name() != null ? f.name() : f.label())
                .filter(v -> v != null && !v.isBlank()).distinct().toList();
    }

    /** A builder holding every value of this record, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder().title(title).description(description).landingPage(landingPage).license(license)
                .released(released).modified(modified).size(size);
        identifiers.forEach(b::identifier);
        creators.forEach(b::creator);
        publications.forEach(b::publication);
        organisms.forEach(b::organism);
        imagingMethods.forEach(b::imagingMethod);
        studyTypes.forEach(b::studyType);
        sampleTypes.forEach(b::sampleType);
        keywords.forEach(b::keyword);
        formats.forEach(b::format);
        accessUrls.forEach(b::accessUrl);
        funding.forEach(b::funding);
        relatedDatasets.forEach(b::relatedDataset);
        cellLines.forEach(b::cellLine);
        samplePreparation.forEach(b::samplePreparation);
        visualizationMethods.forEach(b::visualizationMethod);
        imagingParameters.forEach(b::imagingParameter);
        return b;
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder used by parsers that fill fields as they meet them. */
    public static final class Builder {
        private String title;
        private String description;
        private final java.util.LinkedHashSet<Identifier> identifiers = new java.util.LinkedHashSet<>();
        private String landingPage;
        private final List<Creator> creators = new java.util.ArrayList<>();
        private final List<Publication> publications = new java.util.ArrayList<>();
        private final java.util.LinkedHashSet<Organism> organisms = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<ImagingMethod> imagingMethods = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<String> studyTypes = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<String> sampleTypes = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<String> keywords = new java.util.LinkedHashSet<>();
        private License license;
        private LocalDate released;
        private LocalDate modified;
        private DatasetSize size;
        private final java.util.LinkedHashSet<FileFormat> formats = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<String> accessUrls = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<String> funding = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<Identifier> relatedDatasets = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<CellLine> cellLines = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<OntologyTerm> samplePreparation = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<OntologyTerm> visualizationMethods = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<OntologyTerm> imagingParameters = new java.util.LinkedHashSet<>();

        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder identifier(Identifier v) { if (v != null) identifiers.add(v); return this; }
        public Builder landingPage(String v) { landingPage = v; return this; }
        public Builder creator(Creator v) { if (v != null) creators.add(v); return this; }
        public Builder publication(Publication v) { if (v != null) publications.add(v); return this; }
        public Builder organism(Organism v) { if (v != null) organisms.add(v); return this; }
        public Builder imagingMethod(ImagingMethod v) { if (v != null) imagingMethods.add(v); return this; }
        public Builder studyType(String v) { addText(studyTypes, v); return this; }
        public Builder sampleType(String v) { addText(sampleTypes, v); return this; }
        public Builder keyword(String v) { addText(keywords, v); return this; }
        public Builder license(License v) { license = v; return this; }
        public Builder released(LocalDate v) { released = v; return this; }
        public Builder modified(LocalDate v) { modified = v; return this; }
        public Builder size(DatasetSize v) { size = v; return this; }
        public Builder format(String v) {
            if (v != null && !v.isBlank()) formats.add(FileFormat.ofLabel(v.strip()));
            return this;
        }
        public Builder format(FileFormat v) { if (v != null) formats.add(v); return this; }
        public Builder clearFormats() { formats.clear(); return this; }
        public Builder clearOrganisms() { organisms.clear(); return this; }
        public Builder clearImagingMethods() { imagingMethods.clear(); return this; }
        public Builder cellLine(CellLine v) { if (v != null) cellLines.add(v); return this; }
        public Builder clearCellLines() { cellLines.clear(); return this; }
        public Builder samplePreparation(OntologyTerm v) { if (v != null) samplePreparation.add(v); return this; }
        public Builder visualizationMethod(OntologyTerm v) { if (v != null) visualizationMethods.add(v); return this; }
        public Builder imagingParameter(OntologyTerm v) { if (v != null) imagingParameters.add(v); return this; }
        public Builder clearSamplePreparation() { samplePreparation.clear(); return this; }
        public Builder clearVisualizationMethods() { visualizationMethods.clear(); return this; }
        public Builder clearImagingParameters() { imagingParameters.clear(); return this; }
        public Builder accessUrl(String v) { addText(accessUrls, v); return this; }
        public Builder funding(String v) { addText(funding, v); return this; }
        public Builder relatedDataset(Identifier v) { if (v != null) relatedDatasets.add(v); return this; }

        private static void addText(java.util.Set<String> target, String value) {
            if (value != null && !value.isBlank()) {
                target.add(value.strip());
            }
        }

        public DatasetMetadata build() {
            return new DatasetMetadata(title, description, List.copyOf(identifiers), landingPage, creators,
                    publications, List.copyOf(organisms), List.copyOf(imagingMethods), List.copyOf(studyTypes),
                    List.copyOf(sampleTypes), List.copyOf(keywords), license, released, modified, size,
                    List.copyOf(formats), List.copyOf(accessUrls), List.copyOf(funding),
                    List.copyOf(relatedDatasets), List.copyOf(cellLines), List.copyOf(samplePreparation),
                    List.copyOf(visualizationMethods), List.copyOf(imagingParameters));
        }
    }
}
