package org.bioimagecatalog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bioimagecatalog.catalog.merge.DatasetJson;
import org.bioimagecatalog.catalog.quality.Quality;
import org.bioimagecatalog.catalog.quality.QualityScorer;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetQuality;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.bioimagecatalog.model.vocab.TaxonResolver;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The dataset's JSON with its metadata written once and spliced in is, character for character (so byte for byte
 * in UTF-8), what {@link ModelJson#write} writes for the whole value: for the event that is stored and published,
 * and for the canonical content whose hash is compared with the hashes stored before. Checked on records built from
 * the real fixtures (every IDR study file, with their non-UTF-8 bytes and control characters, and the records of one
 * study as four archives describe it), normalised as the merge normalises them.
 */
class DatasetJsonTest {
    private static final MetadataNormaliser NORMALISER = new MetadataNormaliser(TaxonResolver.NONE);

    /** The canonical content as the merge hashed it before the splice: the hashes stored in catalogs since. */
    private record CanonicalContent(List<SourceRecordRef> sourceRecords, DatasetMetadata metadata) {}

    @Test
    void theSplicedJsonIsTheWholeValuesJsonForEveryFixtureRecord() {
        List<DatasetMetadata> records = new ArrayList<>(idrStudies());
        records.add(ArchiveRecords.sBiad15().build());
        records.add(ArchiveRecords.idr0067().build());
        records.add(ArchiveRecords.empiar10310().build());
        records.add(ArchiveRecords.datacite10310().build());
        assertThat(records).hasSizeGreaterThan(100);

        int i = 0;
        for (DatasetMetadata harvested : records) {
            DatasetMetadata metadata = NORMALISER.normalise(harvested);
            String key = "src:" + i++;
            List<SourceRecordRef> refs = List.of(new SourceRecordRef(key, "src", key.substring(4),
                    "https://example.org/" + key), new SourceRecordRef("zz:" + i, "zz", "z", null));
            DatasetJson json = new DatasetJson(metadata);
            Quality quality = QualityScorer.score(metadata);
            DatasetChanged event = new DatasetChanged("7b0c4c8e-0d7f-4f7e-9b1e-" + String.format("%012d", i), 1,
                    "bic-" + i, Instant.parse("2026-12-07T18:00:00.123456Z"), json.contentHash(refs), "run-1",
                    "bic-" + i, 3, refs, metadata, new DatasetQuality(quality.score(), quality.missing()));

            assertThat(json.event(event)).isEqualTo(ModelJson.write(event));
            assertThat(json.contentHash(refs)).isEqualTo(ModelJson.contentHash(new CanonicalContent(refs, metadata)))
                    .isEqualTo(ModelJson.contentHashOfJson("{\"metadata\":" + ModelJson.write(metadata)
                            + ",\"sourceRecords\":" + ModelJson.write(refs) + "}"));
        }
    }

    /** Each IDR study file's study-level values, decoded as UTF-8 whatever the file's encoding, as found. */
    private static List<DatasetMetadata> idrStudies() {
        try (Stream<Path> files = Files.list(Fixtures.require("idr/study-files"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-study.txt")).sorted()
                    .map(DatasetJsonTest::idrStudy).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetMetadata idrStudy(Path file) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n|\r")) {
                String[] cells = line.split("\t", -1);
                rows.putIfAbsent(cells[0].strip(), Arrays.stream(cells).skip(1).filter(c -> !c.isBlank()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String accession = file.getFileName().toString().replace("-study.txt", "");
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(first(rows, "Study Title"))
                .description(first(rows, "Study Description"))
                .identifier(Identifier.of(Identifier.IDR, accession))
                .landingPage("https://idr.openmicroscopy.org/search/?query=Name:" + accession);
        if (first(rows, "Study Data DOI") != null) {
            b.identifier(Identifier.of(Identifier.DOI, first(rows, "Study Data DOI")));
        }
        rows.getOrDefault("Study Key Words", List.of()).forEach(b::keyword);
        rows.getOrDefault("Study Type", List.of()).forEach(b::studyType);
        List<String> taxa = rows.getOrDefault("Study Organism Term Accession", List.of());
        List<String> organisms = rows.getOrDefault("Study Organism", List.of());
        for (int i = 0; i < organisms.size(); i++) {
            b.organism(new Organism(organisms.get(i), i < taxa.size() ? taxa.get(i) : null));
        }
        if (first(rows, "Study Publication Title") != null) {
            b.publication(new Publication(first(rows, "Study DOI"), first(rows, "Study PubMed ID"),
                    first(rows, "Study PMC ID"), first(rows, "Study Publication Title"), null,
                    first(rows, "Study Author List"), Publication.Relation.PRIMARY));
        }
        if (first(rows, "Study License") != null) {
            b.license(new License(null, first(rows, "Study License URL"), first(rows, "Study License")));
        }
        try {
            String released = first(rows, "Study Public Release Date");
            b.released(released == null ? null : LocalDate.parse(released.strip()));
        } catch (DateTimeParseException e) {
            // a date written otherwise stays out, as a connector that cannot read it leaves it
        }
        return b.build();
    }

    private static String first(Map<String, List<String>> rows, String key) {
        List<String> values = rows.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.get(0);
    }
}
