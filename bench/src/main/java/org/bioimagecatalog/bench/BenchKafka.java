package org.bioimagecatalog.bench;

import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer settings every bench publishes with: acknowledged by all replicas, batched as a harvester would. */
final class BenchKafka {
    private BenchKafka() {}

    static Properties producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "10");
        p.put("batch.size", "262144");
        return p;
    }
}
