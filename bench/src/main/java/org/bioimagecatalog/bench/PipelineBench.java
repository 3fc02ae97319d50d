package org.bioimagecatalog.bench;

// bin/bench pipeline's engine (bin/lib/pipeline-bench.sh runs it from the bench module's jar).
// Commands: topics-create | topics-delete | corpus | run, with options:
//   --records N --seed S --shared-doi-percent P --rest-percent P --fixtures DIR (the corpus, as StudyCorpus reads it)
//   --kafka host:port --topic-prefix P --groups G1,G2,… (the services' consumer groups, deleted with the topics)
//   --out DIR --replay-url URL (corpus: where the replay server serves DIR from)
//   --harvester URL --search URL --es URL --index-prefix P --jdbc URL --catalog-group G --reuse-group G
//   --pids harvester:PID,catalog:PID,search:PID,reuse:PID --samples N --stall-seconds S --work DIR (run)
// `run` starts the two harvest runs through the harvester's API (BIC_BENCH_ADMIN_KEY), follows every stage until
// the last record is searchable and the reuse tracker has applied every dataset, then runs the raw reference chain.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;

public final class PipelineBench {
    static final ObjectMapper JSON = ModelJson.mapper();
    static final Map<String, String> opt = new HashMap<>();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final long INTERVAL_MS = 250;
    static final Pattern DOI = Pattern.compile("10\\.5072/pipe\\.\\d{7}");
    /** What came out other than the corpus predicts: printed, and the bench then fails. */
    static final List<String> problems = new ArrayList<>();

    static String o(String k, String d) {
        return opt.getOrDefault(k, d);
    }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i < args.length; i++) {
            opt.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        switch (args[0]) {
            case "topics-create" -> topics(true);
            case "topics-delete" -> topics(false);
            case "corpus" -> writeCorpus();
            case "run" -> System.exit(run() ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String topic(String logical) {
        return o("topic-prefix", "pipebench.") + logical;
    }

    static Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", o("kafka", "127.0.0.1:19092"));
        return p;
    }

    static final String RAW_TOPIC = "raw.records.harvested.v1";

    // ---------------------------------------------------------------- topics (as bin/stack creates the real ones)
    static void topics(boolean create) throws Exception {
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        for (String spec : List.of(HarvestedRecord.TOPIC + ":3", "records.harvested.dlq.v1:1", DatasetChanged.TOPIC + ":3:compact",
                "datasets.dlq.v1:1", "reuse.summary.v1:3:compact", RAW_TOPIC + ":3")) {
            String[] s = spec.split(":");
            NewTopic t = new NewTopic(topic(s[0]), Integer.parseInt(s[1]), (short) 1);
            wanted.put(t.name(), s.length > 2 ? t.configs(Map.of("cleanup.policy", "compact")) : t);
        }
        try (Admin admin = Admin.create(kafka())) {
            if (create) {
                BenchKafka.createMissing(admin, wanted.values());
            } else {
                BenchKafka.deleteWithGroups(admin, wanted.keySet(),
                        Arrays.stream(o("groups", "").split(",")).filter(g -> !g.isBlank()).toList());
            }
        }
    }

    // ---------------------------------------------------------------- corpus
    static PipelineCorpus corpus() throws Exception {
        return new PipelineCorpus(StudyCorpus.of(Path.of(o("fixtures", "../shared/fixtures")), Long.parseLong(o("seed", "42"))),
                Integer.parseInt(o("records", "2000")), Double.parseDouble(o("rest-percent", "40")),
                Double.parseDouble(o("shared-doi-percent", "2")));
    }

    static void writeCorpus() throws Exception {
        long t0 = System.nanoTime();
        PipelineCorpus c = corpus();
        Path out = Path.of(o("out", "target/pipebench/replay"));
        c.write(out, o("replay-url", "http://127.0.0.1:18595/"));
        System.out.printf("bench: corpus of %d records (seed %s) from %d IDR fixture studies in %.1f s: %d %s (OAI-PMH oai_datacite pages),"
                + " %d %s (DataCite REST pages), %d pages of %d; %d DOIs in two archives (merged), %d datasets expected, %d articles named%n",
                c.records.size(), o("seed", "42"), c.studyCount(), (System.nanoTime() - t0) / 1e9, c.of(PipelineCorpus.OAI).size(),
                PipelineCorpus.OAI, c.of(PipelineCorpus.REST).size(), PipelineCorpus.REST,
                (c.of(PipelineCorpus.OAI).size() + PipelineCorpus.PAGE_SIZE - 1) / PipelineCorpus.PAGE_SIZE
                        + (c.of(PipelineCorpus.REST).size() + PipelineCorpus.PAGE_SIZE - 1) / PipelineCorpus.PAGE_SIZE,
                PipelineCorpus.PAGE_SIZE, c.pairs, c.expectedDatasets(), c.records.stream().filter(r -> r.article() != null).count());
    }

    /** Every k-th record's DOI (each DOI once), about {@code wanted} of them: the records whose freshness is measured. */
    static Set<String> samples(PipelineCorpus c, int wanted) {
        Set<String> dois = new java.util.LinkedHashSet<>();
        int step = Math.max(1, c.records.size() / Math.max(1, wanted));
        for (int i = 0; i < c.records.size(); i += step) dois.add(c.records.get(i).doi());
        return dois;
    }

    // ---------------------------------------------------------------- HTTP
    static HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        String key = System.getenv("BIC_BENCH_ADMIN_KEY");
        if (key != null && url.startsWith(o("harvester", "-"))) b.header("X-API-Key", key);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = send("GET", url, null);
        if (r.statusCode() >= 300) throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static String startRun(String source, String location) throws Exception {
        HttpResponse<String> r = send("POST", o("harvester", "") + "/api/v1/harvest/runs",
                JSON.createObjectNode().put("source", source).put("location", location).toString());
        if (r.statusCode() >= 300) throw new IllegalStateException("the harvester refused the run of " + source + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    // ---------------------------------------------------------------- Kafka positions
    static long endOffsets(Admin admin, String topic) throws Exception {
        return CatalogBench.endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> c;
        try {
            c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (java.util.concurrent.ExecutionException e) {
            return 0; // the group has not joined yet
        }
        return c.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Reads records.harvested.v1 from the start while the bench runs: how many records, and for each sampled DOI the
     * Kafka timestamp of its first record (the harvester's publication), handed to the search pollers.
     */
    static final class PublicationWatcher implements Runnable {
        final Set<String> sampled;
        final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        final AtomicLong records = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        volatile Exception failure;

        PublicationWatcher(Set<String> sampled) {
            this.sampled = sampled;
        }

        public void run() {
            try (KafkaConsumer<String, String> c = CatalogBench.fromStart(kafka(), topic(HarvestedRecord.TOPIC))) {
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        records.incrementAndGet();
                        Matcher m = DOI.matcher(r.value() == null ? "" : r.value());
                        if (m.find() && sampled.contains(m.group())) publishedAt.merge(m.group(), r.timestamp(), Math::min);
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }

    /**
     * Whether a search page holds the dataset of {@code doi}. A hit count is not enough: the identifier lookup also
     * finds datasets whose publication has that DOI, and a query that matches nothing may be relaxed to its words
     * (a quoted DOI shows other datasets as "results for 10").
     */
    static boolean finds(JsonNode page, String doi) {
        for (JsonNode item : page.path("items")) {
            if (doi.equalsIgnoreCase(item.path("dataDoi").path("id").asText())) return true;
        }
        return false;
    }

    /** Asks search for each published sample until it is found: publication → first hit, in ms. */
    static final class SearchPoller implements Runnable {
        final PublicationWatcher watcher;
        final Map<String, Long> freshness = new ConcurrentHashMap<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong searches = new AtomicLong();
        final int worker;
        final int workers;

        SearchPoller(PublicationWatcher watcher, int worker, int workers) {
            this.watcher = watcher;
            this.worker = worker;
            this.workers = workers;
        }

        public void run() {
            while (!stop.get()) {
                boolean asked = false;
                for (var e : watcher.publishedAt.entrySet()) {
                    String doi = e.getKey();
                    if (Math.floorMod(doi.hashCode(), workers) != worker || freshness.containsKey(doi)) continue;
                    asked = true;
                    try {
                        // the DOI as a user pastes it: search's identifier lookup, exact and never relaxed, so a
                        // record not yet indexed costs one term query, not a relaxed search with facets
                        JsonNode page = get(o("search", "") + "/api/v1/search?size=5&q=" + URLEncoder.encode(doi, StandardCharsets.UTF_8));
                        searches.incrementAndGet();
                        if (finds(page, doi)) freshness.put(doi, System.currentTimeMillis() - e.getValue());
                    } catch (Exception ignored) {
                        // a busy service answering late is measured by the next poll
                    }
                }
                if (!asked) {
                    try { Thread.sleep(20); } catch (InterruptedException ie) { return; }
                }
            }
        }
    }

    /** The engines of the stack the bench was pointed at, found by the ports they listen on: name -> pid. */
    static Map<String, Long> engines(String es) {
        Map<String, Long> engines = new LinkedHashMap<>();
        engines.put("PostgreSQL", ProcessCpu.listeningOn(port(o("jdbc", "jdbc:postgresql://127.0.0.1:15432/x"), 15432)));
        engines.put("Kafka", ProcessCpu.listeningOn(port(o("kafka", "127.0.0.1:19092"), 19092)));
        engines.put("Elasticsearch", ProcessCpu.listeningOn(port(es, 19200)));
        engines.values().removeIf(pid -> pid <= 0);
        return engines;
    }

    /** The port of host:port, of a URL or of a JDBC URL. */
    static int port(String address, int otherwise) {
        Matcher m = Pattern.compile(":(\\d+)(?:/|$)").matcher(address);
        int port = otherwise;
        while (m.find()) port = Integer.parseInt(m.group(1));
        return port;
    }

    /**
     * Where the machine's cores went while the pipeline ran: each service's and each engine's CPU per record, and
     * their sum against the cores the run had (the bench's own CPU, its pollers included, is in neither).
     */
    static void cpuShares(Map<String, Long> cpuUsed, Map<String, Long> engines, int n, long windowMs) {
        StringBuilder line = new StringBuilder();
        long total = 0;
        for (var e : cpuUsed.entrySet()) {
            total += e.getValue();
            if (engines.containsKey(e.getKey())) {
                line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %.2f ms", e.getKey(), e.getValue() / (double) n));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("RESULT pipeline: engines' CPU per record: %s%n", line.length() == 0 ? "not found (no /proc access?)" : line);
        System.out.printf("RESULT pipeline: services and engines together %.2f ms of CPU per record; %.1f of %d cores busy on average"
                + " over the %.1f s from the runs' start to the last stage done (%.0f records/s at most if that CPU were the only limit)%n",
                total / (double) n, total / (double) windowMs, cores, windowMs / 1000.0, n * 1000.0 * cores / Math.max(1, total));
    }

    // ---------------------------------------------------------------- run
    static boolean run() throws Exception {
        PipelineCorpus corpus = corpus();
        int n = corpus.records.size();
        long datasets = corpus.expectedDatasets();
        Set<String> sampled = samples(corpus, Integer.parseInt(o("samples", String.valueOf(Math.min(500, Math.max(50, n / 20))))));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String p : o("pids", "").split(",")) {
            if (p.contains(":")) pids.put(p.split(":")[0], Long.parseLong(p.split(":")[1]));
        }
        String es = o("es", "http://127.0.0.1:19200");
        String alias = o("index-prefix", "pipebench-") + "datasets";
        String replay = o("replay-url", "http://127.0.0.1:18595/");
        long stallMs = Long.parseLong(o("stall-seconds", "180")) * 1000;
        System.out.printf("bench: %d records from %s and %s, %d DOIs in both (merged): %d datasets expected; freshness sampled on %d records%n",
                n, PipelineCorpus.OAI, PipelineCorpus.REST, corpus.pairs, datasets, sampled.size());

        Map<String, Long> cpu0 = new LinkedHashMap<>();
        pids.forEach((s, pid) -> cpu0.put(s, ProcessCpu.ms(pid)));
        Map<String, Long> engines = engines(es);
        Map<String, Long> engineCpu0 = new LinkedHashMap<>();
        engines.forEach((e, pid) -> engineCpu0.put(e, ProcessCpu.treeMs(pid)));
        PublicationWatcher watcher = new PublicationWatcher(sampled);
        Thread watch = new Thread(watcher, "publications");
        watch.start();
        List<SearchPoller> pollers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SearchPoller poller = new SearchPoller(watcher, i, 2);
            pollers.add(poller);
            new Thread(poller, "search-poller-" + i).start();
        }
        StageProgress harvested = new StageProgress("harvester published (records.harvested.v1)");
        StageProgress consumed = new StageProgress("catalog consumed (records.harvested.v1 committed)");
        StageProgress out = new StageProgress("catalog out (datasets.v1 messages)");
        StageProgress indexed = new StageProgress("search indexed (documents)");
        StageProgress applied = new StageProgress("reuse tracker applied (datasets.v1 committed)");

        boolean complete = false;
        long t0 = System.currentTimeMillis();
        Map<String, String> runs = new LinkedHashMap<>();
        runs.put(startRun(PipelineCorpus.OAI, replay + PipelineCorpus.OAI + "/?metadataPrefix=oai_datacite"), PipelineCorpus.OAI);
        runs.put(startRun(PipelineCorpus.REST, replay + PipelineCorpus.REST + "/" + PipelineCorpus.page(1, "json")), PipelineCorpus.REST);
        System.out.printf("bench: harvest runs started through %s/api/v1/harvest/runs: %s%n", o("harvester", ""), runs);
        Map<String, JsonNode> runState = new HashMap<>();
        try (Admin admin = Admin.create(kafka())) {
            long lastChange = t0, lastLog = t0, lastRunCheck = 0;
            String lastSeen = "";
            while (true) {
                long now = System.currentTimeMillis(), at = now - t0;
                long h = endOffsets(admin, topic(HarvestedRecord.TOPIC));
                long c = endOffsets(admin, topic(DatasetChanged.TOPIC));
                long k = committed(admin, o("catalog-group", "pipebench-catalog-service"), topic(HarvestedRecord.TOPIC));
                long r = committed(admin, o("reuse-group", "pipebench-reuse-tracker-service"), topic(DatasetChanged.TOPIC));
                long s = esCount(es, alias);
                harvested.add(at, h);
                consumed.add(at, k);
                out.add(at, c);
                indexed.add(at, s);
                applied.add(at, r);
                if (now - lastRunCheck >= 2000) {
                    for (String id : runs.keySet()) runState.put(id, get(o("harvester", "") + "/api/v1/harvest/runs/" + id));
                    lastRunCheck = now;
                }
                boolean runsDone = runState.size() == runs.size()
                        && runState.values().stream().noneMatch(j -> j.path("status").asText().equals("RUNNING"));
                String seen = h + "/" + k + "/" + c + "/" + s + "/" + r + "/" + runsDone;
                if (!seen.equals(lastSeen)) { lastSeen = seen; lastChange = now; }
                if (now - lastLog >= 10_000) {
                    System.out.printf("bench: %5.0f s: published %d/%d, catalog consumed %d, datasets.v1 %d, indexed %d/%d, reuse applied %d;"
                            + " freshness samples %d published, %d found%n", at / 1000.0, h, n, k, c, s, datasets, r,
                            watcher.publishedAt.size(), found(pollers));
                    lastLog = now;
                }
                if (runsDone && h >= n && k >= h && s >= datasets && r >= c && c > 0) { complete = true; break; }
                if (now - lastChange > stallMs) {
                    problems.add(String.format("no progress for %d s: published %d of %d, catalog consumed %d, datasets.v1 %d, indexed %d of %d, reuse applied %d of %d; runs %s",
                            stallMs / 1000, h, n, k, c, s, datasets, r, c, runState.values().stream().map(j -> j.path("status").asText()).toList()));
                    break;
                }
                if (watcher.failure != null) throw watcher.failure;
                Thread.sleep(INTERVAL_MS);
            }
        }
        long windowMs = System.currentTimeMillis() - t0;
        Map<String, Long> cpuUsed = new LinkedHashMap<>();
        pids.forEach((s, pid) -> cpuUsed.put(s, ProcessCpu.ms(pid) - cpu0.get(s)));
        engines.forEach((e, pid) -> cpuUsed.put(e, ProcessCpu.treeMs(pid) - engineCpu0.get(e)));
        // the samples still unanswered get a last few seconds (a record found by count may not be found by text yet)
        for (int i = 0; complete && i < 100 && found(pollers) < sampled.size(); i++) Thread.sleep(100);
        pollers.forEach(p -> p.stop.set(true));
        watcher.stop.set(true);
        watch.join(5000);

        // ---- the pipeline's figures
        long endToEnd = indexed.reachedMs(datasets);
        for (var e : runState.entrySet()) {
            JsonNode j = e.getValue();
            System.out.printf("bench: run %s of %s: %s, seen %d, published %d, rejected %d%n", e.getKey(), runs.get(e.getKey()),
                    j.path("status").asText(), j.path("seen").asLong(), j.path("published").asLong(), j.path("rejected").asLong());
            if (!j.path("status").asText().equals("SUCCEEDED")) problems.add("run " + e.getKey() + " ended " + j.path("status").asText());
        }
        double e2e = endToEnd > 0 ? n * 1000.0 / endToEnd : 0;
        boolean searchable = endToEnd > 0;
        if (searchable) {
            System.out.printf("RESULT pipeline: end-to-end %d records (%d datasets) from harvest run start to last record searchable in %.1f s"
                    + " = %.0f records/s (target >= 1,000 at 100k)%n", n, datasets, endToEnd / 1000.0, e2e);
        }
        stage(harvested, harvested.last(), t0);
        stage(consumed, consumed.last(), t0);
        stage(out, out.last(), t0);
        stage(indexed, datasets, t0);
        stage(applied, out.last(), t0);
        // (search counts documents, one per dataset, not datasets.v1 messages: its lag is the freshness below)
        System.out.printf("RESULT pipeline: reuse tracker at most %.1f s behind the catalog's datasets.v1 (target <= 60 s)%n",
                StageProgress.maxBehindMs(out, applied) / 1000.0);
        List<Long> fresh = new ArrayList<>();
        pollers.forEach(p -> fresh.addAll(p.freshness.values()));
        fresh.sort(null);
        long searches = pollers.stream().mapToLong(p -> p.searches.get()).sum();
        System.out.printf("RESULT pipeline: freshness (harvester's Kafka timestamp -> first search hit) p50 %.2f s, p95 %.2f s, max %.2f s"
                + " over %d of %d sampled records (%d searches; harvest %s, pipeline end-to-end %.0f records/s; target p95 <= 2 s at 500 records/s)%n",
                SearchBench.pct(fresh, 50) / 1000.0, SearchBench.pct(fresh, 95) / 1000.0, fresh.isEmpty() ? 0 : fresh.get(fresh.size() - 1) / 1000.0,
                fresh.size(), sampled.size(), searches,
                o("pages-per-second", "0").equals("0") ? "unpaced" : "paced at " + o("pages-per-second", "0") + " pages of "
                        + PipelineCorpus.PAGE_SIZE + " per second", e2e);
        warmFigures(out, applied, pollers, watcher, t0, windowMs);
        if (searchable && fresh.size() < sampled.size()) problems.add((sampled.size() - fresh.size()) + " sampled records never found by search");
        for (var e : pids.entrySet()) {
            System.out.printf("RESULT pipeline: %-9s RSS %4d MB at the end, CPU %.2f ms per record%n", e.getKey(), ProcessCpu.rssMb(e.getValue()),
                    cpuUsed.get(e.getKey()) / (double) n);
        }
        cpuShares(cpuUsed, engines, n, windowMs);
        if (searchable) verify(n, datasets, es, alias);

        // ---- the raw reference: the same writes by plain clients
        // the raw chain makes the writes of the harvester, catalog and search: it runs once search holds every record
        if (searchable && !o("raw", "true").equals("false")) {
            double raw = rawChain(n, es);
            System.out.printf("RESULT pipeline: raw chain %.0f records/s; pipeline end-to-end / raw = %.1f%%%n", raw, 100 * e2e / raw);
        }
        problems.forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(problems.isEmpty() ? "RESULT pipeline: PASS (every record harvested, merged, indexed and tracked)"
                : "RESULT pipeline: FAIL (" + problems.size() + " problems above)");
        return problems.isEmpty();
    }

    static int found(List<SearchPoller> pollers) {
        return pollers.stream().mapToInt(p -> p.freshness.size()).sum();
    }

    /**
     * The tracker's lag and the freshness again, leaving out the first --warm-up-seconds of the run: four JVMs compile
     * their hot paths in those minutes on the same cores, so the whole run's maxima say how a cold start goes and
     * these say how the warm pipeline keeps up.
     */
    static void warmFigures(StageProgress out, StageProgress applied, List<SearchPoller> pollers, PublicationWatcher watcher,
            long t0, long windowMs) {
        long warmMs = Long.parseLong(o("warm-up-seconds", "300")) * 1000;
        if (warmMs <= 0) {
            return;
        }
        if (windowMs <= 2 * warmMs) {
            System.out.printf("bench: no figures after the warm-up: the run (%.0f s) is not twice the warm-up of %d s%n",
                    windowMs / 1000.0, warmMs / 1000);
            return;
        }
        List<Long> fresh = new ArrayList<>();
        for (SearchPoller p : pollers) {
            p.freshness.forEach((doi, ms) -> {
                Long published = watcher.publishedAt.get(doi);
                if (published != null && published - t0 >= warmMs) fresh.add(ms);
            });
        }
        fresh.sort(null);
        System.out.printf("RESULT pipeline: after the first %d s (the JIT's warm-up): reuse tracker at most %.1f s behind;"
                + " freshness p50 %.2f s, p95 %.2f s over the %d sampled records published after it%n", warmMs / 1000,
                StageProgress.maxBehindMs(out, applied, warmMs) / 1000.0, SearchBench.pct(fresh, 50) / 1000.0,
                SearchBench.pct(fresh, 95) / 1000.0, fresh.size());
    }

    static void stage(StageProgress s, long target, long t0) {
        if (s.reachedMs(target) < 0) {
            System.out.printf("RESULT pipeline: stage %-52s %7d of %d: NOT REACHED (first output at %.1f s)%n", s.name, s.last(), target,
                    s.startMs() / 1000.0);
            return;
        }
        System.out.printf("RESULT pipeline: stage %-52s %7d in %6.1f s from its first output (done at %6.1f s) = %6.0f /s%n", s.name, target,
                (s.reachedMs(target) - s.startMs() + INTERVAL_MS) / 1000.0, s.reachedMs(target) / 1000.0, s.rate(target, INTERVAL_MS));
    }

    static long esCount(String es, String index) {
        try {
            return get(es + "/" + index + "/_count").path("count").asLong();
        } catch (Exception e) {
            return 0; // the index appears with the first document
        }
    }

    /** The counts the corpus predicts, in the services' own tables and index. */
    static void verify(int n, long datasets, String es, String alias) throws Exception {
        try (Connection c = db()) {
            long[] got = CatalogBench.longs(c, "select (select count(*) from catalog.source_record where not deleted),"
                    + " (select count(*) from catalog.dataset where not withdrawn), (select count(*) from reuse.tracked_dataset),"
                    + " (select count(distinct dataset_id) from reuse.citation_link)");
            long articles = n / 2 + (n % 2);
            System.out.printf("bench: catalog holds %d source records and %d datasets, search %d documents, reuse tracker %d datasets"
                    + " (%d with a citation link)%n", got[0], got[1], esCount(es, alias), got[2], got[3]);
            if (got[0] != n) problems.add("catalog holds " + got[0] + " source records, not " + n);
            if (got[1] != datasets) problems.add("catalog holds " + got[1] + " datasets, not " + datasets);
            if (got[2] != datasets) problems.add("the reuse tracker tracks " + got[2] + " datasets, not " + datasets);
            if (got[3] == 0 && articles > 0) problems.add("the reuse tracker linked no dataset to its article");
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(o("jdbc", "jdbc:postgresql://127.0.0.1:15432/bic_pipebench"), "postgres", "");
    }

    /**
     * The same writes by plain clients, one after the other: the harvested records (as the harvester published
     * them, read back untimed) produced to a topic of their own, upserted into PostgreSQL in JDBC batches, and the
     * search documents (as search-service built them) sent to Elasticsearch with {@code _bulk}. Records per second
     * over the three.
     */
    static double rawChain(int n, String es) throws Exception {
        List<String[]> records = new ArrayList<>();
        try (KafkaConsumer<String, String> c = CatalogBench.fromStart(kafka(), topic(HarvestedRecord.TOPIC))) {
            while (records.size() < n) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) records.add(new String[] {r.key(), r.value()});
            }
        }
        Properties p = BenchKafka.producer(o("kafka", "127.0.0.1:19092"));
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String[] r : records) producer.send(new ProducerRecord<>(topic(RAW_TOPIC), r[0], r[1]));
            producer.flush();
        }
        double produce = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT pipeline: raw Kafka produce of %d records (acks=all) in %.1f s = %.0f records/s%n", n, produce, n / produce);

        double upsert;
        try (Connection c = db()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table raw_record (key text primary key, source text not null, native_id text not null,"
                        + " content_hash text not null, record jsonb not null)");
            }
            c.setAutoCommit(false);
            long t1 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into raw_record values (?, ?, ?, ?, ?::jsonb) on conflict (key) do update"
                    + " set content_hash = excluded.content_hash, record = excluded.record")) {
                int batch = 0;
                for (String[] r : records) {
                    JsonNode j = JSON.readTree(r[1]);
                    ps.setString(1, r[0]);
                    ps.setString(2, j.path("source").asText());
                    ps.setString(3, j.path("nativeId").asText());
                    ps.setString(4, j.path("contentHash").asText());
                    ps.setString(5, r[1]);
                    ps.addBatch();
                    if (++batch == 500) { ps.executeBatch(); c.commit(); batch = 0; }
                }
                ps.executeBatch();
                c.commit();
            }
            upsert = (System.nanoTime() - t1) / 1e9;
        }
        System.out.printf("RESULT pipeline: raw JDBC batch upsert of %d records (500 per batch and transaction) in %.1f s = %.0f records/s%n",
                n, upsert, n / upsert);
        records.clear();

        SearchBench.opt.put("index-prefix", o("index-prefix", "pipebench-"));
        String index = get(o("search", "") + "/api/v1/search/info").path("index").asText();
        long docs = esCount(es, index);
        double bulkRate = SearchBench.ingestRawBulk(es, index, Path.of(o("work", "target/pipebench")).resolve("raw-bulk.ndjson"));
        double bulk = docs / bulkRate;
        double total = produce + upsert + bulk;
        System.out.printf("RESULT pipeline: raw chain (produce %.1f s + upsert %.1f s + _bulk %.1f s of %d documents) = %.1f s for %d records%n",
                produce, upsert, bulk, docs, total, n);
        return n / total;
    }

    private PipelineBench() {}
}
