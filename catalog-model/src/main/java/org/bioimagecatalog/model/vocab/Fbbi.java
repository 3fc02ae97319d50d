package org.bioimagecatalog.model.vocab;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.ImagingMethod;

/**
 * Biological Imaging Methods Ontology (FBbi) look-ups. Accessions appear as {@code FBbi_00000246},
 * {@code Fbbi:00000246}, an obo URL or bare digits; all normalise to {@code FBbi:00000246}.
 */
public final class Fbbi {
    private static final Pattern ID = Pattern.compile(
            "^(?i)(?:https?://purl\\.obolibrary\\.org/obo/)?(?:FBbi[_:])?(\\d{8})$");

    /** Preferred labels of the terms the archives use, and the synonyms people search with. */
    private static final Map<String, String> BY_LABEL = Map.ofEntries(
            Map.entry("macroscopy", "00000240"),
            Map.entry("bright-field microscopy", "00000243"),
            Map.entry("brightfield microscopy", "00000243"),
            Map.entry("differential interference contrast microscopy", "00000245"),
            Map.entry("dic", "00000245"),
            Map.entry("fluorescence microscopy", "00000246"),
            Map.entry("wide-field epi-fluorescence microscopy", "00000246"),
            Map.entry("widefield fluorescence microscopy", "00000246"),
            Map.entry("phase contrast microscopy", "00000247"),
            Map.entry("time lapse microscopy", "00000249"),
            Map.entry("confocal microscopy", "00000251"),
            Map.entry("spinning disk confocal microscopy", "00000253"),
            Map.entry("two-photon laser scanning microscopy", "00000254"),
            Map.entry("multi-photon microscopy", "00000255"),
            Map.entry("electron microscopy", "00000256"),
            Map.entry("transmission electron microscopy", "00000258"),
            Map.entry("tem", "00000258"),
            Map.entry("scanning electron microscopy", "00000257"),
            Map.entry("sem", "00000257"),
            Map.entry("structured illumination microscopy (sim)", "00000332"),
            Map.entry("structured illumination microscopy", "00000332"),
            Map.entry("stochastic optical reconstruction microscopy", "00000336"),
            Map.entry("storm", "00000336"),
            Map.entry("light microscopy", "00000345"),
            Map.entry("light sheet fluorescence microscopy", "00000369"),
            Map.entry("spim", "00000369"),
            Map.entry("flim", "00000368"),
            Map.entry("scanning-transmission electron microscopy", "00000380"),
            Map.entry("array-scan confocal microscopy", "00000393"),
            Map.entry("cryo-electron microscopy", "00000404"),
            Map.entry("cryo-em", "00000404"),
            Map.entry("cryoem", "00000404"),
            Map.entry("cryo-electron tomography", "00000405"),
            Map.entry("cryo-et", "00000405"),
            Map.entry("focused ion beam scanning electron microscopy", "00000585"),
            Map.entry("fib-sem", "00000585"));

    private Fbbi() {}

    public static Optional<String> parseId(String accession) {
        if (accession == null) {
            return Optional.empty();
        }
        var m = ID.matcher(accession.strip());
        return m.matches() ? Optional.of(curie(m.group(1))) : Optional.empty();
    }

    public static Optional<String> idForLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LABEL.get(label.strip().toLowerCase(Locale.ROOT))).map(Fbbi::curie);
    }

    /** Every label and synonym that names the given term, for query-side expansion. */
    public static List<String> labelsFor(String curie) {
        return BY_LABEL.entrySet().stream()
                .filter(e -> curie(e.getValue()).equals(curie))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * An imaging method from a label and an optional accession. An accession from another ontology (CHMO,
     * NCIT, …) is not an FBbi id, so the id then falls back to the label look-up.
     */
    public static ImagingMethod method(String label, String accession) {
        String id = parseId(accession).or(() -> idForLabel(label)).orElse(null);
        return new ImagingMethod(label == null || label.isBlank() ? null : label.strip(), id);
    }

    private static String curie(String digits) {
        return "FBbi:" + digits;
    }
}
