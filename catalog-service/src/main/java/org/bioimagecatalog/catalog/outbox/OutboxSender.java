package org.bioimagecatalog.catalog.outbox;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.RetriableException;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.bioimagecatalog.tracing.TraceAttributes;

/**
 * Sends one claimed batch of outbox rows and reports which ones Kafka acknowledged. It tells apart Kafka
 * being away (a retriable error: stop the batch, everything stays pending) from a row Kafka refuses (only that
 * row fails; a batch holds one row per key, so it delays only its own key). A refusal of the record itself
 * (too large, unserialisable) is for good: {@link Failure#refusedForGood()}, and the publisher dead-letters it.
 * Each message is sent in the trace context its row kept, in a {@code send <topic>} span whose context goes
 * into the record's headers.
 */
final class OutboxSender {

    /** A row that was not acknowledged, and why. */
    record Failure(OutboxEvent row, Throwable cause) {
        /**
         * Kafka refused the record itself, so sending it again cannot succeed. Refusals of the topic or of this
         * client (authorisation, unknown topic) are not: they are fixed by configuration and then sent as is.
         */
        boolean refusedForGood() {
            return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException;
        }
    }

    record Result(List<Long> acked, List<Failure> failures, boolean kafkaAway) {}

    static final AttributeKey<Long> OUTBOX_ID = AttributeKey.longKey("bic.outbox.id");

    private final Producer<String, String> producer;
    private final UnaryOperator<String> physicalTopic;
    private final Duration timeout;
    private final MessagingTracing tracing;

    OutboxSender(Producer<String, String> producer, UnaryOperator<String> physicalTopic, Duration timeout) {
        this(producer, physicalTopic, timeout, MessagingTracing.noop());
    }

    OutboxSender(Producer<String, String> producer, UnaryOperator<String> physicalTopic, Duration timeout,
            MessagingTracing tracing) {
        this.producer = producer;
        this.physicalTopic = physicalTopic;
        this.timeout = timeout;
        this.tracing = tracing;
    }

    Result send(List<OutboxEvent> rows) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        boolean kafkaAway = false;
        for (OutboxEvent row : rows) {
            Future<RecordMetadata> send = sendOne(row);
            sends.add(send);
            if (send.isDone() && failedRetriably(send)) {
                // the metadata wait already timed out: sending the rest would wait as long again per row
                kafkaAway = true;
                break;
            }
        }
        List<Long> acked = new ArrayList<>(sends.size());
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(rows.get(i).id);
            } catch (ExecutionException e) {
                failures.add(new Failure(rows.get(i), e.getCause()));
                kafkaAway |= e.getCause() instanceof RetriableException;
            } catch (java.util.concurrent.TimeoutException e) {
                failures.add(new Failure(rows.get(i), e));
                kafkaAway = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new Failure(rows.get(i), e));
                return new Result(acked, failures, true);
            }
        }
        return new Result(acked, failures, kafkaAway);
    }

    private Future<RecordMetadata> sendOne(OutboxEvent row) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(physicalTopic.apply(row.topic), row.messageKey,
                    row.payload);
            return producer.send(tracing.send(record, tracing.restore(row.traceContextFields()), attributes(row)));
        } catch (KafkaException e) { // thrown rather than returned, e.g. the producer is closing
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Attributes attributes(OutboxEvent row) {
        AttributesBuilder attributes = Attributes.builder();
        if (row.id != null) {
            attributes.put(OUTBOX_ID, row.id);
        }
        if (DatasetChanged.TOPIC.equals(row.topic) && row.messageKey != null) {
            attributes.put(TraceAttributes.DATASET_ID, row.messageKey);
        }
        return attributes.build();
    }

    private static boolean failedRetriably(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RetriableException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
