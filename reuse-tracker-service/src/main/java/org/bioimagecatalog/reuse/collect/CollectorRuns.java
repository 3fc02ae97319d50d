package org.bioimagecatalog.reuse.collect;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bioimagecatalog.http.EngineUnavailable;
import org.bioimagecatalog.http.client.CircuitBreaker;
import org.bioimagecatalog.http.client.RunCircuit;
import org.bioimagecatalog.reuse.citation.CitationLinker;
import org.bioimagecatalog.reuse.summary.ReuseSummaryPublisher;
import org.jboss.logging.Logger;

/**
 * Runs one collector: takes its lease (so one replica at a time runs it), starts it from its checkpoint with its
 * circuit breaker bound to the run's thread ({@link RunCircuit}, reported to by {@link CollectorHttp}), stores the
 * new checkpoint only when the run completed, and records how the run went.
 */
@ApplicationScoped
public class CollectorRuns {
    private static final Logger LOG = Logger.getLogger(CollectorRuns.class);

    private final Map<String, Collector> collectors = new TreeMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final CitationLinker linker;
    private final ReuseSummaryPublisher summaries;
    private final CollectorConfig config;
    private final String owner = "reuse-tracker-" + UUID.randomUUID();

    public CollectorRuns(Instance<Collector> all, CitationLinker linker, ReuseSummaryPublisher summaries,
            CollectorConfig config) {
        all.forEach(c -> collectors.put(c.name(), c));
        this.linker = linker;
        this.summaries = summaries;
        this.config = config;
    }

    public Set<String> names() {
        return collectors.keySet();
    }

    /** Every collector with its checkpoint and how its last run went. */
    public java.util.List<CollectorState> states() {
        return QuarkusTransaction.requiringNew().call(() -> names().stream().map(name -> {
            CollectorCheckpoint row = CollectorCheckpoint.findById(name);
            return row == null ? new CollectorState(name, null, null, null, null, null, 0, 0)
                    : new CollectorState(name, row.position, row.lastStartedAt, row.lastFinishedAt, row.lastOutcome,
                            row.lastError, row.linksRecorded, row.evidenceAdded);
        }).toList());
    }

    public CollectionRun run(String name) {
        Collector collector = collectors.get(name);
        if (collector == null) {
            throw new UnknownCollectorException(name, names());
        }
        Instant started = Instant.now();
        String checkpoint = QuarkusTransaction.requiringNew().call(() -> acquire(name, started));
        LinkWritingSink sink = new LinkWritingSink(collector, linker, summaries);
        try (RunCircuit.Binding circuit = RunCircuit.bind(breakerOf(name))) {
            String next = collector.collect(checkpoint, sink);
            CollectionRun run = report(name, "completed", started, checkpoint, next, sink, null);
            QuarkusTransaction.requiringNew().run(() -> finish(run, next));
            LOG.infof("collector %s completed: %d records read, %d matched, %d links created, %d evidence added; "
                    + "checkpoint %s -> %s", name, run.recordsSeen(), run.candidatesMatched(), run.linksCreated(),
                    run.evidenceAdded(), checkpoint, next);
            return run;
        } catch (RuntimeException e) {
            String error = e instanceof CollectorException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            CollectionRun run = report(name, "failed", started, checkpoint, checkpoint, sink, error);
            QuarkusTransaction.requiringNew().run(() -> finish(run, checkpoint));
            LOG.warnf(e instanceof CollectorException ? null : e, "collector %s failed after %d records (checkpoint "
                    + "stays %s): %s", name, run.recordsSeen(), checkpoint, error);
            if (EngineUnavailable.isDatabase(e)) {
                throw e; // our database, not the collector's upstream: a 503 with Retry-After rather than a 502
            }
            throw new CollectorFailedException(run);
        }
    }

    private CircuitBreaker breakerOf(String collector) {
        return breakers.computeIfAbsent(collector, name -> new CircuitBreaker("collector " + name,
                config.http().breakerFailures(), config.http().breakerOpenFor()));
    }

    /** Takes the lease if it is free or expired; returns the stored checkpoint. */
    private String acquire(String name, Instant now) {
        if (CollectorCheckpoint.findById(name) == null) {
            CollectorCheckpoint row = new CollectorCheckpoint();
            row.collector = name;
            row.persist();
            CollectorCheckpoint.flush();
        }
        int taken = CollectorCheckpoint.update("leaseOwner = ?1, leaseUntil = ?2, lastStartedAt = ?3 where collector = ?4"
                + " and (leaseUntil is null or leaseUntil < ?3)", owner, now.plus(config.lease()), now, name);
        if (taken == 0) {
            throw new CollectorBusyException(name);
        }
        CollectorCheckpoint.getEntityManager().clear();
        return CollectorCheckpoint.<CollectorCheckpoint>findById(name).position;
    }

    private void finish(CollectionRun run, String position) {
        CollectorCheckpoint row = CollectorCheckpoint.findById(run.collector());
        row.position = position;
        row.lastFinishedAt = run.finishedAt();
        row.lastOutcome = run.outcome();
        row.lastError = run.error();
        row.linksRecorded += run.linksCreated();
        row.evidenceAdded += run.evidenceAdded();
        row.leaseOwner = null;
        row.leaseUntil = null;
    }

    private static CollectionRun report(String name, String outcome, Instant started, String before, String after,
            LinkWritingSink sink, String error) {
        return new CollectionRun(name, outcome, started, Instant.now(), before, after, sink.recordsSeen(),
                sink.matched(), sink.linksCreated(), sink.evidenceAdded(), error);
    }
}
