package org.bioimagecatalog.catalog.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.bioimagecatalog.model.vocab.Taxon;
import org.bioimagecatalog.model.vocab.TaxonResolver;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The online taxonomy step on the real stack: the CDI bean, its PostgreSQL cache, and a real HTTP server answering
 * with the recorded NCBI E-utilities answers ({@link EutilsServer}). Errors, 429 and slow answers are not recorded
 * anywhere: they are written in the documented shape (E-utilities answers 429 with {@code Retry-After} when the
 * rate is exceeded, 5xx when it is down).
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(EutilsServer.class)
class NcbiTaxonResolverTest {
    private static final String BUSY = "{\"error\":\"API rate limit exceeded\",\"api-key\":\"127.0.0.1\",\"count\":\"4\",\"limit\":\"3\"}";

    @Inject
    @Named("ncbiTaxonResolver")
    TaxonResolver resolver;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void recordingsPresent() {
        EutilsRecordings.folder(); // skips every test of this class without ../shared
    }

    @Test
    void aNameFoundOnceIsFetchedWithItsLineageAndCached() {
        Taxon sunflower = resolver.byName("Helianthus annuus").orElseThrow();
        assertThat(sunflower.id()).isEqualTo("4232");
        assertThat(sunflower.rank()).isEqualTo("species");
        assertThat(sunflower.lineage()).contains(new TermRef("33090", "Viridiplantae"), new TermRef("4231", "Helianthus"));
        long asked = EutilsServer.requestsFor("esearch.fcgi?{db=taxonomy, term=Helianthus annuus}");

        assertThat(resolver.byName("helianthus  ANNUUS")).contains(sunflower);
        assertThat(EutilsServer.requestsFor("esearch.fcgi?{db=taxonomy, term=Helianthus annuus}")).isEqualTo(asked);
        assertThat(EutilsServer.requests()).anyMatch(r -> r.contains("tool=bioimage-catalog") && r.contains("email="));
    }

    @Test
    void aMissIsCachedWithItsTimeAndNotAskedAgainUntilItIsStale() throws Exception {
        String key = "esearch.fcgi?{db=taxonomy, term=aaa}";
        assertThat(resolver.byName("aaa")).isEmpty();
        assertThat(resolver.byName("aaa")).isEmpty();
        assertThat(EutilsServer.requestsFor(key)).isEqualTo(1);

        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE taxon_lookups SET fetched_at = now() - interval '8 days' WHERE kind = 'name' AND lookup_key = 'aaa'")) {
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(resolver.byName("aaa")).isEmpty();
        assertThat(EutilsServer.requestsFor(key)).isEqualTo(2);
    }

    @Test
    void anAmbiguousGenusAnswersNothing() {
        assertThat(resolver.byName("Echinacea")).isEmpty();
        assertThat(EutilsServer.requests()).noneMatch(r -> r.startsWith("efetch.fcgi?{db=taxonomy, id=53747}"));
    }

    @Test
    void aMergedIdAnswersWithTheTaxonItWasMergedInto() {
        Taxon t = resolver.byId("NCBITaxon:668400").orElseThrow();
        assertThat(t.id()).isEqualTo("668482");
        assertThat(t.scientificName()).isEqualTo("Sinularia polydactyla");
        assertThat(resolver.byId("668400")).contains(t);
        assertThat(EutilsServer.requestsFor("efetch.fcgi?{db=taxonomy, id=668400}")).isEqualTo(1);
    }

    @Test
    void theNormaliserUsesTheBeanForWhatTheTableLacks() {
        DatasetMetadata m = DatasetMetadata.builder().title("t")
                .organism(new Organism("Helianthus annuus", null))
                .organism(new Organism("Homo sapiens", null))
                .organism(new Organism("Echinacea", null)).build();
        DatasetMetadata out = new MetadataNormaliser(resolver).normalise(m);
        assertThat(out.organisms()).extracting(Organism::label, Organism::ncbiTaxonId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Helianthus annuus", "4232"),
                org.assertj.core.groups.Tuple.tuple("Homo sapiens", "9606"),
                org.assertj.core.groups.Tuple.tuple("Echinacea", null));
    }

    @Test
    void errorsRateLimitsAndTimeoutsAreUnavailableNotMissesAndOpenTheBreaker() throws Exception {
        // 429 with a short Retry-After: waited for once, then the recorded answer
        String baetis = "esearch.fcgi?{db=taxonomy, term=Baetis rhodani}";
        EutilsServer.script(baetis, new EutilsServer.Scripted(429, Map.of("Retry-After", "1"), BUSY, Duration.ZERO));
        assertThat(resolver.byName("Baetis rhodani")).map(Taxon::id).contains("189839");
        assertThat(EutilsServer.requestsFor(baetis)).isEqualTo(2);

        // 429 asking to come back much later, a 503, a timeout: each is "unavailable", none is cached as a miss
        String baetisGenus = "esearch.fcgi?{db=taxonomy, term=Baetis}";
        EutilsServer.script(baetisGenus,
                new EutilsServer.Scripted(429, Map.of("Retry-After", "120"), BUSY, Duration.ZERO),
                new EutilsServer.Scripted(503, Map.of(), "<html>Service Temporarily Unavailable</html>", Duration.ZERO),
                new EutilsServer.Scripted(200, Map.of(), "<eSearchResult/>", Duration.ofSeconds(12)));
        assertThatThrownBy(() -> resolver.byName("Baetis")).isInstanceOf(TaxonResolver.Unavailable.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("Retry-After 120");
        assertThatThrownBy(() -> resolver.byName("Baetis")).isInstanceOf(TaxonResolver.Unavailable.class)
                .hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> resolver.byName("Baetis")).isInstanceOf(TaxonResolver.Unavailable.class)
                .hasMessageContaining("timed out");
        assertThat(cached("name", "baetis")).isZero();

        // three failures in a row: the breaker answers at once without asking
        long before = EutilsServer.requestsFor(baetisGenus);
        assertThatThrownBy(() -> resolver.byName("Baetis")).isInstanceOf(TaxonResolver.Unavailable.class)
                .hasMessageContaining("breaker open");
        assertThat(EutilsServer.requestsFor(baetisGenus)).isEqualTo(before);

        // the normaliser keeps the value unresolved while NCBI cannot be asked
        DatasetMetadata out = new MetadataNormaliser(resolver).normalise(
                DatasetMetadata.builder().title("t").organism(new Organism("Baetis", null)).build());
        assertThat(out.organisms()).containsExactly(new Organism("Baetis", null));

        // once the breaker's time is up, one request tries again and the recorded answer comes through
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(TaxonResolver.Unavailable.class)
                .until(() -> resolver.byName("Baetis").map(Taxon::id).orElse("").equals("189838"));
        assertThat(cached("name", "baetis")).isEqualTo(1);
    }

    private int cached(String kind, String key) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM taxon_lookups WHERE kind = ? AND lookup_key = ?")) {
            s.setString(1, kind);
            s.setString(2, key);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
