package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.catalog.outbox.OutboxEvent;
import org.bioimagecatalog.catalog.outbox.OutboxPublisher;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * An outbox row Kafka refuses for good, injected as a dataset version over the message size limit (the real
 * producer and broker refuse it; a merge of many large records can produce one): it moves to
 * outbox_dead_letter with the reason and a bounded part of its payload, and the dataset's next version still
 * reaches datasets.v1 (the real PostgreSQL and Kafka of the shared stack).
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class OutboxDeadLetterTest {
    private static final String KEY = "bic-deadl3tter01";

    @Inject
    OutboxPublisher publisher;

    @Inject
    EntityManager em;

    @Test
    void aRowKafkaRefusesForGoodIsDeadLetteredAndTheNextVersionStillGoesOut() {
        String tooLarge = "{\"datasetId\":\"" + KEY + "\",\"version\":1,\"description\":\"" + "x".repeat(1_200_000)
                + "\"}";
        String next = "{\"datasetId\":\"" + KEY + "\",\"version\":2}";
        Long refusedId = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent refused = OutboxEvent.of(DatasetChanged.TOPIC, KEY, tooLarge);
            refused.persist();
            OutboxEvent.of(DatasetChanged.TOPIC, KEY, next).persist();
            return refused.id;
        });

        try (CatalogTopics.Reader datasets = new CatalogTopics.Reader(DatasetChanged.TOPIC)) {
            publisher.publishPending();
            List<ConsumerRecord<String, String>> published = datasets.awaitKey(KEY, r -> !r.isEmpty());
            assertThat(published).extracting(ConsumerRecord::value).containsExactly(next);
        }

        Object[] deadLetter = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT topic, key, reason, length(payload_excerpt), payload_chars FROM outbox_dead_letter WHERE id = :id")
                .setParameter("id", refusedId).getSingleResult());
        assertThat(deadLetter[0]).isEqualTo(DatasetChanged.TOPIC);
        assertThat(deadLetter[1]).isEqualTo(KEY);
        assertThat((String) deadLetter[2]).contains("RecordTooLargeException");
        assertThat(((Number) deadLetter[3]).intValue()).isEqualTo(2000);
        assertThat(((Number) deadLetter[4]).intValue()).isEqualTo(tooLarge.length());
        long stillPending = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey = ?1 and publishedAt is null", KEY));
        assertThat(stillPending).isZero();
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*bic_catalog_outbox_dead_letters_total(\\{[^}]*})? [1-9].*"));
    }
}
