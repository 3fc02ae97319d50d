package org.bioimagecatalog.catalog.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Taxon;
import org.bioimagecatalog.model.vocab.TaxonResolver;

/**
 * The online step of organism normalisation: NCBI E-utilities behind a PostgreSQL cache. A name answers only when
 * esearch finds exactly one taxon (an ambiguous genus such as "Echinacea", a plant and a sea urchin, answers
 * nothing); an id answers with its efetch record, a merged id with the taxon it was merged into. Misses are cached
 * too. Switched off ({@code bic.taxonomy.online.enabled=false}) it answers nothing and asks nobody.
 */
@ApplicationScoped
@Named("ncbiTaxonResolver")
public class NcbiTaxonResolver implements TaxonResolver {
    private final TaxonomyConfig config;
    private final TaxonLookupCache cache;
    private final EutilsClient eutils;

    NcbiTaxonResolver(TaxonomyConfig config, TaxonLookupCache cache) {
        this.config = config;
        this.cache = cache;
        this.eutils = new EutilsClient(config.online());
    }

    @Override
    public boolean asks() {
        return config.online().enabled();
    }

    @Override
    public Optional<Taxon> byName(String name) {
        if (!config.online().enabled() || name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Optional<TaxonLookupCache.Entry> cached = cache.fresh("name", key);
        if (cached.isPresent()) {
            return cached.get().taxon();
        }
        List<String> ids = eutils.search(name.strip().replaceAll("\\s+", " "));
        Optional<Taxon> answer = ids.size() == 1 ? byId(ids.get(0)) : Optional.empty();
        cache.put("name", key, answer);
        return answer;
    }

    @Override
    public Optional<Taxon> byId(String id) {
        Optional<String> bare = NcbiTaxon.parseId(id);
        if (!config.online().enabled() || bare.isEmpty()) {
            return Optional.empty();
        }
        Optional<TaxonLookupCache.Entry> cached = cache.fresh("id", bare.get());
        if (cached.isPresent()) {
            return cached.get().taxon();
        }
        Optional<Taxon> answer = eutils.fetch(bare.get()).stream()
                .filter(f -> bare.get().equals(f.taxon().id()) || f.akaIds().contains(bare.get()))
                .map(EutilsAnswers.Fetched::taxon)
                .findFirst();
        cache.put("id", bare.get(), answer);
        return answer;
    }
}
