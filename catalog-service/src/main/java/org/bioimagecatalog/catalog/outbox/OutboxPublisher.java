package org.bioimagecatalog.catalog.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka in id order and marks them published once Kafka acknowledged them.
 *
 * <p>Runs every {@code bic.catalog.outbox.interval} and right after a transaction wrote rows. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without sending a row twice, and a
 * round takes only the oldest pending row of each key, so that no replica can overtake another on one key:
 * the order per key (hence per partition of a compacted topic) is the commit order. When Kafka is away the
 * rows stay pending and the next round retries them. A row Kafka refuses for good (over the message size limit,
 * say) moves to {@code outbox_dead_letter} with the reason, counted in
 * {@code bic_catalog_outbox_dead_letters_total}, so that the key's next row goes out.
 */
@ApplicationScoped
public class OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final int MAX_ROUNDS_PER_PASS = 50;
    /** How much of a dead-lettered row's payload is kept (as for every dead-letter entry in the project). */
    static final int DEAD_LETTER_EXCERPT_CHARS = 2000;

    private static final String DEAD_LETTER_SQL = """
            INSERT INTO outbox_dead_letter (id, topic, key, payload_excerpt, payload_chars, reason, trace_context,
                                            created_at)
            SELECT id, topic, key, left(payload, :chars), length(payload), :reason, trace_context, created_at
              FROM outbox WHERE id = :id
            ON CONFLICT (id) DO NOTHING""";

    /** The oldest pending row of each (topic, key) that no other replica holds. */
    private static final String CLAIM_SQL = """
            SELECT o.* FROM outbox o
             WHERE o.published_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox e
                                WHERE e.published_at IS NULL AND e.topic = o.topic AND e.key = o.key AND e.id < o.id)
             ORDER BY o.id
             LIMIT :limit
             FOR UPDATE OF o SKIP LOCKED""";

    private final CatalogConfig config;
    private final EntityManager em;
    private final Producer<String, String> producer;
    private final OutboxSender sender;
    private final Counter published;
    private final Counter failures;
    private final Counter deadLetters;
    private final ExecutorService wakeUps;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rerun = new AtomicBoolean();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile Long lastFailedRow;

    @Inject
    public OutboxPublisher(CatalogConfig config, Topics topics, EntityManager em, MeterRegistry registry,
            MessagingTracing tracing, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.em = em;
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, config.outbox().sendTimeout()));
        this.sender = new OutboxSender(producer, topics::physical, config.outbox().sendTimeout(), tracing);
        this.published = Counter.builder("bic.catalog.outbox.published")
                .description("Outbox rows sent to Kafka and acknowledged").register(registry);
        this.failures = Counter.builder("bic.catalog.outbox.failures")
                .description("Outbox rows whose send failed and will be retried").register(registry);
        this.deadLetters = Counter.builder("bic.catalog.outbox.dead.letters")
                .description("Outbox rows Kafka refused for good, moved to outbox_dead_letter").register(registry);
        this.wakeUps = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outbox-wake-up");
            t.setDaemon(true);
            return t;
        });
    }

    static Properties producerProperties(String bootstrapServers, Duration sendTimeout) {
        long timeoutMs = sendTimeout.toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "catalog-service-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // bounded waits, so that a round with Kafka away ends (rows stay pending) instead of hanging
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs / 2, 5_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    @Scheduled(every = "${bic.catalog.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        publishPending();
    }

    /** Wakes the publisher once the transaction that wrote a row committed, instead of waiting for a tick. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (wakeUpQueued.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpQueued.set(false);
                publishPending();
            });
        }
    }

    /** Publishes until nothing is pending or Kafka fails; one pass at a time in this JVM. */
    public void publishPending() {
        if (!running.compareAndSet(false, true)) {
            rerun.set(true);
            return;
        }
        try {
            do {
                rerun.set(false);
                drain();
            } while (rerun.get() && lastFailedRow == null);
        } finally {
            running.set(false);
        }
    }

    private void drain() {
        for (int round = 0; round < MAX_ROUNDS_PER_PASS; round++) {
            RoundResult result = QuarkusTransaction.requiringNew().call(this::publishRound);
            // stop when nothing is left, Kafka is away, or only refused rows remain (no point resending them now);
            // a dead-lettered row is progress: its key's next row is claimable in the next round
            if (result.acked() + result.deadLettered() == 0 || result.kafkaAway()) {
                return;
            }
        }
    }

    private RoundResult publishRound() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(CLAIM_SQL, OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return new RoundResult(0, 0, false);
        }
        OutboxSender.Result result = sender.send(rows);
        // a round holds at most one row per key, so marking the acked rows of a partly failed round cannot
        // put a key's messages out of order
        if (!result.acked().isEmpty()) {
            em.createNativeQuery("UPDATE outbox SET published_at = now() WHERE id IN (:ids)")
                    .setParameter("ids", result.acked())
                    .executeUpdate();
            published.increment(result.acked().size());
        }
        int deadLettered = 0;
        for (OutboxSender.Failure failure : result.failures()) {
            if (failure.refusedForGood()) {
                deadLetter(failure);
                deadLettered++;
            } else {
                noteFailure(failure);
            }
        }
        if (result.failures().size() == deadLettered && lastFailedRow != null) {
            lastFailedRow = null;
            LOG.info("outbox: publishing again after failures");
        }
        LOG.debugf("outbox: published %d of %d claimed rows", result.acked().size(), rows.size());
        return new RoundResult(result.acked().size(), deadLettered, result.kafkaAway());
    }

    /** In the round's transaction, which holds the row's lock: the row moves, its key's next row is free to go. */
    private void deadLetter(OutboxSender.Failure failure) {
        OutboxEvent row = failure.row();
        String reason = String.valueOf(failure.cause());
        em.createNativeQuery(DEAD_LETTER_SQL)
                .setParameter("chars", DEAD_LETTER_EXCERPT_CHARS)
                .setParameter("reason", reason.length() > DEAD_LETTER_EXCERPT_CHARS
                        ? reason.substring(0, DEAD_LETTER_EXCERPT_CHARS) : reason)
                .setParameter("id", row.id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM outbox WHERE id = :id").setParameter("id", row.id).executeUpdate();
        deadLetters.increment();
        LOG.errorf("outbox: row %d (topic %s, key %s) refused by Kafka for good, moved to outbox_dead_letter: %s",
                row.id, row.topic, row.messageKey, reason);
    }

    /** Logs a failing row once (not every retry), so an outage or a refused row gives one line. */
    private void noteFailure(OutboxSender.Failure failure) {
        failures.increment();
        if (!failure.row().id.equals(lastFailedRow)) {
            lastFailedRow = failure.row().id;
            LOG.warnf("outbox: row %d (topic %s, key %s) not published, will retry: %s", failure.row().id,
                    failure.row().topic, failure.row().messageKey, String.valueOf(failure.cause()));
        }
    }

    @PreDestroy
    void close() {
        wakeUps.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    private record RoundResult(int acked, int deadLettered, boolean kafkaAway) {}
}
