package org.bioimagecatalog.harvester.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.bioimagecatalog.model.vocab.TaxonResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every recorded archive record ({@link RecordedArchives}: IDR study files and crates, BIA studies and crates,
 * EMPIAR entries and crates, SSBD crates, the Cell Painting Gallery, DataCite XML) through its real connector
 * and the catalog's normaliser: how many imaging-method, format and licence values carry an id, and which labels
 * remain. The residue is printed so that docs/vocabularies.md can list it and a steward knows what to map next.
 */
class ImagingTermCoverageTest {
    private static final List<DatasetMetadata> NORMALISED = new ArrayList<>();

    @BeforeAll
    static void harvestEveryRecordedSource() throws Exception {
        MetadataNormaliser normaliser = new MetadataNormaliser(TaxonResolver.NONE);
        RecordedArchives.all().forEach(m -> NORMALISED.add(normaliser.normalise(m)));
    }

    @Test
    void atLeast99PercentOfImagingMethodValuesCarryAnFbbiIdAndNoneIsOfAnotherBranch() {
        List<ImagingMethod> methods = NORMALISED.stream().flatMap(m -> m.imagingMethods().stream()).toList();
        long withId = methods.stream().filter(m -> m.fbbiId() != null).count();
        Map<String, Long> residue = count(methods.stream().filter(m -> m.fbbiId() == null), ImagingMethod::label);
        System.out.printf("imaging methods: %d datasets, %d values, %d with an FBbi id (%.2f %%); unresolved: %s%n",
                NORMALISED.size(), methods.size(), withId, 100.0 * withId / methods.size(), residue);

        assertThat(NORMALISED).hasSizeGreaterThan(600);
        assertThat(withId).isGreaterThanOrEqualTo((long) Math.ceil(methods.size() * 0.99));
        assertThat(methods).filteredOn(m -> m.fbbiId() != null && Fbbi.branch(m.fbbiId()).isPresent())
                .allSatisfy(m -> assertThat(Fbbi.isImagingMethod(m.fbbiId())).as(m.toString()).isTrue());
        assertThat(methods).filteredOn(m -> m.fbbiId() != null && Fbbi.isKnown(m.fbbiId()))
                .allSatisfy(m -> assertThat(m.name()).isNotNull());
    }

    @Test
    void termsOfOtherBranchesAreKeptInTheirOwnFields() {
        assertThat(NORMALISED.stream().flatMap(m -> m.samplePreparation().stream()))
                .anySatisfy(t -> assertThat(t.id()).isEqualTo("FBbi:00000002"));
        assertThat(NORMALISED.stream().flatMap(m -> m.visualizationMethods().stream()))
                .anySatisfy(t -> assertThat(t.id()).isEqualTo("FBbi:00000138"));
        // "recorded image" by name remains only where the dataset names no specific method (143 SSBD crates)
        long recordedImageAlone = NORMALISED.stream().filter(m -> m.imagingMethods().stream()
                .anyMatch(i -> "recorded image".equals(i.label()))).count();
        assertThat(NORMALISED).allSatisfy(m -> {
            if (m.imagingMethods().stream().anyMatch(i -> "recorded image".equals(i.label()))) {
                assertThat(m.imagingMethods()).as(m.title()).hasSize(1);
            }
        });
        System.out.printf("datasets whose only method is 'recorded image': %d%n", recordedImageAlone);
    }

    @Test
    void formatSpellingsShareOneIdAndTheRestIsPrinted() {
        List<FileFormat> formats = NORMALISED.stream().flatMap(m -> m.formats().stream()).toList();
        long withId = formats.stream().filter(f -> f.id() != null).count();
        System.out.printf("formats: %d values, %d with an id; by id: %s; unresolved: %s%n", formats.size(), withId,
                count(formats.stream().filter(f -> f.id() != null), FileFormat::id),
                count(formats.stream().filter(f -> f.id() == null), FileFormat::label));
        assertThat(formats).filteredOn(f -> List.of("tiff", "tif").contains(f.label().toLowerCase()))
                .isNotEmpty().allSatisfy(f -> assertThat(f.id()).isEqualTo("format_3591"));
    }

    @Test
    void licencesCarryAnSpdxIdWhereTheSourceNamesOne() {
        List<License> licences = NORMALISED.stream().map(DatasetMetadata::license)
                .filter(Objects::nonNull).toList();
        long withId = licences.stream().filter(l -> l.spdx() != null).count();
        System.out.printf("licences: %d values, %d with an SPDX id; by id: %s; unresolved: %s%n", licences.size(), withId,
                count(licences.stream().filter(l -> l.spdx() != null), License::spdx),
                count(licences.stream().filter(l -> l.spdx() == null), l -> l.label() + " <" + l.url() + ">"));
        assertThat(withId).isGreaterThanOrEqualTo((long) Math.ceil(licences.size() * 0.95));
    }

    private static <T> Map<String, Long> count(Stream<T> values, Function<T, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(String.valueOf(key.apply(v)), 1L, Long::sum));
        return counts;
    }
}
