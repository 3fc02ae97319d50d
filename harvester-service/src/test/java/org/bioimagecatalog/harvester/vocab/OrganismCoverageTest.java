package org.bioimagecatalog.harvester.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.bioimagecatalog.model.vocab.TaxonResolver;
import org.junit.jupiter.api.Test;

/**
 * Every organism value the harvester's mappers read from the recorded fixtures (IDR study files and crates, BIA,
 * EMPIAR, SSBD, CPG, DataCite XML), normalised with the bundled taxon and cell-line tables only (no online
 * resolver, no network): at least 99% of the values that name an organism carry an NCBI taxon id. Two recorded
 * values name no organism at all ("Beads", "simulated data"): they stay unresolved and are counted apart. The residue
 * and the source ids the table lacks (kept as the source gave them) are printed for docs/vocabularies.md.
 */
class OrganismCoverageTest {
    /** Recorded organism values that are not organisms: kept unresolved by the normaliser, not counted as misses. */
    private static final Set<String> NOT_ORGANISMS = Set.of("Beads", "simulated data");
    private final MetadataNormaliser normaliser = new MetadataNormaliser(TaxonResolver.NONE);

    @Test
    void atLeast99PercentOfRecordedOrganismValuesCarryATaxonIdFromTheBundledTables() throws Exception {
        List<DatasetMetadata> records = RecordedArchives.all();
        assertThat(records).as("records read from the fixtures").hasSizeGreaterThan(500);

        int values = 0;
        int resolved = 0;
        int cellLines = 0;
        int notOrganisms = 0;
        Map<String, Integer> residue = new TreeMap<>();
        Map<String, Integer> idsNotInTable = new TreeMap<>();
        for (DatasetMetadata record : records) {
            if (record.organisms().isEmpty() && record.cellLines().isEmpty()) {
                continue;
            }
            DatasetMetadata harmonised = normaliser.normalise(record);
            for (Organism o : harmonised.organisms()) {
                values++;
                if (o.ncbiTaxonId() != null) {
                    resolved++;
                    if (o.name() == null) {
                        idsNotInTable.merge(o.label() + " → " + o.ncbiTaxonId(), 1, Integer::sum);
                    }
                } else if (NOT_ORGANISMS.contains(o.label())) {
                    notOrganisms++;
                } else {
                    residue.merge(o.label(), 1, Integer::sum);
                }
            }
            cellLines += harmonised.cellLines().size();
        }
        int organismValues = values - notOrganisms;
        double share = organismValues == 0 ? 0 : 100.0 * resolved / organismValues;
        System.out.printf("organism values: %d (%d of them name no organism), with a taxon id: %d: %.2f%% of all values, "
                + "%.2f%% of the values naming an organism; cell lines split out: %d%n",
                values, notOrganisms, resolved, 100.0 * resolved / values, share, cellLines);
        residue.forEach((label, n) -> System.out.printf("  unresolved: %s (%d)%n", label, n));
        NOT_ORGANISMS.forEach(label -> System.out.printf("  not an organism, unresolved: %s%n", label));
        idsNotInTable.forEach((v, n) -> System.out.printf("  source id the bundled table lacks, kept: %s (%d)%n", v, n));
        assertThat(values).as("organism values in the fixtures").isGreaterThan(400);
        assertThat(share).as("share of organism values with a taxon id; residue " + residue).isGreaterThanOrEqualTo(99.0);
    }
}
