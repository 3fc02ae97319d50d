package org.bioimagecatalog.reuse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;

/** DatasetChanged events as the catalog publishes them, for the test datasets. */
final class DatasetEvents {
    static final String IDR0001_TITLE = "A genomic Multiprocess survey of machineries that control and link cell "
            + "shape, microtubule organization, and cell-cycle progression";

    private DatasetEvents() {}

    /** idr0001 as the catalog would describe it; the paper's DOI in the upper-case resolver form IDR uses. */
    static DatasetChanged idr0001Like(String datasetId) {
        DatasetMetadata metadata = DatasetMetadata.builder()
                .title("Genome-wide screen of fission yeast deletion mutants (idr0001)")
                .identifier(Identifier.of(Identifier.IDR, "idr0001"))
                .creator(new Creator("Graml V", "0000-0002-1825-0097", "EMBL", null, List.of()))
                .publication(new Publication("https://doi.org/10.1016/J.DEVCEL.2014.09.005", "25373780",
                        "PMC4648281", IDR0001_TITLE, 2014, "Graml V, Studera X, Lawson JL", Publication.Relation.PRIMARY))
                .publication(new Publication("10.5555/bic.related.2015", null, null, "A related commentary", 2015,
                        null, Publication.Relation.RELATED))
                .build();
        return event(datasetId, 1, metadata, new SourceRecordRef("idr:idr0001", "idr", "idr0001",
                "https://idr.openmicroscopy.org/study/idr0001/"));
    }

    static DatasetChanged withPrimaries(String datasetId, int version, Publication... primaries) {
        DatasetMetadata.Builder metadata = DatasetMetadata.builder().title("Test dataset " + datasetId);
        for (Publication publication : primaries) {
            metadata.publication(publication);
        }
        return event(datasetId, version, metadata.build());
    }

    /** A dataset known by a DOI (and optionally an accession), made by the given creators. */
    static DatasetChanged withIdentifiers(String datasetId, List<Identifier> identifiers, Creator... creators) {
        DatasetMetadata.Builder metadata = DatasetMetadata.builder().title("Test dataset " + datasetId);
        identifiers.forEach(metadata::identifier);
        for (Creator creator : creators) {
            metadata.creator(creator);
        }
        return event(datasetId, 1, metadata.build());
    }

    static Creator creator(String name, String orcid) {
        return new Creator(name, orcid, null, null, List.of());
    }

    static Publication primary(String doi, String pmid, String pmcid, String title, Integer year) {
        return new Publication(doi, pmid, pmcid, title, year, null, Publication.Relation.PRIMARY);
    }

    static DatasetChanged event(String datasetId, int version, DatasetMetadata metadata, SourceRecordRef... sources) {
        return new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, datasetId,
                Instant.parse("2024-05-02T10:15:30Z"), ModelJson.contentHash(metadata), null, datasetId, version,
                List.of(sources), metadata);
    }
}
