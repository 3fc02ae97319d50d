package org.bioimagecatalog.search.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Where a {@code datasets.v1} record the live consumer cannot index goes: {@code datasets.dlq.v1}, with the reason
 * and the start of the value (bounded by {@link DatasetEventRejected}), counted in
 * {@code bic_search_dead_letters_total}. The send is awaited: if even the dead-letter topic refuses it, the
 * failure propagates and the channel stops rather than lose the record. Documents Elasticsearch refuses are
 * recorded in {@link RejectedDocumentStore} instead, until a later version is accepted.
 */
@ApplicationScoped
public class DatasetDeadLetters implements RecordRejection {
    static final String CONSUMER = "search-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(DatasetDeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry meters;

    public DatasetDeadLetters(@Channel("datasets-dlq") MutinyEmitter<String> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.meters = meters;
        meters.counter("bic.search.dead.letters");
    }

    @Override
    public void reject(ConsumerRecord<String, String> record, String reason) {
        DatasetEventRejected rejected = DatasetEventRejected.of(CONSUMER, record.topic(), record.partition(),
                record.offset(), record.key(), reason, record.value());
        emitter.sendMessage(KafkaRecord.of(record.key(), ModelJson.write(rejected))).await().atMost(SEND_TIMEOUT);
        meters.counter("bic.search.dead.letters").increment();
        LOG.warnf("%s-%d@%d key=%s: sent to %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), DatasetEventRejected.TOPIC, reason);
    }
}
