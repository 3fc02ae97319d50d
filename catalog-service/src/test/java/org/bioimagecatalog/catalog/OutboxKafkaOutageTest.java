package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.ingest.PollApplier;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox with Kafka really gone: the service runs against a private broker of this test,
 * which is stopped while datasets change and started again afterwards. Every change committed during the
 * outage reaches datasets.v1 once it is back: none lost, none twice, in version order per dataset.
 */
@QuarkusTest
@TestProfile(OutboxKafkaOutageTest.PrivateKafka.class)
class OutboxKafkaOutageTest {
    private static final Pattern FAILURES = Pattern.compile("(?m)^bic_catalog_outbox_failures_total(?:\\{[^}]*\\})? (\\S+)$");

    /** The private broker instead of the shared one; short send timeouts so that failed rounds end quickly. */
    public static class PrivateKafka implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateKafkaTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bic.catalog.outbox.send-timeout", "4s");
        }
    }

    @Inject
    PollApplier upserts;

    @Inject
    EntityManager em;

    PrivateKafkaBroker broker;

    @Test
    void changesCommittedWhileKafkaIsDownArePublishedOnceAndInOrderWhenItIsBack() {
        List<String> nativeIds = List.of("a", "b", "c");
        for (String nativeId : nativeIds) {
            upserts.apply(IdrRecords.record("run-1", "outage", nativeId, title(nativeId, 1)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);

        broker.stop();
        double failuresBefore = outboxFailures();
        for (int version = 2; version <= 4; version++) {
            for (String nativeId : nativeIds) {
                upserts.apply(IdrRecords.record("run-" + version, "outage", nativeId, title(nativeId, version)));
            }
        }
        upserts.apply(IdrRecords.deleted("run-5", "outage", "c")); // withdrawn: a tombstone after its 4 versions
        assertThat(pending()).isEqualTo(3 * 3 + 1);
        // the publisher tried while Kafka was away, and the rows stayed pending
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> outboxFailures() > failuresBefore);
        assertThat(pending()).isEqualTo(10);

        broker.start();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> pending() == 0);

        try (CatalogTopics.Reader reader = new CatalogTopics.Reader(DatasetChanged.TOPIC)) {
            Set<String> eventIds = new HashSet<>();
            for (String nativeId : nativeIds) {
                String id = DatasetIds.forSourceKey("outage:" + nativeId);
                List<ConsumerRecord<String, String>> messages = reader.readToEnd(id);
                List<Integer> versions = new ArrayList<>();
                for (ConsumerRecord<String, String> message : messages) {
                    if (message.value() == null) {
                        versions.add(-1); // tombstone
                        continue;
                    }
                    DatasetChanged event = ModelJson.read(message.value(), DatasetChanged.class);
                    assertThat(eventIds.add(event.eventId())).as("event %s sent once", event.eventId()).isTrue();
                    assertThat(event.metadata().title()).isEqualTo(title(nativeId, event.version()).title());
                    versions.add(event.version());
                }
                assertThat(versions).as("datasets.v1 for %s", id)
                        .containsExactlyElementsOf("c".equals(nativeId) ? List.of(1, 2, 3, 4, -1) : List.of(1, 2, 3, 4));
            }
        }
    }

    private static DatasetMetadata title(String nativeId, int version) {
        return DatasetMetadata.builder().title("Outage dataset " + nativeId + ", version " + version).build();
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox where published_at is null and topic like '%datasets.v1'")
                .getSingleResult()).longValue());
    }

    private static double outboxFailures() {
        Matcher m = FAILURES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
