package org.bioimagecatalog.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the benches share with Kafka: the producer settings, and a namespace's topics made and removed. */
final class BenchKafka {
    private BenchKafka() {}

    /** Acknowledged by all replicas, batched as a harvester would. */
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

    /** Creates the topics that do not exist yet. */
    static void createMissing(Admin admin, Collection<NewTopic> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> todo = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
        if (!todo.isEmpty()) admin.createTopics(todo).all().get();
        System.out.println("bench: topics ready: " + wanted.stream().map(NewTopic::name).toList());
    }

    /** Deletes the topics that exist, and the consumer groups, whose offsets must not tell a next run where to start. */
    static void deleteWithGroups(Admin admin, Collection<String> topics, Collection<String> groups) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<String> todo = topics.stream().filter(existing::contains).toList();
        if (!todo.isEmpty()) admin.deleteTopics(todo).all().get();
        System.out.println("bench: topics deleted: " + todo);
        List<String> deleted = new ArrayList<>();
        for (String g : groups) {
            try {
                admin.deleteConsumerGroups(List.of(g)).all().get();
                deleted.add(g);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) throw e;
            }
        }
        System.out.println("bench: consumer groups deleted: " + deleted);
    }
}
