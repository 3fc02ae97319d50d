package org.bioimagecatalog.catalog.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.junit.jupiter.api.Test;

/** Switched off, the resolver answers nothing and touches neither the network nor its cache. */
class NcbiTaxonResolverDisabledTest {

    @Test
    void offItAsksNobody() {
        TaxonomyConfig.Online online = proxy(TaxonomyConfig.Online.class, Map.ofEntries(
                Map.entry("enabled", false), Map.entry("baseUrl", "http://127.0.0.1:9/"), Map.entry("tool", "t"),
                Map.entry("email", "e"), Map.entry("apiKey", Optional.empty()), Map.entry("requestsPerSecond", 3),
                Map.entry("connectTimeout", Duration.ofSeconds(1)), Map.entry("requestTimeout", Duration.ofSeconds(1)),
                Map.entry("maxRetryAfter", Duration.ofSeconds(1)), Map.entry("breakerFailures", 5),
                Map.entry("breakerOpenFor", Duration.ofSeconds(1))));
        TaxonomyConfig config = proxy(TaxonomyConfig.class, Map.of("online", online));
        // a null cache: any use of it would fail the test
        NcbiTaxonResolver resolver = new NcbiTaxonResolver(config, null);
        assertThat(resolver.byName("Homo sapiens")).isEmpty();
        assertThat(resolver.byId("9606")).isEmpty();
        assertThat(resolver.asks()).isFalse();
        // so the normaliser keeps a source's id outside the bundled table (SSBD's fish writes "T. japonicus" with
        // its NCBI id) instead of reading the empty answer as "NCBI has no such taxon"
        Organism kept = new MetadataNormaliser(resolver).normalise(DatasetMetadata.builder().title("fish vertebrae")
                .organism(new Organism("T. japonicus", "NCBITaxon:29144")).build()).organisms().get(0);
        assertThat(kept.ncbiTaxonId()).isEqualTo("29144");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new IllegalStateException("unexpected config read: " + method.getName());
            }
            return values.get(method.getName());
        });
    }
}
