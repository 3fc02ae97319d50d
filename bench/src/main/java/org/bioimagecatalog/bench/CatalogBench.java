package org.bioimagecatalog.bench;

// bin/bench catalog's engine (bin/lib/catalog-bench.sh runs it from the bench module's jar).
// Commands: topics-create | topics-delete | run [options] -- <the catalog-service command line>
// Options: --records N --seed S --shared-doi-percent P --kafka host:port --topic-prefix P --jdbc URL (the bench's
//   database) --group G (catalog-service's consumer group) --fixtures DIR --work DIR
// `run` synthesises the records, publishes them, starts catalog-service itself (the command after `--`), so that it
// watches the consumer group from the service's launch on, and stops it again before the raw engine runs.
// The corpus is StudyCorpus's, as SearchBench's, plus the fields a harvested record has that a search document
// does not need: creators, publication, data DOI.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bioimagecatalog.model.*;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;

public final class CatalogBench {
    static final ObjectMapper JSON = ModelJson.mapper();
    static final Map<String, String> opt = new HashMap<>();
    /** What came out other than the corpus predicts: printed, and the bench then fails. */
    static final List<String> problems = new ArrayList<>();

    static String o(String k, String d) { return opt.getOrDefault(k, d); }

    public static void main(String[] args) throws Exception {
        List<String> serviceCommand = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) { serviceCommand = List.of(args).subList(i + 1, args.length); break; }
            opt.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        switch (args[0]) {
            case "topics-create" -> topics(true);
            case "topics-delete" -> topics(false);
            case "run" -> run(serviceCommand);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String topic(String logical) { return o("topic-prefix", "catbench.") + logical; }

    static Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", o("kafka", "127.0.0.1:19092"));
        return p;
    }

    // ---------------------------------------------------------------- topics (as bin/stack creates the real ones)
    static void topics(boolean create) throws Exception {
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        wanted.put(topic(HarvestedRecord.TOPIC), new NewTopic(topic(HarvestedRecord.TOPIC), 3, (short) 1));
        wanted.put(topic("records.harvested.dlq.v1"), new NewTopic(topic("records.harvested.dlq.v1"), 1, (short) 1));
        wanted.put(topic(DatasetChanged.TOPIC), new NewTopic(topic(DatasetChanged.TOPIC), 3, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")));
        try (Admin admin = Admin.create(kafka())) {
            if (create) {
                BenchKafka.createMissing(admin, wanted.values());
            } else {
                BenchKafka.deleteWithGroups(admin, wanted.keySet(), List.of(o("group", "catbench-catalog-service"),
                        o("raw-group", "catbench-raw-engine"), o("raw-group", "catbench-raw-engine") + "-writes"));
            }
        }
    }

    // ---------------------------------------------------------------- corpus from the IDR fixture studies
    /**
     * Synthesises harvested records as SearchBench's Corpus synthesises documents: lengths and word frequencies of
     * the fixture studies, each facet from an independently drawn study, sources in proportion to the fixture
     * files per archive. Every record has a data DOI of its own (10.5072, DataCite's test prefix); a share of them
     * (--shared-doi-percent) are instead the DataCite record of an earlier record's DOI, which catalog-service
     * merges with it into one dataset, as it does an EMPIAR entry and the DataCite record of its DOI.
     */
    static final class Corpus extends StudyCorpus {
        final double sharedShare;
        final List<HarvestedRecord> records = new ArrayList<>();
        final List<Integer> unpaired = new ArrayList<>(); // earlier records no DataCite record shares a DOI with yet
        int pairs;

        Corpus(StudyCorpus base, double sharedPercent) {
            super(base);
            this.sharedShare = sharedPercent / 100;
        }

        static String doi(int n) { return String.format("10.5072/bench.%07d", n); }

        /** Adds record n of the seed's sequence (call in order 0, 1, 2, …: the draws depend on the ones before). */
        void add(int n, String runId, Instant at) {
            DatasetMetadata t = pick(studies), d = pick(studies), f = pick(studies), g = pick(studies), p = pick(studies);
            String source, nativeId, title;
            List<Identifier> ids;
            if (!unpaired.isEmpty() && rnd.nextDouble() < sharedShare) {
                // the DataCite record of an earlier record's data DOI: its native id is that DOI, its title the same
                HarvestedRecord partner = records.get(unpaired.remove(rnd.nextInt(unpaired.size())));
                String sharedDoi = partner.metadata().identifiers().get(1).value();
                source = "datacite";
                nativeId = sharedDoi;
                title = partner.metadata().title();
                ids = List.of(Identifier.of(Identifier.DOI, sharedDoi));
                pairs++;
            } else {
                source = pick(sources);
                nativeId = source + String.format("%07d", n);
                title = text(titleWords, words(t.title()).size());
                ids = List.of(Identifier.of(source.equals("idr") ? Identifier.IDR : Identifier.URL, nativeId),
                        Identifier.of(Identifier.DOI, doi(n)));
                unpaired.add(n);
            }
            LocalDate released = g.released() == null ? null : g.released().plusDays(rnd.nextInt(365) - 182);
            String url = "https://example.org/" + nativeId;
            DatasetMetadata m = new DatasetMetadata(title, text(descWords, Math.max(5, words(d.description()).size())),
                    ids, url, p.creators(), p.publications().isEmpty() ? List.of() : List.of(p.publications().get(0)), f.organisms(),
                    pick(studies).imagingMethods(), f.studyTypes(), List.of(), d.keywords(), g.license(), released, released, null,
                    List.of(FileFormat.ofLabel(pick(List.of("OME-TIFF", "OME-Zarr", "TIFF", "CZI", "ND2")))), List.of(url), List.of(), List.of());
            records.add(new HarvestedRecord(uuid(), HarvestedRecord.SCHEMA_VERSION, HarvestedRecord.key(source, nativeId),
                    at, ModelJson.contentHash(m), runId, source, nativeId, url, false, m));
        }
    }

    // ---------------------------------------------------------------- CPU accounting (/proc, Linux)
    /** {process, JIT, GC, PostgreSQL with its backends} CPU so far, in ms: the database's share is the other half of a write. */
    static long[] cpu(long pid) {
        long[] process = ProcessCpu.withJitAndGc(pid);
        return new long[] {process[0], process[1], process[2], postgresPid() > 0 ? ProcessCpu.treeMs(postgresPid()) : 0};
    }

    private static long postgres = 0;

    /** The postmaster the bench writes to (found by its port), -1 when it cannot be found. */
    static long postgresPid() {
        if (postgres == 0) postgres = ProcessCpu.listeningOn(PipelineBench.port(o("jdbc", "jdbc:postgresql://127.0.0.1:15432/x"), 15432));
        return postgres;
    }

    static String cpuPerRecord(long[] before, long[] after, long n, String who) {
        String database = postgresPid() > 0 ? String.format("; PostgreSQL %.2f ms", (after[3] - before[3]) / (double) n) : "";
        return String.format("CPU per record: %s %.2f ms (of which JIT %.2f, GC %.2f)%s", who, (after[0] - before[0]) / (double) n,
                (after[1] - before[1]) / (double) n, (after[2] - before[2]) / (double) n, database);
    }

    // ---------------------------------------------------------------- Kafka helpers
    static void publish(List<HarvestedRecord> records) throws Exception {
        Properties p = BenchKafka.producer(o("kafka", "127.0.0.1:19092"));
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (HarvestedRecord r : records) producer.send(new ProducerRecord<>(topic(HarvestedRecord.TOPIC), r.key(), ModelJson.write(r)));
            producer.flush();
        }
        System.out.printf("bench: published %d records to %s in %.1f s%n", records.size(), topic(HarvestedRecord.TOPIC),
                (System.nanoTime() - t0) / 1e9);
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition tp : partitions(admin, topic)) latest.put(tp, OffsetSpec.latest());
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records of the topic the group has not committed yet. */
    static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var e : endOffsets(admin, topic).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** A consumer of every partition of the topic from its first record, in no group (it commits nothing). */
    static KafkaConsumer<String, String> fromStart(Properties kafka, String topic) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        List<TopicPartition> tps = c.partitionsFor(topic).stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        c.assign(tps);
        c.seekToBeginning(tps);
        return c;
    }

    /** Reads datasets.v1 from the beginning for as long as the bench runs: messages, distinct keys, last arrival. */
    static final class DatasetsWatcher implements Runnable {
        final AtomicLong messages = new AtomicLong(), tombstones = new AtomicLong(), lastArrival = new AtomicLong();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final AtomicBoolean stop = new AtomicBoolean();
        volatile Exception failure;

        public void run() {
            try (KafkaConsumer<String, String> c = fromStart(kafka(), topic(DatasetChanged.TOPIC))) {
                while (!stop.get()) {
                    ConsumerRecords<String, String> batch = c.poll(Duration.ofMillis(100));
                    if (batch.isEmpty()) continue;
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> r : batch) {
                        keys.add(r.key());
                        if (r.value() == null) tombstones.incrementAndGet();
                    }
                    messages.addAndGet(batch.count());
                    lastArrival.set(now);
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }

    // ---------------------------------------------------------------- catalog-service's database
    static Connection db() throws SQLException {
        return DriverManager.getConnection(o("jdbc", "jdbc:postgresql://127.0.0.1:15432/bic_catbench"), "postgres", "");
    }

    static long[] longs(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] out = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) out[i] = rs.getLong(i + 1);
            return out;
        }
    }

    /** {pending, published} outbox rows for datasets.v1; {-1, -1} before Flyway created the table. */
    static long[] outbox(Connection c) {
        try {
            return longs(c, "select count(*) filter (where published_at is null), count(*) filter (where published_at is not null)"
                    + " from catalog.outbox where topic = '" + DatasetChanged.TOPIC + "'");
        } catch (SQLException e) {
            return new long[] {-1, -1};
        }
    }

    // ---------------------------------------------------------------- the service process
    static final class Service {
        final Process process;
        final Path pidFile;

        Service(List<String> command, Path log, Path pidFile) throws Exception {
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            this.pidFile = pidFile;
            Files.writeString(pidFile, Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop)); // also when the bench is interrupted
        }

        void checkAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException("catalog-service exited (status " + process.exitValue() + "); see its log "
                        + o("work", "target/catbench") + "/catalog-service.log");
            }
        }

        void stop() {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: a clean Quarkus shutdown
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }
            try { Files.deleteIfExists(pidFile); } catch (Exception ignored) { }
        }
    }

    // ---------------------------------------------------------------- run
    static void run(List<String> serviceCommand) throws Exception {
        int n = Integer.parseInt(o("records", "20000"));
        long seed = Long.parseLong(o("seed", "42"));
        double sharedPercent = Double.parseDouble(o("shared-doi-percent", "2"));
        String group = o("group", "catbench-catalog-service"), recordsTopic = topic(HarvestedRecord.TOPIC);
        Path fixtures = Path.of(o("fixtures", "../shared/fixtures"));
        Path work = Files.createDirectories(Path.of(o("work", "target/catbench")));
        if (serviceCommand.isEmpty()) throw new IllegalArgumentException("no catalog-service command line after --");

        // ---- corpus (untimed)
        StudyCorpus studies = StudyCorpus.of(fixtures, seed);
        Corpus corpus = new Corpus(studies, sharedPercent);
        String run1 = corpus.uuid(), run2 = corpus.uuid();
        Instant harvested = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) corpus.add(i, run1, harvested);
        List<HarvestedRecord> first = corpus.records;
        long bytes = first.stream().mapToLong(r -> ModelJson.write(r).length()).sum();
        long expectedDatasets = n - corpus.pairs;
        System.out.printf("bench: corpus model from %d IDR fixture studies; source weights (fixture files) %s%n", studies.studyCount(), studies.sourceShares());
        System.out.printf("bench: %d HarvestedRecord events (seed %d, avg %d bytes), %d distinct source keys; %d of them are the DataCite"
                + " record of another's data DOI (%d records, %.1f%%, in pairs): %d datasets expected, %d of them merged from two records%n",
                n, seed, bytes / Math.max(1, n), first.stream().map(HarvestedRecord::key).distinct().count(), corpus.pairs,
                2 * corpus.pairs, 200.0 * corpus.pairs / n, expectedDatasets, corpus.pairs);

        try (Admin admin = Admin.create(kafka()); Connection db = db()) {
            publish(first);
            Map<TopicPartition, Long> firstPassEnds = endOffsets(admin, recordsTopic);

            DatasetsWatcher watcher = new DatasetsWatcher();
            Thread watching = new Thread(watcher, "datasets-watcher");
            watching.start();
            double[] service;
            Service svc = new Service(serviceCommand, work.resolve("catalog-service.log"), work.resolve("catalog-service.pid"));
            try {
                service = new double[] {firstPass(svc, admin, db, group, watcher, n, expectedDatasets, corpus.pairs),
                        reHarvest(svc, admin, db, group, watcher, corpus, run2, harvested.plus(Duration.ofDays(1)))};
            } finally {
                svc.stop();
                watcher.stop.set(true);
                watching.join();
            }
            double raw = rawEngine(db, firstPassEnds, n);
            double rawWrites = rawEngineWrites(db, firstPassEnds, n);
            System.out.printf("RESULT catalog ratio: catalog-service/raw engine = %.1f%% (new records), %.1f%% (unchanged re-harvest)%n",
                    100 * service[0] / raw, 100 * service[1] / raw);
            System.out.printf("RESULT catalog ratio: catalog-service/raw engine with the service's writes = %.1f%% (new records),"
                    + " %.1f%% (unchanged re-harvest)%n", 100 * service[0] / rawWrites, 100 * service[1] / rawWrites);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("bench: ERROR: " + p));
            System.exit(1);
        }
    }

    /** Starts consuming the published records, timed from the group's first assignment until datasets.v1 holds all. */
    /** True once the group has members and is STABLE; false while it does not exist yet (the service is starting). */
    static boolean stable(Admin admin, String group) throws Exception {
        try {
            var described = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return described.groupState() == GroupState.STABLE && !described.members().isEmpty();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) return false;
            throw e;
        }
    }

    static double firstPass(Service svc, Admin admin, Connection db, String group, DatasetsWatcher watcher, int n,
            long expectedDatasets, int pairs) throws Exception {
        long launched = System.nanoTime(), pid = svc.process.pid();
        System.out.printf("bench: catalog-service started (pid %d, log %s/catalog-service.log); waiting for its consumer group %s%n",
                pid, o("work", "target/catbench"), group);
        while (true) {
            svc.checkAlive();
            if (stable(admin, group)) break;
            if (System.nanoTime() - launched > 180e9) throw new IllegalStateException("catalog-service did not join " + group + " within 180 s");
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        long[] cpu0 = cpu(pid);
        System.out.printf("bench: consumer group stable %.1f s after launch (start-up CPU %d ms, left out of the figures); timing until"
                + " every record is consumed, the outbox is empty and the watcher has seen every published outbox row%n",
                (start - launched) / 1e9, cpu0[0]);
        long lastPrint = start, lastProgress = start, lastSeen = -1, lastLag = -1;
        while (true) {
            svc.checkAlive();
            if (watcher.failure != null) throw watcher.failure;
            long lag = lag(admin, group, topic(HarvestedRecord.TOPIC));
            long[] ob = outbox(db);
            long seen = watcher.messages.get();
            if (lag == 0 && ob[0] == 0 && ob[1] > 0 && seen >= ob[1]) break;
            long now = System.nanoTime();
            if (seen != lastSeen || lag != lastLag) { lastProgress = now; lastSeen = seen; lastLag = lag; }
            if (now - lastProgress > 180e9) {
                throw new IllegalStateException(String.format("no progress for 180 s: lag %d, outbox pending %d published %d, datasets.v1 messages seen %d",
                        lag, ob[0], ob[1], seen));
            }
            if (now - lastPrint > 15e9) {
                System.out.printf("bench:   %.0f s: %d of %d records not yet committed, datasets.v1: %d messages (%d keys)%n",
                        (now - start) / 1e9, lag, n, seen, watcher.keys.size());
                lastPrint = now;
            }
            Thread.sleep(200);
        }
        long[] cpu1 = cpu(pid);
        double secs = (watcher.lastArrival.get() - start) / 1e9;
        long[] counts = longs(db, "select count(distinct dataset_id), (select count(*) from (select 1 from catalog.source_record group by dataset_id"
                + " having count(*) > 1) m) from catalog.source_record");
        long rejected = longs(db, "select count(*) from catalog.outbox where topic = 'records.harvested.dlq.v1'")[0];
        boolean asExpected = counts[0] == expectedDatasets && counts[1] == pairs && rejected == 0;
        if (!asExpected) {
            problems.add(String.format("first pass: %d datasets, %d merges, %d rejected; the corpus predicts %d, %d and 0",
                    counts[0], counts[1], rejected, expectedDatasets, pairs));
        }
        System.out.printf("RESULT catalog ingest: catalog-service (records.harvested.v1 -> PostgreSQL, merge, outbox -> datasets.v1) %d records in"
                + " %.1f s = %.1f records/s (%s)%n", n, secs, n / secs, cpuPerRecord(cpu0, cpu1, n, "catalog-service"));
        System.out.printf("RESULT catalog ingest: %d datasets, %d merged from two records, %d rejected; datasets.v1: %d messages, %d keys,"
                + " %d tombstones (corpus: %d datasets, %d merges expected: %s)%n", counts[0], counts[1], rejected, watcher.messages.get(),
                watcher.keys.size(), watcher.tombstones.get(), expectedDatasets, pairs, asExpected ? "as expected" : "MISMATCH");
        return n / secs;
    }

    /** The same records again with a new run id and time, metadata unchanged: timed until the group has no lag. */
    static double reHarvest(Service svc, Admin admin, Connection db, String group, DatasetsWatcher watcher, Corpus corpus,
            String runId, Instant at) throws Exception {
        String topic = topic(HarvestedRecord.TOPIC);
        List<HarvestedRecord> again = corpus.records.stream().map(r -> new HarvestedRecord(corpus.uuid(), r.schemaVersion(), r.key(), at,
                r.contentHash(), runId, r.source(), r.nativeId(), r.sourceUrl(), r.deleted(), r.metadata())).toList();
        long[] outbox0 = outbox(db);
        long messages0 = watcher.messages.get(), pid = svc.process.pid();
        System.out.printf("bench: re-harvest: publishing the same %d records again (new run id and time, metadata unchanged); timing until"
                + " consumer group %s has no lag%n", again.size(), group);
        long[] cpu0 = cpu(pid);
        long start = System.nanoTime(), lastPrint = start;
        publish(again);
        long lag;
        while ((lag = lag(admin, group, topic)) > 0) {
            svc.checkAlive();
            if (System.nanoTime() - lastPrint > 15e9) {
                System.out.printf("bench:   %.0f s: %d records not yet committed%n", (System.nanoTime() - start) / 1e9, lag);
                lastPrint = System.nanoTime();
            }
            if (System.nanoTime() - start > Math.max(1800, again.size()) * 1e9) throw new IllegalStateException("lag still " + lag);
            Thread.sleep(100);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] cpu1 = cpu(pid);
        long[] outbox1 = outbox(db);
        long lastRun = longs(db, "select count(*) from catalog.source_record where last_run_id = '" + runId + "'")[0];
        long written = outbox1[0] + outbox1[1] - outbox0[0] - outbox0[1], published = watcher.messages.get() - messages0;
        if (lastRun != again.size() || written != 0 || published != 0) {
            problems.add(String.format("re-harvest: %d of %d records seen by the new run, %d outbox rows, %d datasets.v1 messages (expected 0 and 0)",
                    lastRun, again.size(), written, published));
        }
        System.out.printf("RESULT catalog re-harvest (unchanged): catalog-service %d records in %.1f s = %.1f records/s (%s)%n",
                again.size(), secs, again.size() / secs, cpuPerRecord(cpu0, cpu1, again.size(), "catalog-service"));
        System.out.printf("RESULT catalog re-harvest (unchanged): %d source records marked seen by the new run; outbox rows written %d,"
                + " datasets.v1 messages %d (expected 0 and 0)%n", lastRun, written, published);
        return again.size() / secs;
    }

    /**
     * The raw engine: the same first-pass records read by a plain KafkaConsumer and written with plain JDBC, one
     * transaction per poll (a batched upsert into a copy of source_record and an insert into a copy of the outbox
     * per record), offsets committed after the transaction. No merge, no history, no publishing: the floor the
     * service's work is measured against.
     */
    static double rawEngine(Connection db, Map<TopicPartition, Long> ends, int n) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create schema raw");
            s.execute("create table raw.source_record (like catalog.source_record including defaults including indexes)");
            s.execute("create table raw.outbox (like catalog.outbox including defaults including indexes)");
            s.execute("create sequence raw.outbox_id_seq owned by raw.outbox.id");
            s.execute("alter table raw.outbox alter column id set default nextval('raw.outbox_id_seq')");
        }
        String upsert = """
                insert into raw.source_record (key, source, native_id, source_url, content_hash, metadata, deleted, dataset_id,
                                               first_seen, last_seen, last_run_id, match_version)
                values (?, ?, ?, ?, ?, ?::jsonb, false, ?, ?, ?, ?, 1)
                on conflict (key) do update set source_url = excluded.source_url, content_hash = excluded.content_hash,
                    metadata = excluded.metadata, last_seen = excluded.last_seen, last_run_id = excluded.last_run_id""";
        String enqueue = "insert into raw.outbox (topic, key, payload) values ('" + DatasetChanged.TOPIC + "', ?, ?)";
        System.out.printf("bench: raw engine: KafkaConsumer + JDBC into raw.source_record and raw.outbox (catalog-service stopped)%n");
        try (PreparedStatement rec = db.prepareStatement(upsert); PreparedStatement out = db.prepareStatement(enqueue)) {
            RawRun run = consumeFirstPass(db, ends, n, o("raw-group", "catbench-raw-engine"), null, "raw engine", (poll, now) -> {
                for (ConsumerRecord<String, String> r : poll) {
                    JsonNode e = JSON.readTree(r.value());
                    String metadata = e.path("metadata").toString();
                    rec.setString(1, r.key());
                    rec.setString(2, e.path("source").asText());
                    rec.setString(3, e.path("nativeId").asText());
                    rec.setString(4, e.path("sourceUrl").asText(null));
                    rec.setString(5, e.path("contentHash").asText(null));
                    rec.setString(6, metadata);
                    rec.setString(7, r.key());
                    rec.setTimestamp(8, now);
                    rec.setTimestamp(9, now);
                    rec.setString(10, e.path("runId").asText(null));
                    rec.addBatch();
                    out.setString(1, r.key());
                    out.setString(2, metadata);
                    out.addBatch();
                }
                rec.executeBatch();
                out.executeBatch();
            });
            long[] stored = longs(db, "select count(*), (select count(*) from raw.outbox) from raw.source_record");
            System.out.printf("RESULT catalog raw engine (KafkaConsumer + JDBC, one transaction per poll, %d polls): %d records in %.1f s ="
                    + " %.1f records/s (%s; %d source records, %d outbox rows stored)%n", run.polls(), run.records(), run.secs(),
                    run.records() / run.secs(), run.cpu(), stored[0], stored[1]);
            if (stored[0] != n || stored[1] != n) problems.add("raw engine stored " + stored[0] + " source records and " + stored[1] + " outbox rows, not " + n);
            return run.records() / run.secs();
        }
    }

    /**
     * The raw engine with the rows the service writes for a new record: the same first-pass records read again by a
     * plain KafkaConsumer (100 records a poll, the service's max.poll.records) and written with plain JDBC batches, one
     * transaction per poll, offsets committed after it, into copies of the service's tables: a source record (upsert),
     * its match keys (a delete and an insert batch: the record's own key and its data DOIs), a dataset (upsert), a
     * dataset version and an outbox row, whose document is the record's metadata in an envelope. No parsing into
     * model classes, normalisation, merge, quality or hashing beyond what the event carries.
     */
    static double rawEngineWrites(Connection db, Map<TopicPartition, Long> ends, int n) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create schema rawwrites");
            for (String table : List.of("source_record", "record_match_key", "dataset", "dataset_version", "outbox")) {
                s.execute("create table rawwrites." + table + " (like catalog." + table + " including defaults including indexes)");
            }
            s.execute("create sequence rawwrites.outbox_id_seq owned by rawwrites.outbox.id");
            s.execute("alter table rawwrites.outbox alter column id set default nextval('rawwrites.outbox_id_seq')");
        }
        String upsertRecord = """
                insert into rawwrites.source_record (key, source, native_id, source_url, content_hash, metadata, deleted,
                                                     dataset_id, first_seen, last_seen, last_run_id, match_version)
                values (?, ?, ?, ?, ?, ?::jsonb, false, ?, ?, ?, ?, 2)
                on conflict (key) do update set source_url = excluded.source_url, content_hash = excluded.content_hash,
                    metadata = excluded.metadata, last_seen = excluded.last_seen, last_run_id = excluded.last_run_id""";
        String deleteKeys = "delete from rawwrites.record_match_key where source_key = any(?)";
        String insertKey = "insert into rawwrites.record_match_key (source_key, match_key) values (?, ?)";
        String upsertDataset = """
                insert into rawwrites.dataset (id, version, content_hash, document, created_at, updated_at, withdrawn,
                                               quality_score, quality_missing, normaliser_version)
                values (?, 1, ?, ?::jsonb, ?, ?, false, 50, '{}', 1)
                on conflict (id) do update set version = rawwrites.dataset.version + 1, content_hash = excluded.content_hash,
                    document = excluded.document, updated_at = excluded.updated_at""";
        String insertVersion = """
                insert into rawwrites.dataset_version (dataset_id, version, changed_at, source_key, run_id, content_hash,
                                                       changed_fields, withdrawn, document)
                values (?, 1, ?, ?, ?, ?, '{metadata}', false, ?::jsonb)""";
        String enqueue = "insert into rawwrites.outbox (topic, key, payload, created_at) values ('" + DatasetChanged.TOPIC + "', ?, ?, ?)";
        System.out.printf("bench: raw engine with the service's writes: KafkaConsumer + JDBC into rawwrites.{source_record,"
                + " record_match_key, dataset, dataset_version, outbox} (catalog-service stopped)%n");
        try (PreparedStatement rec = db.prepareStatement(upsertRecord); PreparedStatement del = db.prepareStatement(deleteKeys);
                PreparedStatement key = db.prepareStatement(insertKey); PreparedStatement ds = db.prepareStatement(upsertDataset);
                PreparedStatement ver = db.prepareStatement(insertVersion); PreparedStatement out = db.prepareStatement(enqueue)) {
            RawRun run = consumeFirstPass(db, ends, n, o("raw-group", "catbench-raw-engine") + "-writes", 100,
                    "raw engine (writes)", (poll, now) -> {
                List<String> keys = new ArrayList<>();
                for (ConsumerRecord<String, String> r : poll) {
                    JsonNode e = JSON.readTree(r.value());
                    JsonNode meta = e.path("metadata");
                    String metadata = meta.toString();
                    String hash = e.path("contentHash").asText(r.key());
                    String runId = e.path("runId").asText(null);
                    String document = "{\"datasetId\":" + JSON.writeValueAsString(r.key()) + ",\"version\":1,\"metadata\":" + metadata + "}";
                    rec.setString(1, r.key());
                    rec.setString(2, e.path("source").asText());
                    rec.setString(3, e.path("nativeId").asText());
                    rec.setString(4, e.path("sourceUrl").asText(null));
                    rec.setString(5, hash);
                    rec.setString(6, metadata);
                    rec.setString(7, r.key());
                    rec.setTimestamp(8, now);
                    rec.setTimestamp(9, now);
                    rec.setString(10, runId);
                    rec.addBatch();
                    keys.add(r.key());
                    Set<String> matchKeys = new LinkedHashSet<>(List.of("rec:" + r.key()));
                    for (JsonNode id : meta.path("identifiers")) {
                        if ("doi".equalsIgnoreCase(id.path("scheme").asText())) {
                            matchKeys.add("doi:" + id.path("value").asText().toLowerCase(Locale.ROOT));
                        }
                    }
                    for (String matchKey : matchKeys) {
                        key.setString(1, r.key());
                        key.setString(2, matchKey);
                        key.addBatch();
                    }
                    ds.setString(1, r.key());
                    ds.setString(2, hash);
                    ds.setString(3, document);
                    ds.setTimestamp(4, now);
                    ds.setTimestamp(5, now);
                    ds.addBatch();
                    ver.setString(1, r.key());
                    ver.setTimestamp(2, now);
                    ver.setString(3, r.key());
                    ver.setString(4, runId);
                    ver.setString(5, hash);
                    ver.setString(6, document);
                    ver.addBatch();
                    out.setString(1, r.key());
                    out.setString(2, document);
                    out.setTimestamp(3, now);
                    out.addBatch();
                }
                rec.executeBatch();
                del.setArray(1, db.createArrayOf("text", keys.toArray(String[]::new)));
                del.executeUpdate();
                key.executeBatch();
                ds.executeBatch();
                ver.executeBatch();
                out.executeBatch();
            });
            long[] stored = longs(db, "select (select count(*) from rawwrites.source_record), (select count(*) from rawwrites.dataset),"
                    + " (select count(*) from rawwrites.dataset_version), (select count(*) from rawwrites.outbox),"
                    + " (select count(*) from rawwrites.record_match_key)");
            System.out.printf("RESULT catalog raw engine with the service's writes (KafkaConsumer + JDBC batches, one transaction per poll,"
                    + " %d polls): %d records in %.1f s = %.1f records/s (%s; %d source records, %d match keys, %d datasets, %d versions,"
                    + " %d outbox rows stored)%n", run.polls(), run.records(), run.secs(), run.records() / run.secs(), run.cpu(),
                    stored[0], stored[4], stored[1], stored[2], stored[3]);
            if (stored[0] != n || stored[1] != n || stored[2] != n || stored[3] != n) {
                problems.add("raw engine (writes) stored " + stored[0] + " source records, " + stored[1] + " datasets, " + stored[2]
                        + " versions and " + stored[3] + " outbox rows, not " + n);
            }
            return run.records() / run.secs();
        }
    }

    /** What a raw engine writes for a poll's first-pass records, in the poll's open transaction. */
    interface PollWriter {
        void write(List<ConsumerRecord<String, String>> poll, Timestamp now) throws Exception;
    }

    /** A raw engine's run: records, polls, seconds, and the bench JVM's CPU per record. */
    record RawRun(long records, long polls, double secs, String cpu) {}

    /**
     * Reads the first-pass records again from the beginning with a plain KafkaConsumer of {@code group} (up to
     * {@code maxPollRecords} a poll, null: the client's default), one transaction per poll: {@code writer} writes the
     * poll's records, then the transaction commits and the offsets are committed after it.
     */
    static RawRun consumeFirstPass(Connection db, Map<TopicPartition, Long> ends, int n, String group, Integer maxPollRecords,
            String name, PollWriter writer) throws Exception {
        Properties p = kafka();
        p.put("group.id", group);
        p.put("enable.auto.commit", "false");
        if (maxPollRecords != null) p.put("max.poll.records", String.valueOf(maxPollRecords));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        long self = ProcessHandle.current().pid(), done = 0, polls = 0;
        db.setAutoCommit(false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long[] cpu0 = cpu(self);
            long start = System.nanoTime();
            while (done < n) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (System.nanoTime() - start > Math.max(600, n / 10) * 1e9) throw new IllegalStateException(name + ": only " + done + " records");
                    continue;
                }
                List<ConsumerRecord<String, String>> firstPass = new ArrayList<>();
                for (ConsumerRecord<String, String> r : batch) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) firstPass.add(r); // not the re-harvest's copies
                }
                writer.write(firstPass, Timestamp.from(Instant.now()));
                db.commit();
                consumer.commitSync();
                done += firstPass.size();
                polls++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            long[] cpu1 = cpu(self);
            return new RawRun(done, polls, secs, cpuPerRecord(cpu0, cpu1, done, "bench JVM"));
        } finally {
            db.setAutoCommit(true);
        }
    }
}
