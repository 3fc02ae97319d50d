package org.bioimagecatalog.harvester.vocab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.bia.BioStudiesConnector;
import org.bioimagecatalog.harvester.cpg.CellPaintingGalleryConnector;
import org.bioimagecatalog.harvester.empiar.EmpiarConnector;
import org.bioimagecatalog.harvester.gide.GideRoCrateConnector;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.idr.IdrStudyFileConnector;
import org.bioimagecatalog.harvester.oaipmh.DataciteXmlMapper;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.testsupport.Fixtures;

/**
 * Every record the harvester's connectors read from the recorded fixtures, as harvested (before the catalog's
 * normaliser): IDR study files and crates, BIA studies and crates, EMPIAR entries and crates, SSBD crates, the
 * Cell Painting Gallery, DataCite XML. For the vocabulary coverage tests; skips the caller when the fixtures are
 * absent.
 */
final class RecordedArchives {
    private static final PoliteHttpClient HTTP = ReplayHttp.client();

    private RecordedArchives() {}

    static List<DatasetMetadata> all() throws Exception {
        List<DatasetMetadata> records = new ArrayList<>();
        records.addAll(read(new IdrStudyFileConnector(HTTP), "idr/study-files"));
        for (String crates : List.of("idr/gide-ro-crate", "bia/gide-ro-crate", "empiar/gide-ro-crate",
                "ssbd/gide-ro-crate/database", "ssbd/gide-ro-crate/repository")) {
            records.addAll(read(new GideRoCrateConnector(HTTP), crates));
        }
        records.addAll(read(new BioStudiesConnector(HTTP), "bia/biostudies-studies"));
        records.addAll(read(new EmpiarConnector(HTTP), "empiar/api-entry-json-test-variants"));
        records.addAll(read(new EmpiarConnector(HTTP), "empiar/entry-xml"));
        records.addAll(read(new CellPaintingGalleryConnector(HTTP), "cpg"));
        records.addAll(dataciteXml("datacite/metadata-xml"));
        records.addAll(dataciteXml("oai-pmh/datacite-xml-payloads"));
        return records;
    }

    private static List<DatasetMetadata> read(SourceConnector connector, String folder) throws Exception {
        SourceListing listing = connector.open(Fixtures.require(folder).toString());
        List<DatasetMetadata> out = new ArrayList<>();
        for (String entry : listing.entries()) {
            try {
                out.add(listing.read(entry).metadata());
            } catch (RecordRejectedException e) {
                // a rejected record has no values to count
            }
        }
        return out;
    }

    private static List<DatasetMetadata> dataciteXml(String folder) throws IOException {
        DataciteXmlMapper mapper = new DataciteXmlMapper();
        List<DatasetMetadata> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixtures.require(folder))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                try {
                    out.add(mapper.map(Files.readAllBytes(file)));
                } catch (Exception e) {
                    // not a DataCite resource: nothing to count
                }
            }
        }
        return out;
    }
}
