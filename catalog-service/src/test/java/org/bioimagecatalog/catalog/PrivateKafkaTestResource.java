package org.bioimagecatalog.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;

/**
 * The shared stack's PostgreSQL (a database of this JVM) with a {@link PrivateKafkaBroker} instead of the shared
 * Kafka, for tests that stop Kafka. The test gets the broker injected into a field of type
 * {@link PrivateKafkaBroker}.
 */
public class PrivateKafkaTestResource extends StackTestResource {
    private PrivateKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String prefix = config.get("bic.kafka.topic-prefix");
        broker = PrivateKafkaBroker.startNew(List.of(prefix + HarvestedRecord.TOPIC, prefix + HarvestRejected.TOPIC,
                prefix + DatasetChanged.TOPIC));
        config.put("kafka.bootstrap.servers", broker.bootstrap());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker, new TestInjector.MatchesType(PrivateKafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        super.stop();
    }
}
