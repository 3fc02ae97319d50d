package org.bioimagecatalog.harvester.oaipmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** DataCite XML documents as carried in OAI-PMH payloads, read from the shared fixtures as they are. */
class DataciteXmlMapperTest {
    private final DataciteXmlMapper mapper = new DataciteXmlMapper();

    @Test
    void utf16DocumentIsReadInItsOwnEncoding() throws Exception {
        DatasetMetadata m = map("datacite/metadata-xml/utf-16.xml");

        assertThat(m.title()).isEqualTo("Resistance to erosive destruction of steam turbine blades from titanium alloys,"
                + " their structure and phase composition");
        assertThat(m.identifiers()).containsExactly(Identifier.of("doi", "10.18720/mpm.3912018_19"));
        assertThat(m.creators()).hasSize(4).first().isEqualTo(new Creator("Krylov, Nikolay A.", null,
                "Peter the Great St. Petersburg Polytechnic University", null, List.of()));
        assertThat(m.keywords()).containsExactly("microhardness", "phase composition", "steam turbine blade", "titanium alloy");
        assertThat(m.description()).startsWith("Using optical metallography, electron microscopy");
    }

    @Test
    void utf8DocumentWithByteOrderMarkKeepsItsAccents() throws Exception {
        DatasetMetadata m = map("datacite/metadata-xml/utf-8_bom.xml");

        assertThat(m.title()).startsWith("The genera Kretzschmariella and Nemania (Xylariaceae) in Guadeloupe");
        assertThat(m.creators()).extracting(Creator::name).contains("Courtecuisse, Régis");
        assertThat(m.released()).hasToString("2018-02-25");
        assertThat(m.relatedDatasets()).contains(Identifier.of("eissn", "2100-0840"));
    }

    @Test
    void fullKernel45ExampleMapsEveryModelField() throws Exception {
        DatasetMetadata m = map("datacite/metadata-xml/datacite-example-full-v4.5.xml");

        assertThat(m.title()).isEqualTo("Example Title");
        assertThat(m.description()).isEqualTo("Example Abstract");
        assertThat(m.identifiers()).first().isEqualTo(Identifier.of("doi", "10.82433/b09z-4k37"));
        assertThat(m.landingPage()).isEqualTo("https://doi.org/10.82433/b09z-4k37");
        assertThat(m.creators()).containsExactly(
                new Creator("ExampleFamilyName, ExampleGivenName", "0000-0001-5727-2427", "ExampleAffiliation", null, List.of()),
                new Creator("ExampleOrganization", null, null, null, List.of()));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
                "Creative Commons Attribution 4.0 International"));
        assertThat(m.released()).hasToString("2023-01-01");
        assertThat(m.modified()).hasToString("2023-01-01");
        assertThat(m.funding()).containsExactly("Example Funder, 12345 (Example AwardTitle)");
        assertThat(m.size()).isEqualTo(new DatasetSize(1_000_000L, null, null, "1 MB; 90 pages"));
        assertThat(m.formatLabels()).containsExactly("application/xml", "text/plain");
        assertThat(m.publications()).contains(
                new Publication("10.1016/j.epsl.2011.11.037", null, null, null, null, null, Publication.Relation.PRIMARY));
        assertThat(m.relatedDatasets()).contains(Identifier.of("isbn", "978-3-905673-82-1"),
                Identifier.of("ark", "ark:/13030/tqb3kh97gh8w"));
        assertThat(m.keywords()).contains("FOS: Computer and information sciences");
    }

    @Test
    void swmathPayloadKeepsItsOwnIdentifierSchemeAndCitingWorks() throws Exception {
        DatasetMetadata m = map("oai-pmh/datacite-xml-payloads/oai_swmath_org_2901.xml");

        assertThat(m.title()).isEqualTo("LOGEN");
        assertThat(m.identifiers()).contains(Identifier.of("swmath", "oai:swmath.org:2901"),
                Identifier.of("url", "https://swmath.org/software/2901"));
        assertThat(m.creators()).extracting(Creator::name).containsExactly("Leuschel, M.", "Jörgensen, J.");
        assertThat(m.relatedDatasets()).contains(Identifier.of("url", "https://api.zbmath.org/v1/document/7776353"));
    }

    @Test
    void mardiGetRecordPayloadListsItsCitedWorksAsRelatedPublications() throws Exception {
        byte[] body = org.bioimagecatalog.harvester.replay.Cassette.read(
                Fixtures.require("oai-pmh/mardi-zbmath-cassettes/zbmath-article-GetRecord-with-references.yml"))
                .interactions().get(0).body();

        DatasetMetadata m = mapper.map(body);

        assertThat(m.title()).isEqualTo("Distinguisher and related-key attack on HALFLOOP-96");
        assertThat(m.identifiers()).containsExactly(Identifier.of("doi", "10.1007/978-981-97-1235-9_2"),
                Identifier.of("zbmath document id", "oai:zbmath.org:7857807"), Identifier.of("url", "https://zbmath.org/7857807"));
        assertThat(m.publications()).hasSize(17).allSatisfy(p -> assertThat(p.relation()).isEqualTo(Publication.Relation.RELATED))
                .first().extracting(Publication::doi).isEqualTo("10.1007/978-3-030-10970-7_8");
        assertThat(m.license()).extracting(License::spdx, License::url)
                .containsExactly("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(m.keywords()).contains("Cryptography", "differential cryptanalysis");
    }

    @Test
    void theRecordedExampleWithAMismatchedEndTagIsRefusedWithTheLine() throws IOException {
        // read outside the lambda, so that a missing ../shared skips the test instead of being the thrown error
        byte[] xml = Files.readAllBytes(Fixtures.require("datacite/metadata-xml/datacite-example-relateditems.xml"));
        assertThatThrownBy(() -> mapper.map(xml))
                .isInstanceOf(SafeXml.MalformedXmlException.class)
                // the position and the kind, never the document's own text
                .hasMessage("not well-formed XML at line 46, column 17");
    }

    @Test
    void everyOtherDataciteXmlFixtureMapsToATitledRecord() throws IOException {
        Path folder = Fixtures.require("datacite/metadata-xml");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals("datacite-example-relateditems.xml")).sorted().toList();
            assertThat(xml).hasSizeGreaterThanOrEqualTo(10);
            for (Path file : xml) {
                DatasetMetadata m;
                try {
                    m = mapper.map(Files.readAllBytes(file));
                } catch (SafeXml.MalformedXmlException | InvalidRecordException e) {
                    throw new AssertionError(file.getFileName() + ": " + e.getMessage(), e);
                }
                assertThat(m.title()).as(file.getFileName().toString()).isNotBlank();
                assertThat(m.identifiers()).as(file.getFileName().toString()).isNotEmpty();
            }
        }
    }

    @Test
    void aDocumentWithoutResourceIsRefused() {
        assertThatThrownBy(() -> mapper.map("<other/>".getBytes())).isInstanceOf(InvalidRecordException.class)
                .hasMessage("no DataCite <resource> element");
    }

    private DatasetMetadata map(String fixture) throws Exception {
        return mapper.map(Files.readAllBytes(Fixtures.require(fixture)));
    }
}
