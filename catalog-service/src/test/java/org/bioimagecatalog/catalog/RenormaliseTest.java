package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stored catalog re-normalised without a harvest: records stored under normaliser version N, the vocabulary
 * moves to N+1 (one more label resolves), the admin command re-merges what is stored; only the dataset whose
 * canonical record changed goes to the outbox again.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class RenormaliseTest {
    /** A label no vocabulary resolves: the new "release" below is what maps it. */
    private static final String LABEL = "renormalisation test organism";

    @Inject
    SteerableNormaliser normaliser;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void reset() {
        normaliser.reset();
    }

    @Test
    void aNewerNormaliserRepublishesOnlyTheDatasetsWhoseCanonicalRecordChanges() throws SQLException {
        int stored = normaliser.version();
        String changing = DatasetIds.forSourceKey("renormtest:changing");
        String steady = DatasetIds.forSourceKey("renormtest:steady");
        CatalogTopics.publish(
                HarvestedRecord.of("run-renorm", "renormtest", "changing", "https://example.org/changing",
                        DatasetMetadata.builder().title("Changing").organism(new Organism(LABEL, null)).build()),
                HarvestedRecord.of("run-renorm", "renormtest", "steady", "https://example.org/steady",
                        DatasetMetadata.builder().title("Steady").organism(new Organism("Danio rerio", "7955")).build()));
        DatasetVersions.await(changing, 1);
        DatasetVersions.await(steady, 1);
        assertThat(normaliserVersion(changing)).isEqualTo(stored);
        long mark = lastOutboxId();

        // the vocabulary's next release resolves the label
        normaliser.steer(stored + 1, m -> m.organisms().stream().noneMatch(o -> LABEL.equals(o.label())) ? m
                : m.toBuilder().clearOrganisms().organism(new Organism(LABEL, "32644", "unidentified", "no rank", List.of()))
                        .build());
        given().get("/api/v1/datasets/harmony").then().statusCode(200)
                .body("normaliserVersion", equalTo(stored + 1));
        given().header("X-API-Key", TestApiKeys.admin()).post("/api/v1/datasets/admin/renormalise").then()
                .statusCode(202).body("running", equalTo(true)).body("version", equalTo(stored + 1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/datasets/admin/renormalise")
                        .jsonPath().getBoolean("running"));

        given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/datasets/admin/renormalise").then()
                .body("version", equalTo(stored + 1)).body("pending", equalTo(0))
                .body("republished", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertThat(outboxKeysAfter(mark, changing, steady)).containsExactly(changing);
        assertThat(normaliserVersion(changing)).isEqualTo(stored + 1);
        assertThat(normaliserVersion(steady)).isEqualTo(stored + 1);
        given().get("/api/v1/datasets/{id}", changing).then()
                .body("version", equalTo(2))
                .body("metadata.organisms.label", contains(LABEL)) // the source's own label stays
                .body("metadata.organisms.ncbiTaxonId", contains("32644"))
                .body("metadata.organisms.name", contains("unidentified"));
        given().get("/api/v1/datasets/{id}/history", changing).then()
                .body("versions[0].runId", equalTo("renormalise-v" + (stored + 1)))
                .body("versions[0].changedFields", contains("organisms"));
        given().get("/api/v1/datasets/{id}", steady).then().body("version", equalTo(1));

        // nothing older is left: a second run re-publishes nothing
        long second = lastOutboxId();
        given().header("X-API-Key", TestApiKeys.admin()).post("/api/v1/datasets/admin/renormalise").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/datasets/admin/renormalise")
                        .jsonPath().getBoolean("running"));
        given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/datasets/admin/renormalise").then()
                .body("datasets", equalTo(0)).body("republished", equalTo(0));
        assertThat(outboxKeysAfter(second, changing, steady)).isEmpty();
    }

    @Test
    void theCommandNeedsTheAdminRole() {
        given().post("/api/v1/datasets/admin/renormalise").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("X-API-Key", TestApiKeys.curator()).post("/api/v1/datasets/admin/renormalise").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("X-API-Key", TestApiKeys.curator()).get("/api/v1/datasets/admin/renormalise").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private int normaliserVersion(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select normaliser_version from catalog.dataset where id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getInt(1);
            }
        }
    }

    private long lastOutboxId() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(max(id), 0) from catalog.outbox");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> outboxKeysAfter(long id, String... keys) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select key from catalog.outbox where id > ? and key = any(?) order by id")) {
            s.setLong(1, id);
            s.setArray(2, c.createArrayOf("text", keys));
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            return found;
        }
    }
}
