package org.bioimagecatalog.bench;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.bioimagecatalog.testsupport.LocalStack;

/** The stack's Kafka as the bench tests see it: a topic prefix of their own per test, and what topics exist. */
final class BenchTopics {
    private BenchTopics() {}

    /** A fresh prefix, lower-case letters and digits as bin/bench namespaces are, ending with a dot. */
    static String prefix() {
        return "benchtest" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + ".";
    }

    /**
     * The topics that start with {@code prefix}, once none is left or after 30 s: the broker removes deleted topics
     * asynchronously, so a listing right after a deletion may still show them.
     */
    static Set<String> leftAfterDeletion(String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<String> left;
        do {
            left = existing().stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
            if (!left.isEmpty()) {
                Thread.sleep(200); // polling the listing, bounded by the deadline
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }

    static Set<String> existing() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalStack.kafkaBootstrap()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
