package org.bioimagecatalog.harvester.mapping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;

/**
 * Organisms and imaging methods from the term IRIs and labels the archives write: NCBI taxonomy as an OBO
 * PURL, {@code obo:NCBITaxon_9606}, {@code NCBITaxon:9606}, an NCBI web URL ({@code …/datasets/taxonomy/9606},
 * {@code …/Taxonomy/Browser/wwwtax.cgi?id=9606}) or bare digits; FBbi as an OBO PURL, CURIE or {@code FBbi_…}.
 * Labels are kept as given; a label like {@code Homo sapiens (human)} is looked up without its common name.
 */
public final class OntologyTerms {
    private static final Pattern NCBI_WEB = Pattern.compile(
            "(?i)ncbi\\.nlm\\.nih\\.gov/(?:datasets/taxonomy/|Taxonomy/Browser/wwwtax\\.cgi\\?(?:.*&)?id=)(\\d+)");
    private static final Pattern OBO_TERM = Pattern.compile("(?i)(?:/obo/|^obo:)([A-Za-z]+_\\w+)$");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    private OntologyTerms() {}

    /** The bare NCBI taxon id an IRI, CURIE or number names. */
    public static Optional<String> taxonId(String iriOrId) {
        if (iriOrId == null || iriOrId.isBlank()) {
            return Optional.empty();
        }
        String v = iriOrId.strip();
        Matcher web = NCBI_WEB.matcher(v);
        if (web.find()) {
            return Optional.of(web.group(1));
        }
        return NcbiTaxon.parseId(oboLocalId(v));
    }

    /** The FBbi CURIE an IRI or CURIE names. */
    public static Optional<String> fbbiId(String iriOrId) {
        if (iriOrId == null || iriOrId.isBlank()) {
            return Optional.empty();
        }
        return Fbbi.parseId(oboLocalId(iriOrId.strip()));
    }

    public static Organism organism(String label, String iriOrId) {
        String clean = label == null || label.isBlank() ? null : label.strip();
        String id = taxonId(iriOrId)
                .or(() -> NcbiTaxon.idForName(clean))
                .or(() -> clean == null ? Optional.empty() : NcbiTaxon.idForName(PARENTHETICAL.matcher(clean).replaceFirst("")))
                .orElse(null);
        return clean == null && id == null ? null : new Organism(clean, id);
    }

    public static ImagingMethod imagingMethod(String label, String iriOrId) {
        String clean = label == null || label.isBlank() ? null : label.strip();
        String id = fbbiId(iriOrId).or(() -> Fbbi.idForLabel(clean)).orElse(null);
        return clean == null && id == null ? null : new ImagingMethod(clean, id);
    }

    /** {@code NCBITaxon_9606} from {@code http://purl.obolibrary.org/obo/NCBITaxon_9606} or {@code obo:NCBITaxon_9606}. */
    private static String oboLocalId(String value) {
        Matcher m = OBO_TERM.matcher(value);
        return m.find() ? m.group(1) : value;
    }
}
