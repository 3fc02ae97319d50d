package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bioimagecatalog.search.SearchConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Zero-downtime reindex: builds the next index generation ({@code <alias>-v<N+1>}) from {@code datasets.v1}
 * alone and moves the alias to it in one atomic {@code _aliases} call. Search and the live consumer keep using
 * the alias throughout.
 * <ol>
 * <li>create the new index (current mapping and analysis; refresh off while loading);</li>
 * <li>register it as the {@link RebuildTarget}: from now on this replica's live batches go to both indices;</li>
 * <li>replay the topic from offset 0 to the end offsets captured at that moment, then a catch-up pass from
 * there to the new end (covers what other replicas indexed meanwhile, which do not double-write);</li>
 * <li>delete again what the live consumer deleted during the replay (the replay may bring older versions
 * back), refresh, switch the alias (remove old + add new, atomically), stop the double write;</li>
 * <li>one more catch-up pass into the now serving index, and the reuse counts stored since the start are set
 * again (the replay took the counts the search schema had when each document was written).</li>
 * </ol>
 * External versions make every overlap between replay and live writes harmless. The old index is kept (open
 * cursors may still read it; it is the way back) and can be deleted once no longer wanted.
 */
@ApplicationScoped
public class ReindexService {
    private static final Logger LOG = Logger.getLogger(ReindexService.class);

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final AnalyzerDetector detector;
    private final IndexNames names;
    private final RebuildTarget rebuild;
    private final DatasetMessageReader reader;
    private final DatasetBatchWriter writer;
    private final DatasetIndexer indexer;
    private final IndexingRetry retry;
    private final ReuseCountStore reuseCounts;
    private final ReuseCountUpdater reuseUpdater;
    private final SearchConfig config;
    private final DatasetTopicReplay replay;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReindexStatus status = ReindexStatus.IDLE;

    public ReindexService(ElasticsearchGateway es, IndexBootstrap bootstrap, AnalyzerDetector detector,
            IndexNames names, RebuildTarget rebuild, DatasetMessageReader reader, DatasetBatchWriter writer,
            DatasetIndexer indexer, IndexingRetry retry, ReuseCountStore reuseCounts,
            ReuseCountUpdater reuseUpdater, SearchConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.datasets.topic") String topic) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.detector = detector;
        this.names = names;
        this.rebuild = rebuild;
        this.reader = reader;
        this.writer = writer;
        this.indexer = indexer;
        this.retry = retry;
        this.reuseCounts = reuseCounts;
        this.reuseUpdater = reuseUpdater;
        this.config = config;
        this.replay = new DatasetTopicReplay(bootstrapServers, topic, 500);
    }

    public ReindexStatus status() {
        return status;
    }

    /** Starts a reindex in the background; answers its first status. */
    public synchronized ReindexStatus start() {
        if (status.running()) {
            throw new ReindexAlreadyRunningException("a reindex into " + status.to() + " is running");
        }
        String from = bootstrap.ensure().index();
        String to = names.versioned(Math.max(names.generationOf(from), 1) + 1);
        status = new ReindexStatus("running", from, to, Instant.now(), null, 0, null);
        worker.submit(() -> run(from, to));
        return status;
    }

    private void run(String from, String to) {
        Instant started = status.startedAt();
        try {
            long replayed = build(from, to, started);
            status = new ReindexStatus("done", from, to, started, Instant.now(), replayed, null);
            LOG.infof("reindex done: alias %s -> %s (%d messages replayed)", names.alias(), to, replayed);
        } catch (TargetExistsException e) {
            LOG.errorf("reindex not started: %s", e.getMessage());
            status = new ReindexStatus("failed", from, to, started, Instant.now(), 0, e.getMessage());
        } catch (RuntimeException e) {
            rebuild.stop();
            LOG.errorf(e, "reindex into %s failed; the alias still points to %s", to, from);
            status = new ReindexStatus("failed", from, to, started, Instant.now(), status.messagesReplayed(),
                    e.getMessage());
            if (!to.equals(bootstrap.servingIndex().orElse(null))) {
                es.json("DELETE", "/" + to, null);
            }
        }
    }

    private long build(String from, String to, Instant started) {
        create(to);
        rebuild.start(to);
        LOG.infof("reindex started: %s -> %s", from, to);
        IndexTarget target = IndexTarget.concrete(to);
        var first = replay.replay(null, batch -> write(batch, target));
        var catchUp = replay.replay(first.end(), batch -> write(batch, target));
        List<DocumentChange> deletes = rebuild.deletedDuringRebuild().stream().map(DocumentChange::delete).toList();
        if (!deletes.isEmpty()) {
            retry.untilDone("re-deleting in " + to, () -> indexer.write(deletes, target));
        }
        check(es.json("PUT", "/" + to + "/_settings",
                Map.of("index", Map.of("refresh_interval", "1s", "number_of_replicas", config.index().replicas()))),
                "settings of " + to);
        check(es.json("POST", "/" + to + "/_refresh", null), "refresh of " + to);
        switchAlias(from, to);
        rebuild.stop();
        bootstrap.invalidate();
        bootstrap.ensure();
        var last = replay.replay(catchUp.end(), batch -> write(batch, target));
        // summaries stored since the start (the database clock; a margin for transaction start times)
        reuseUpdater.applyAll(reuseCounts.countsChangedSince(started.minus(Duration.ofSeconds(5))));
        return first.messages() + catchUp.messages() + last.messages();
    }

    private void write(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> batch,
            IndexTarget target) {
        // the live consumer dead-letters what cannot be indexed; a replay meets the same records again
        var latest = reader.latestPerKey(batch, RecordRejection.COUNTED_ONLY);
        if (!latest.isEmpty()) {
            retry.untilDone("replaying " + latest.size() + " datasets",
                    () -> writer.apply(latest, target, RecordRejection.COUNTED_ONLY));
        }
        ReindexStatus now = status;
        status = new ReindexStatus(now.state(), now.from(), now.to(), now.startedAt(), null,
                now.messagesReplayed() + batch.size(), null);
    }

    /**
     * Creates the next generation. If it exists already, another replica is building it (or a crash left it):
     * this reindex stops without touching it, and an operator deletes a leftover by hand.
     */
    private void create(String index) {
        ObjectNode body = DatasetIndexMapping.createIndexBody(detector.detect(), config.index().shards(), 0);
        ((ObjectNode) body.path("settings").path("index")).put("refresh_interval", "-1");
        var answer = es.json("PUT", "/" + index, body);
        if ("resource_already_exists_exception".equals(answer.errorType())) {
            throw new TargetExistsException("index " + index + " exists already: another replica is building it,"
                    + " or an interrupted reindex left it (delete it, then reindex again)");
        }
        check(answer, "creating " + index);
    }

    private static final class TargetExistsException extends RuntimeException {
        TargetExistsException(String message) {
            super(message);
        }
    }

    private void switchAlias(String from, String to) {
        var remove = Map.of("remove", Map.of("index", from, "alias", names.alias(), "must_exist", true));
        var add = Map.of("add", Map.of("index", to, "alias", names.alias()));
        check(es.json("POST", "/_aliases", Map.of("actions", List.of(remove, add))),
                "moving alias " + names.alias() + " from " + from + " to " + to);
        LOG.infof("alias %s moved from %s to %s", names.alias(), from, to);
    }

    private static void check(ElasticsearchGateway.EsResponse answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.errorType());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
