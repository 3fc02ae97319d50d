package org.bioimagecatalog.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetQuality;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.model.events.SourceRecordRef;

/** Realistic dataset events, as catalog-service publishes them on datasets.v1. */
final class TestDatasets {
    static final License CC_BY = new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0");
    static final License CC0 = new License("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0");

    private TestDatasets() {}

    /** An IDR high-content screen of fission yeast imaged by spinning disk confocal microscopy. */
    static DatasetChanged pombeScreen() {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Genome-wide screen of fission yeast deletion mutants for cell shape defects")
                .description("Haploid deletion mutants covering 95% of the non-essential genes were imaged in"
                        + " 384-well plates after calcofluor staining to find genes that control cell shape.")
                .identifier(Identifier.of("idr", "idr0093"))
                .identifier(Identifier.of("doi", "10.17867/10000150"))
                .creator(new Creator("Jacqueline Hayles", null, "The Francis Crick Institute", null, List.of()))
                .creator(new Creator("Paul Nurse", null, "The Francis Crick Institute", null, List.of()))
                .organism(new Organism("Schizosaccharomyces pombe", "4896"))
                .imagingMethod(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"))
                .studyType("high content screen")
                .sampleType("cell")
                .keyword("cell shape").keyword("gene deletion").keyword("cell polarity")
                .license(CC_BY)
                .released(LocalDate.of(2016, 5, 12))
                .format(new FileFormat("OME-TIFF", "format_3727", "OME-TIFF"))
                .build();
        return event("bic-ds-1001", 1, metadata, "idr:idr0093");
    }

    /** A protein localisation atlas of human cells; its text never says "human". */
    static DatasetChanged u2osAtlas() {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Subcellular protein localization atlas in U2OS osteosarcoma cells")
                .description("Immunofluorescence images of U2OS cells stained for 12,003 proteins with antibodies,"
                        + " counterstained for nuclei, microtubules and the endoplasmic reticulum, imaged on a"
                        + " widefield system with a 63x oil objective. Each protein was imaged in at least two"
                        + " replicate wells and the localisation annotated by two curators to 35 organelles and"
                        + " substructures, giving a reference map of the proteome at single-cell resolution.")
                .identifier(Identifier.of("bia", "S-BIAD34"))
                .creator(new Creator("Peter Thul", "0000-0002-9191-5395", "KTH Royal Institute of Technology",
                        null, List.of()))
                .organism(new Organism("Homo sapiens", "9606"))
                .imagingMethod(new ImagingMethod("fluorescence microscopy", "FBbi:00000246"))
                .keyword("proteome").keyword("organelles")
                .license(CC0)
                .released(LocalDate.of(2021, 3, 1))
                .format("OME-Zarr")
                .build();
        return event("bic-ds-1002", 3, metadata, "bia:S-BIAD34", "idr:idr0128");
    }

    /** An EMPIAR single-particle cryo-EM entry; the method label comes without an FBbi id. */
    static DatasetChanged ribosomeCryoEm() {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Plasmodium falciparum 80S ribosome bound to the anti-protozoan drug emetine")
                .description("Motion-corrected micrographs and particle stacks of the Pf80S ribosome in complex"
                        + " with emetine, collected on a FEI Polara at 300 kV with a Falcon II detector.")
                .identifier(Identifier.of("empiar", "EMPIAR-10002"))
                .creator(new Creator("Wilson Wong", null, "Walter and Eliza Hall Institute", null, List.of()))
                .organism(new Organism("Plasmodium falciparum", null))
                .imagingMethod(new ImagingMethod("cryo-electron microscopy", null))
                .keyword("ribosome").keyword("single particle analysis")
                .license(CC0)
                .released(LocalDate.of(2014, 6, 20))
                .format("MRC")
                .build();
        return event("bic-ds-1003", 2, metadata, "empiar:EMPIAR-10002");
    }

    /** A time-lapse of dividing HeLa cells, another human dataset that never says "human". */
    static DatasetChanged helaMitosis() {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Live-cell imaging of mitosis in HeLa cells expressing histone H2B-mCherry")
                .description("Three-day time-lapse movies of HeLa Kyoto cells after siRNA knock-down,"
                        + " recorded every 30 minutes to score mitotic delay and nuclear morphology.")
                .identifier(Identifier.of("idr", "idr0013"))
                .creator(new Creator("Beate Neumann", null, "EMBL Heidelberg", null, List.of()))
                .organism(new Organism("Homo sapiens", "9606"))
                .imagingMethod(new ImagingMethod("fluorescence microscopy", "FBbi:00000246"))
                .imagingMethod(new ImagingMethod("time lapse microscopy", "FBbi:00000249"))
                .keyword("mitosis").keyword("RNAi")
                .license(CC_BY)
                .released(LocalDate.of(2019, 11, 5))
                .build();
        return event("bic-ds-1004", 1, metadata, "idr:idr0013");
    }

    /** The fission yeast screen as catalog-service publishes it with its quality score: 85 of 100. */
    static String pombeScreenWithQualityJson() {
        DatasetChanged e = pombeScreen();
        return ModelJson.write(new DatasetChanged(e.eventId(), e.schemaVersion(), e.key(), e.occurredAt(),
                e.contentHash(), e.runId(), e.datasetId(), e.version(), e.sourceRecords(), e.metadata(),
                new DatasetQuality(85, List.of("publications"))));
    }

    /** A dataset Elasticsearch must refuse: a 40,000-character format is beyond what a keyword field takes. */
    static DatasetChanged unindexable(String id) {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Malformed format record")
                .organism(new Organism("Danio rerio", "7955"))
                .format("x".repeat(40_000))
                .build();
        return event(id, 1, metadata, "zenodo:" + id);
    }

    /** A small dataset with a given id, version and title, for indexing behaviour tests. */
    static DatasetChanged simple(String id, int version, String title) {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title(title)
                .description("Confocal stacks of zebrafish embryos at 48 hours post fertilisation.")
                .organism(new Organism("Danio rerio", "7955"))
                .imagingMethod(new ImagingMethod("confocal microscopy", "FBbi:00000251"))
                .license(CC_BY)
                .released(LocalDate.of(2022, 1, 10))
                .build();
        return event(id, version, metadata, "zenodo:" + id);
    }

    static ReuseSummary reuse(String datasetId, int reuses, int citations) {
        return reuse(datasetId, reuses, citations, Instant.now());
    }

    static ReuseSummary reuse(String datasetId, int reuses, int citations, Instant occurredAt) {
        return new ReuseSummary(UUID.randomUUID().toString(), ReuseSummary.SCHEMA_VERSION, datasetId, occurredAt,
                null, datasetId, citations, reuses, reuses, Map.of(2024, reuses));
    }

    private static DatasetChanged event(String id, int version, DatasetMetadata metadata, String... sourceKeys) {
        List<SourceRecordRef> sources = java.util.Arrays.stream(sourceKeys)
                .map(key -> new SourceRecordRef(key, key.substring(0, key.indexOf(':')),
                        key.substring(key.indexOf(':') + 1), null))
                .toList();
        return new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, id, Instant.now(),
                ModelJson.contentHash(metadata), null, id, version, sources, metadata);
    }
}
