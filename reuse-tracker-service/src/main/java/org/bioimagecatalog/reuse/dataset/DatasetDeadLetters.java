package org.bioimagecatalog.reuse.dataset;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Where a {@code datasets.v1} record the tracker cannot apply goes: {@code datasets.dlq.v1}, with the reason and
 * the start of the value, counted in {@code bic_reuse_dataset_dead_letters_total}. The send is awaited: if even
 * the dead-letter topic refuses it, the failure propagates and the channel stops rather than lose the record.
 */
@ApplicationScoped
public class DatasetDeadLetters {
    static final String CONSUMER = "reuse-tracker-service";
    private static final Logger LOG = Logger.getLogger(DatasetDeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final ReuseConfig config;
    private final MeterRegistry meters;

    public DatasetDeadLetters(@Channel("datasets-dlq") MutinyEmitter<String> emitter, ReuseConfig config,
            MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config;
        this.meters = meters;
        meters.counter("bic.reuse.dataset.dead.letters");
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        DatasetEventRejected rejected = DatasetEventRejected.of(CONSUMER, record.topic(), record.partition(),
                record.offset(), record.key(), reason, record.value());
        emitter.sendMessage(KafkaRecord.of(record.key(), ModelJson.write(rejected)))
                .await().atMost(config.publishTimeout());
        meters.counter("bic.reuse.dataset.dead.letters").increment();
        LOG.warnf("%s/%d@%d key=%s: sent to %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), DatasetEventRejected.TOPIC, reason);
    }
}
