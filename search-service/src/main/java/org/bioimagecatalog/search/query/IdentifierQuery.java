package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.search.index.LookupIds;

/**
 * A query that is one identifier, typed alone or as a URL: an archive accession ({@link Accession}), a data or
 * publication DOI ({@code doi:}, {@code https://doi.org/…}), a PMID ({@code PMID 123}, a PubMed URL), a PMCID, an
 * ORCID (bare or {@code orcid.org/…}); case and a trailing dot do not matter. It becomes a {@code terms} query on
 * {@link LookupIds#FIELD}. A <em>definite</em> identifier (everything but a bare number) is looked up alone; a
 * bare number may be a PMID or a word ("1008 cells" is text), so it only adds the lookup to the text query.
 */
public record IdentifierQuery(Set<String> keys, boolean definite) {
    private static final Pattern PUBMED_URL = Pattern.compile(
            "^(?i)(?:https?://)?(?:www\\.)?(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)(\\d+)/?$");
    private static final Pattern PMC_URL = Pattern.compile("(?i)\\b(PMC\\d+)\\b");
    private static final Pattern PMID_PREFIXED = Pattern.compile("^(?i)pmid:?\\s*\\d+$");
    private static final Pattern PMCID = Pattern.compile("^(?i)(?:pmcid:?\\s*)?PMC\\d+$");
    private static final Pattern DOI_PREFIXED = Pattern.compile("^(?i)doi:\\s*\\S+$");
    private static final Pattern DIGITS = Pattern.compile("^\\d{1,9}$");
    private static final Pattern URL = Pattern.compile("^(?i)(?:https?://|www\\.)\\S+$|^(?i)[a-z0-9.-]+\\.(?:org|uk|jp|edu|com)/\\S*$");
    /** The lookup outweighs any text score, so the identified dataset comes first. */
    static final int BOOST = 50;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static Optional<IdentifierQuery> recognise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip().replaceAll("[.,;]+$", "");
        if (text.isEmpty() || text.indexOf(' ') >= 0 && !PMID_PREFIXED.matcher(text).matches()
                && !PMCID.matcher(text).matches() && !DOI_PREFIXED.matcher(text).matches()) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        Doi.normalise(text).ifPresent(d -> keys.add(LookupIds.doi(d)));
        Orcid.normalise(text).ifPresent(o -> keys.add(LookupIds.orcid(o)));
        if (PMID_PREFIXED.matcher(text).matches()) {
            PubMedIds.pmid(text).ifPresent(p -> keys.add(LookupIds.pmid(p)));
        }
        Matcher pubmed = PUBMED_URL.matcher(text);
        if (pubmed.matches()) {
            PubMedIds.pmid(pubmed.group(1)).ifPresent(p -> keys.add(LookupIds.pmid(p)));
        }
        if (PMCID.matcher(text).matches()) {
            PubMedIds.pmcid(text.replaceFirst("(?i)^pmcid:?\\s*", "")).ifPresent(p -> keys.add(LookupIds.pmcid(p)));
        }
        boolean url = URL.matcher(text).matches();
        if (url && keys.isEmpty()) {
            Matcher pmc = PMC_URL.matcher(text);
            if (pmc.find()) {
                PubMedIds.pmcid(pmc.group(1)).ifPresent(p -> keys.add(LookupIds.pmcid(p)));
            }
        }
        List<Accession> accessions = url ? Accession.findAll(text) : Accession.parse(text).map(List::of).orElse(List.of());
        accessions.forEach(a -> keys.add(LookupIds.accession(a.value())));
        if (!keys.isEmpty()) {
            return Optional.of(new IdentifierQuery(keys, true));
        }
        if (DIGITS.matcher(text).matches()) {
            return PubMedIds.pmid(text).map(p -> new IdentifierQuery(Set.of(LookupIds.pmid(p)), false));
        }
        return Optional.empty();
    }

    ObjectNode lookup() {
        ObjectNode query = JSON.objectNode();
        ObjectNode terms = query.putObject("terms");
        ArrayNode values = terms.putArray(LookupIds.FIELD);
        keys.forEach(values::add);
        terms.put("boost", BOOST);
        return query;
    }
}
