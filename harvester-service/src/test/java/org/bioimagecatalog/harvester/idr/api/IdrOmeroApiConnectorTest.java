package org.bioimagecatalog.harvester.idr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.junit.jupiter.api.Test;

/**
 * The OMERO API connector over real loopback HTTP ({@link OmeroApiServer} answering from the self-written answers
 * of {@code src/test/resources/idr-api}, whose values were copied from the real study files of the same studies) and
 * from the same answers read as a local folder. The expected values below were checked by hand against
 * {@code ../shared/fixtures/idr/study-files}.
 */
class IdrOmeroApiConnectorTest {
    private static final List<String> STUDIES = List.of("idr0001", "idr0002", "idr0018", "idr0022", "idr0038", "idr0097");

    private final IdrOmeroApiConnector connector = new IdrOmeroApiConnector(ReplayHttp.client());

    @Test
    void projectsAndScreensArePagedUntilTheTotalCountAndGroupedIntoOneEntryPerStudy() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            SourceListing listing = connector.open(server.baseUrl() + "?limit=3");

            assertThat(server.requests()).containsExactly(
                    "/api/v0/m/projects/?offset=0&limit=3", "/api/v0/m/projects/?offset=3&limit=3",
                    "/api/v0/m/projects/?offset=6&limit=3",
                    "/api/v0/m/screens/?offset=0&limit=3", "/api/v0/m/screens/?offset=3&limit=3");
            assertThat(listing.entries()).containsExactly(
                    server.baseUrl() + "webclient/api/annotations/?type=map&screen=3",
                    server.baseUrl() + "webclient/api/annotations/?type=map&screen=102",
                    server.baseUrl() + "webclient/api/annotations/?type=map&project=101",
                    server.baseUrl() + "webclient/api/annotations/?type=map&screen=2151&screen=2152&screen=2201",
                    server.baseUrl() + "webclient/api/annotations/?type=map&project=351&project=352&project=353",
                    server.baseUrl() + "webclient/api/annotations/?type=map&project=1601&project=1602&project=1603&screen=2801");
            assertThat(readAll(listing).keySet()).containsExactlyElementsOf(STUDIES);
        }
    }

    @Test
    void aStudyOfAScreenAndThreeProjectsIsOneRecordWithEveryContainer() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            HarvestedItem item = readAll(connector.open(server.baseUrl())).get("idr0097");

            assertThat(item.sourceUrl()).isEqualTo(server.baseUrl()
                    + "webclient/api/annotations/?type=map&project=1601&project=1602&project=1603&screen=2801");
            DatasetMetadata m = item.metadata();
            assertThat(m.title()).isEqualTo("Pooled protein tagging, cellular imaging and in situ sequencing for monitoring"
                    + " drug action in real time");
            assertThat(m.identifiers()).containsExactly(Identifier.of("idr", "idr0097"), Identifier.of("idr-project", "1601"),
                    Identifier.of("idr-project", "1602"), Identifier.of("idr-project", "1603"), Identifier.of("idr-screen", "2801"));
            assertThat(m.accessUrls()).containsExactly(
                    "https://idr.openmicroscopy.org/webclient/?show=project-1601",
                    "https://idr.openmicroscopy.org/webclient/?show=project-1602",
                    "https://idr.openmicroscopy.org/webclient/?show=project-1603",
                    "https://idr.openmicroscopy.org/webclient/?show=screen-2801");
            // the umbrella project carries the study's own description
            assertThat(m.description()).startsWith("The levels and subcellular localizations of proteins regulate critical");
            assertThat(m.publications()).containsExactly(new Publication("10.1101/gr.261503.120", "33203764", "PMC7706735",
                    "Pooled protein tagging, cellular imaging, and in situ sequencing for monitoring drug action in real time",
                    null, "Reicher A, Koren A, Kubicek S", Publication.Relation.PRIMARY));
            assertThat(m.organisms()).containsExactly(new Organism("Homo sapiens", "9606"));
            assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"));
            assertThat(m.studyTypes()).containsExactly("in situ sequencing");
            assertThat(m.keywords()).containsExactly("primary screen", "pooled protein tagging with GFP");
            assertThat(m.released()).isEqualTo(LocalDate.of(2021, 2, 11));
            assertThat(m.landingPage()).isEqualTo("https://idr.openmicroscopy.org/search/?query=Name:idr0097");
        }
    }

    @Test
    void eachStudyIsMappedFromItsMapAnnotations() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            Map<String, HarvestedItem> items = readAll(connector.open(server.baseUrl()));

            DatasetMetadata sysgro = items.get("idr0001").metadata();
            // no 'Study Title' pair (IDR leaves it out when it repeats the publication title): the publication's
            assertThat(sysgro.title()).isEqualTo("A genomic Multiprocess survey of machineries that control and link cell"
                    + " shape, microtubule organization, and cell-cycle progression.");
            assertThat(sysgro.description()).startsWith("Primary screen of fission yeast knock out mutants").endsWith("functionally annotated.");
            assertThat(sysgro.identifiers()).containsExactly(Identifier.of("idr", "idr0001"), Identifier.of("idr-screen", "3"));
            assertThat(sysgro.organisms()).containsExactly(new Organism("Schizosaccharomyces pombe", "4896"));
            assertThat(sysgro.imagingMethods()).containsExactly(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"));
            assertThat(sysgro.publications()).singleElement().satisfies(p -> {
                assertThat(p.doi()).isEqualTo("10.1016/j.devcel.2014.09.005");
                assertThat(p.pmid()).isEqualTo("25373780");
                assertThat(p.pmcid()).isEqualTo("PMC4648281");
                assertThat(p.authors()).startsWith("Graml V, Studera X, Lawson JLD").endsWith("Carazo Salas RE");
            });
            assertThat(sysgro.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"));
            assertThat(sysgro.released()).isEqualTo(LocalDate.of(2016, 4, 27));
            assertThat(sysgro.studyTypes()).containsExactly("high content screen");
            assertThat(sysgro.keywords()).containsExactly("primary screen", "gene deletion screen");
            assertThat(sysgro.sampleTypes()).containsExactly("cell");
            assertThat(sysgro.accessUrls()).containsExactly("https://idr.openmicroscopy.org/webclient/?show=screen-3");

            DatasetMetadata histopathology = items.get("idr0018").metadata();
            assertThat(histopathology.title()).isEqualTo("Histopathology of mouse knockouts");
            assertThat(histopathology.publications()).isEmpty();
            assertThat(histopathology.organisms()).containsExactly(new Organism("Mus musculus", "10090"));
            assertThat(histopathology.imagingMethods()).containsExactly(new ImagingMethod("bright-field microscopy", "FBbi:00000243"));
            assertThat(histopathology.sampleTypes()).containsExactly("tissue");
            assertThat(histopathology.studyTypes()).containsExactly("histology");
            assertThat(histopathology.identifiers()).containsExactly(Identifier.of("idr", "idr0018"), Identifier.of("idr-project", "101"));

            DatasetMetadata migration = items.get("idr0022").metadata();
            assertThat(migration.identifiers()).containsExactly(Identifier.of("idr", "idr0022"), Identifier.of("doi", "10.17867/10000128"),
                    Identifier.of("idr-screen", "2201"), Identifier.of("idr-screen", "2151"), Identifier.of("idr-screen", "2152"));
            assertThat(migration.description()).startsWith("Triple-negative breast cancer (TNBC) is an aggressive");
            assertThat(migration.keywords()).containsExactly("Primary", "Validation", "RNAi screen");
            assertThat(migration.publications()).extracting(Publication::doi, Publication::pmid)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("10.1038/s41467-019-11020-3", "31278301"));
            assertThat(migration.publications().get(0).authors()).contains("Le Dévédec SE");

            DatasetMetadata kidney = items.get("idr0038").metadata();
            assertThat(kidney.title()).isEqualTo("Ex vivo live cell tracking in kidney organoids using light sheet fluorescence microscopy");
            assertThat(kidney.identifiers()).contains(Identifier.of("doi", "10.17867/10000110"));
            // no umbrella container in these answers: the three experiments' descriptions, in container order
            assertThat(kidney.description().split("\n\n")).hasSize(3);
            assertThat(kidney.description()).startsWith("We have adapted the mouse kidney rudiment assay to generate renal organoids."
                    + " To demonstrate");
            assertThat(kidney.imagingMethods()).containsExactly(new ImagingMethod("light sheet fluorescence microscopy", "FBbi:00000369"));
            assertThat(kidney.accessUrls()).hasSize(3);
        }
    }

    @Test
    void a429WithRetryAfterAndA500AreRetriedByThePoliteClient() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.tooManyRequestsNext("/api/v0/m/screens/?offset=3", 1).failNext("screen=2151", 500, 1);

            Map<String, HarvestedItem> items = readAll(connector.open(server.baseUrl() + "?limit=3"));

            assertThat(items.keySet()).containsExactlyElementsOf(STUDIES);
            assertThat(server.requests().stream().filter(r -> r.equals("/api/v0/m/screens/?offset=3&limit=3"))).hasSize(2);
            assertThat(server.requests().stream().filter(r -> r.contains("screen=2151"))).hasSize(2);
        }
    }

    @Test
    void aMalformedAnnotationAnswerRejectsItsStudyOnly() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.answer("screen=102", "{\"annotations\": [{\"ns\": \"idr.openmicroscopy.org/study/info\", \"values\": [[\"Stu");
            SourceListing listing = connector.open(server.baseUrl());
            String idr0002 = server.baseUrl() + "webclient/api/annotations/?type=map&screen=102";

            assertThatThrownBy(() -> listing.read(idr0002)).isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                assertThat(e.location()).isEqualTo(idr0002);
                assertThat(e.reason()).startsWith("idr0002: the map annotations answer: not valid JSON at line 1")
                        .endsWith("unexpected end of input");
                assertThat(e.payloadExcerpt()).startsWith("{\"annotations\": [{\"ns\"");
            });
            Map<String, Object> others = new HashMap<>();
            for (String entry : listing.entries()) {
                if (!entry.equals(idr0002)) {
                    others.put(listing.read(entry).nativeId(), entry);
                }
            }
            assertThat(others).containsOnlyKeys("idr0001", "idr0018", "idr0022", "idr0038", "idr0097");
        }
    }

    @Test
    void annotationsThatCannotBeFetchedOrAreNotPairsAreRejectedWithTheReason() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.failNext("project=101", 503, 3).answer("screen=3", "{\"annotations\": [{\"id\": 77, \"ns\":"
                    + " \"idr.openmicroscopy.org/study/info\", \"link\": {\"parent\": {\"id\": 3, \"class\": \"ScreenI\"}},"
                    + " \"values\": {\"Study Title\": \"x\"}}]}");
            SourceListing listing = connector.open(server.baseUrl());

            assertThatThrownBy(() -> listing.read(server.baseUrl() + "webclient/api/annotations/?type=map&project=101"))
                    .isInstanceOf(RecordRejectedException.class)
                    .hasMessageStartingWith("idr0018: the map annotations cannot be read: ")
                    .hasMessageContaining("503");
            assertThatThrownBy(() -> listing.read(server.baseUrl() + "webclient/api/annotations/?type=map&screen=3"))
                    .isInstanceOf(RecordRejectedException.class)
                    .hasMessage("idr0001: map annotation 77 of screen 3 (idr0001-graml-sysgro/screenA) has no 'values' list"
                            + " of [key, value] pairs");
        }
    }

    @Test
    void aStudyWithoutStudyAnnotationsHasNoTitleAndIsRejected() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.answer("screen=102", "{\"annotations\": [], \"experimenters\": []}");
            SourceListing listing = connector.open(server.baseUrl());

            assertThatThrownBy(() -> listing.read(server.baseUrl() + "webclient/api/annotations/?type=map&screen=102"))
                    .isInstanceOf(RecordRejectedException.class)
                    .hasMessage("idr0002: no title: neither 'Study Title' nor 'Publication Title' in the map annotations of"
                            + " screen 102 (idr0002-heriche-condensation/screenA)");
        }
    }

    @Test
    void aContainerNamedAfterNoStudyIsARejectedEntry() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.answer("/api/v0/m/projects/", "{\"data\": [{\"@id\": 5, \"@type\": \"" + ContainerKind.PROJECT.schemaType()
                    + "\", \"Name\": \"training-set\"}, {\"@type\": \"" + ContainerKind.PROJECT.schemaType() + "\"}],"
                    + " \"meta\": {\"offset\": 0, \"limit\": 500, \"maxLimit\": 1000, \"totalCount\": 2}}");
            SourceListing listing = connector.open(server.baseUrl());

            String unnamed = server.baseUrl() + "api/v0/m/projects/5/";
            String noId = server.baseUrl() + "api/v0/m/projects/?offset=0&limit=500#1";
            assertThat(listing.entries()).endsWith(unnamed, noId);
            assertThatThrownBy(() -> listing.read(unnamed)).isInstanceOf(RecordRejectedException.class)
                    .hasMessage("project 5 (training-set): its Name does not start with an IDR study accession (idrNNNN)");
            assertThatThrownBy(() -> listing.read(noId)).isInstanceOf(RecordRejectedException.class)
                    .hasMessage("a listed project has no numeric '@id'");
        }
    }

    @Test
    void aFolderOfSavedAnswersGivesTheSameRecords() throws Exception {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            Map<String, HarvestedItem> overHttp = readAll(connector.open(server.baseUrl()));
            Path folder = OmeroApiServer.testAnswers();
            Map<String, HarvestedItem> fromFolder = readAll(connector.open(folder.toString()));

            assertThat(fromFolder.keySet()).containsExactlyElementsOf(STUDIES);
            for (String study : STUDIES) {
                assertThat(fromFolder.get(study).metadata()).isEqualTo(overHttp.get(study).metadata());
            }
            assertThat(fromFolder.get("idr0022").sourceUrl())
                    .isEqualTo(folder.resolve("webclient/api/annotations").toUri() + "#idr0022");
        }
    }

    @Test
    void anUnreachableServerOrAnEmptyFolderCannotBeRead(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThatThrownBy(() -> connector.open("http://127.0.0.1:9/")).isInstanceOf(LocationUnreadableException.class)
                .hasMessageStartingWith("no project or screen could be listed at http://127.0.0.1:9/: ");
        assertThatThrownBy(() -> connector.open(empty.toString())).isInstanceOf(LocationUnreadableException.class)
                .hasMessage("no saved OMERO API answers under " + empty + ": expected api/v0/m/projects/*.json or"
                        + " api/v0/m/screens/*.json");
    }

    @Test
    void locationsThatCanNeverWorkAreRefusedBeforeARun() throws Exception {
        connector.checkLocation("https://idr.openmicroscopy.org");
        connector.checkLocation("/data/idr-api");
        assertThatThrownBy(() -> connector.checkLocation("saved/idr-api")).isInstanceOf(InvalidLocationException.class)
                .hasMessage("a local location must be an absolute path, not 'saved/idr-api'");
        assertThatThrownBy(() -> connector.checkLocation("https://idr.openmicroscopy.org/?limit=5000"))
                .isInstanceOf(InvalidLocationException.class).hasMessageContaining("'limit'").hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> connector.checkLocation("ftp://idr.openmicroscopy.org/")).isInstanceOf(InvalidLocationException.class);
    }

    private static Map<String, HarvestedItem> readAll(SourceListing listing) throws RecordRejectedException {
        Map<String, HarvestedItem> items = new java.util.LinkedHashMap<>();
        for (String entry : listing.entries()) {
            HarvestedItem item = listing.read(entry);
            items.put(item.nativeId(), item);
        }
        return items;
    }
}
