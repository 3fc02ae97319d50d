package org.bioimagecatalog.search.index;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;

/**
 * The identifiers a dataset is looked up by, as typed keys in the {@code lookupIds} keyword field:
 * {@code acc:idr0001}, {@code doi:10.17867/10000101} (data and publication DOIs), {@code pmid:…},
 * {@code pmcid:PMC…}, {@code orcid:…}. A query recognised as an identifier is turned into the same keys, so the
 * lookup is one {@code terms} query whatever form (case, {@code doi:}, URL) was typed.
 */
public final class LookupIds {
    public static final String FIELD = "lookupIds";

    private LookupIds() {}

    public static Set<String> of(DatasetMetadata m) {
        Set<String> keys = new LinkedHashSet<>();
        for (Identifier id : m.identifiers()) {
            if (id.value() == null) {
                continue;
            }
            if (Identifier.DOI.equals(id.scheme())) {
                Doi.normalise(id.value()).ifPresent(d -> keys.add(doi(d)));
            } else if (Identifier.URL.equals(id.scheme())) {
                Accession.findAll(id.value()).forEach(a -> keys.add(accession(a.value())));
            } else {
                keys.add(accession(id.value()));
            }
        }
        for (Publication p : m.publications()) {
            if (p.doi() != null) {
                Doi.normalise(p.doi()).ifPresent(d -> keys.add(doi(d)));
            }
            if (p.pmid() != null) {
                keys.add(pmid(p.pmid()));
            }
            if (p.pmcid() != null) {
                keys.add(pmcid(p.pmcid()));
            }
        }
        for (Creator c : m.creators()) {
            if (c.orcid() != null) {
                Orcid.normalise(c.orcid()).ifPresent(o -> keys.add(orcid(o)));
            }
        }
        return keys;
    }

    public static String accession(String value) {
        return "acc:" + value.strip().toLowerCase(Locale.ROOT);
    }

    public static String doi(String normalisedDoi) {
        return "doi:" + normalisedDoi;
    }

    public static String pmid(String pmid) {
        return "pmid:" + pmid.strip();
    }

    public static String pmcid(String pmcid) {
        return "pmcid:" + pmcid.strip().toLowerCase(Locale.ROOT);
    }

    public static String orcid(String orcid) {
        return "orcid:" + orcid.toLowerCase(Locale.ROOT);
    }
}
