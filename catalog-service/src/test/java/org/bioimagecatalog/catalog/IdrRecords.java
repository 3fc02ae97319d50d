package org.bioimagecatalog.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.HarvestedRecord;

/** Harvested records as the IDR connector makes them, with the values of the real idr0001 study. */
final class IdrRecords {
    static final String IDR0001_TITLE = "A genomic Multiprocess survey of machineries that control and link cell shape,"
            + " microtubule organization, and cell-cycle progression.";

    private IdrRecords() {}

    /** idr0001's metadata; {@code nativeId} lets each test use a record (and a dataset) of its own. */
    static DatasetMetadata.Builder idr0001(String nativeId) {
        return DatasetMetadata.builder()
                .title(IDR0001_TITLE)
                .description("Understanding cells as integrated systems requires that we systematically decipher how"
                        + " single genes affect multiple biological processes and how processes are functionally linked.")
                .identifier(Identifier.of(Identifier.IDR, nativeId))
                // idr0001's real data DOI; the copies other tests make get DOIs of their own, since records
                // sharing a data DOI are one dataset
                .identifier(Identifier.of(Identifier.DOI, nativeId.equals("idr0001") ? "10.17867/10000101"
                        : "10.17867/test." + nativeId))
                .landingPage("https://idr.openmicroscopy.org/search/?query=Name:" + nativeId)
                .creator(new Creator("Rafael Carazo Salas", null,
                        "School of Cellular and Molecular Medicine, University of Bristol, United Kingdom",
                        "rafael.carazosalas@bristol.ac.uk", List.of("submitter")))
                .publication(new Publication("10.1016/j.devcel.2014.09.005", "25373780", "PMC4648281",
                        IDR0001_TITLE, 2014, "Graml V, Studera X, Lawson JLD et al.", Publication.Relation.PRIMARY))
                .organism(new Organism("Schizosaccharomyces pombe", "4896"))
                .imagingMethod(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"))
                .studyType("high content screen")
                .sampleType("cell")
                .license(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"))
                .released(LocalDate.of(2016, 4, 27))
                .size(new DatasetSize(10_060_000_000_000L, 109_728L, null, "Total Tb: 10.06"))
                .format("OME-TIFF");
    }

    static HarvestedRecord record(String runId, String source, String nativeId, DatasetMetadata metadata) {
        return HarvestedRecord.of(runId, source, nativeId, "https://idr.openmicroscopy.org/webclient/?show=screen-3",
                metadata);
    }

    static HarvestedRecord recordSeenAt(Instant occurredAt, String runId, String source, String nativeId,
            DatasetMetadata metadata) {
        HarvestedRecord r = record(runId, source, nativeId, metadata);
        return new HarvestedRecord(r.eventId(), r.schemaVersion(), r.key(), occurredAt, r.contentHash(), r.runId(),
                r.source(), r.nativeId(), r.sourceUrl(), false, metadata);
    }

    static HarvestedRecord deleted(String runId, String source, String nativeId) {
        return new HarvestedRecord(UUID.randomUUID().toString(), HarvestedRecord.SCHEMA_VERSION,
                HarvestedRecord.key(source, nativeId), Instant.now(), null, runId, source, nativeId, null, true, null);
    }
}
