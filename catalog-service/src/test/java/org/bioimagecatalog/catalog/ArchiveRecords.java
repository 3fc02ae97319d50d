package org.bioimagecatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;

/**
 * Records of one study as several archives describe it, built from the real fixture files at test time:
 * idr0067 (IDR's website tables: size, sample type, its BioImage Archive mirror) and S-BIAD15 (the
 * BioStudies JSON of that mirror), and EMPIAR-10310 (its GIDE RO-Crate) with its DataCite DOI.
 */
final class ArchiveRecords {
    static final String BIA_TITLE = "Meiotic cellular rejuvenation is coupled to nuclear remodeling in budding yeast";

    private ArchiveRecords() {}

    /** S-BIAD15 as a BioStudies connector maps it: every value read from bia/biostudies-studies/S-BIAD15.json. */
    static DatasetMetadata.Builder sBiad15() {
        JsonNode study = json("bia/biostudies-studies/S-BIAD15.json").path("section");
        Map<String, String> attrs = attributes(study);
        JsonNode publication = subsection(study, "Publication");
        JsonNode author = subsection(study, "Author");
        JsonNode experiment = subsection(study, "Experiment");
        Map<String, String> pub = attributes(publication);
        Map<String, String> person = attributes(author);
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(attrs.get("Title"))
                .description(attrs.get("Description"))
                .identifier(Identifier.of(Identifier.BIA, "S-BIAD15"))
                .landingPage("https://www.ebi.ac.uk/biostudies/studies/S-BIAD15")
                .creator(new Creator(person.get("Name"), person.get("ORCID"), null, person.get("Email"),
                        List.of(person.get("Role"))))
                .publication(new Publication(pub.get("DOI").replace("https://doi.org/", "").toLowerCase(), null,
                        pub.get("PMC ID"), pub.get("Title"), 2019, pub.get("Authors"), Publication.Relation.PRIMARY))
                .organism(new Organism(attrs.get("Organism"), "4932"))
                .studyType(attrs.get("Study type"))
                .license(new License("CC-BY-4.0", null, attrs.get("License")))
                .released(LocalDate.parse(attrs.get("Release date")));
        for (JsonNode attr : experiment.path("attributes")) {
            if (attr.path("name").asText().equals("Imaging Method")) {
                String termId = StreamSupport.stream(attr.path("valqual").spliterator(), false)
                        .filter(q -> q.path("name").asText().equals("TermId"))
                        .map(q -> q.path("value").asText().replace('_', ':'))
                        .findFirst().orElse(null);
                b.imagingMethod(new ImagingMethod(attr.path("value").asText(), termId));
            }
            if (attr.path("name").asText().equals("Sample type")) {
                b.sampleType(attr.path("value").asText());
            }
        }
        for (JsonNode attr : study.path("attributes")) {
            if (attr.path("name").asText().equals("Keyword")) {
                b.keyword(attr.path("value").asText());
            }
        }
        return b;
    }

    /**
     * idr0067 as the IDR connector maps it: the IDR website tables give its size, sample type, download
     * location and BioImage Archive mirror (S-BIAD15); title and organism are the study's.
     */
    static DatasetMetadata.Builder idr0067() {
        List<String> study = tsvRow("idr/website-data/studies.tsv", "idr0067-king-yeastmeiosis");
        List<String> download = tsvRow("idr/website-data/download_urls.tsv", "idr0067");
        String biaUrl = download.stream().filter(v -> v.contains("/biostudies/studies/")).findFirst().orElseThrow();
        return DatasetMetadata.builder()
                .title(BIA_TITLE)
                .identifier(Identifier.of(Identifier.IDR, "idr0067"))
                .identifier(Identifier.of(Identifier.BIA, biaUrl.substring(biaUrl.lastIndexOf('/') + 1)))
                .landingPage("https://idr.openmicroscopy.org/search/?query=Name:idr0067")
                .organism(new Organism("Saccharomyces cerevisiae", "4932"))
                .imagingMethod(new ImagingMethod("fluorescence microscopy", "FBbi:00000246"))
                .sampleType(study.get(16))
                .size(new DatasetSize(Long.parseLong(study.get(12)), Long.parseLong(study.get(9)),
                        Long.parseLong(study.get(13)), "Size: " + study.get(12)))
                .accessUrl(download.get(4));
    }

    /** EMPIAR-10310 from its GIDE RO-Crate (empiar/gide-ro-crate). */
    static DatasetMetadata.Builder empiar10310() {
        JsonNode dataset = StreamSupport.stream(
                        json("empiar/gide-ro-crate/EMPIAR-10310-ro-crate-metadata.json").path("@graph").spliterator(), false)
                .filter(e -> e.path("@type").toString().contains("Dataset"))
                .findFirst().orElseThrow();
        return DatasetMetadata.builder()
                .title(dataset.path("name").asText())
                .identifier(Identifier.of(Identifier.EMPIAR, dataset.path("identifier").asText()))
                .landingPage("https://www.ebi.ac.uk/empiar/EMPIAR-10310/")
                .organism(new Organism("Platynereis dumerilii", "6359"))
                .imagingMethod(new ImagingMethod("focused ion beam scanning electron microscopy", "FBbi:00050000"))
                .license(new License("CC0-1.0", dataset.path("license").asText(), null))
                .released(LocalDate.parse(dataset.path("datePublished").asText()));
    }

    /** What DataCite holds for EMPIAR-10310's DOI: a generic description of the same data. */
    static DatasetMetadata.Builder datacite10310() {
        return DatasetMetadata.builder()
                .title("FIB-SEM of parapodia from Platynereis dumerilii")
                .identifier(Identifier.of(Identifier.DOI, "10.6019/EMPIAR-10310"))
                .landingPage("https://doi.org/10.6019/EMPIAR-10310")
                .organism(new Organism("Platynereis", null))
                .keyword("electron microscopy")
                .released(LocalDate.of(2020, 2, 7));
    }

    private static JsonNode json(String fixture) {
        try {
            return ModelJson.mapper().readTree(Files.readString(Fixtures.require(fixture), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tsvRow(String fixture, String firstColumn) {
        try {
            return Files.readAllLines(Fixtures.require(fixture), StandardCharsets.UTF_8).stream()
                    .map(line -> List.of(line.split("\t", -1)))
                    .filter(cells -> cells.get(0).equals(firstColumn))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> attributes(JsonNode section) {
        return StreamSupport.stream(section.path("attributes").spliterator(), false)
                .collect(Collectors.toMap(a -> a.path("name").asText(), a -> a.path("value").asText(), (a, b) -> a));
    }

    private static JsonNode subsection(JsonNode section, String type) {
        return StreamSupport.stream(section.path("subsections").spliterator(), false)
                .filter(s -> s.path("type").asText().equals(type))
                .findFirst().orElseThrow();
    }
}
