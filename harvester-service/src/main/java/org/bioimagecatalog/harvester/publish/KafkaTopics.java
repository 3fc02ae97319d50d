package org.bioimagecatalog.harvester.publish;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Topic names: {@code ${bic.kafka.topic-prefix:}<topic>}, so tests and environments can share a broker. */
@ConfigMapping(prefix = "bic.kafka")
public interface KafkaTopics {

    Optional<String> topicPrefix();

    default String name(String topic) {
        return topicPrefix().orElse("") + topic;
    }
}
