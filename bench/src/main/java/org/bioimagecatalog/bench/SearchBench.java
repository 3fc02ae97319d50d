package org.bioimagecatalog.bench;

// bin/bench search's engine (bin/bench runs it from the bench module's jar).
// Commands: topics-create | topics-delete | run. Options: --docs N --seed S --duration s --warmup s --connections 8,32
//   --facet-connections 1,8 --fresh-rate N --fresh-seconds S (0: no freshness phase) --raw-ingest true|false
//   --work DIR (corpus files)
//   --service URL --service-pid PID --es URL --kafka host:port --topic-prefix P --index-prefix P --fixtures DIR
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bioimagecatalog.model.*;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetQuality;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;
import org.bioimagecatalog.search.SearchConfig;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.bioimagecatalog.search.query.Facet;
import org.bioimagecatalog.search.query.FacetedSearchPlan;
import org.bioimagecatalog.search.query.SearchParameters;
import org.bioimagecatalog.search.query.SearchQueryBuilder;
import org.bioimagecatalog.search.query.SearchRequestParser;

public final class SearchBench {
    static final ObjectMapper JSON = ModelJson.mapper();
    static Map<String, String> opt = new HashMap<>();
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String o(String k, String d) { return opt.getOrDefault(k, d); }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        switch (args[0]) {
            case "topics-create" -> topics(true);
            case "topics-delete" -> topics(false);
            case "run" -> run();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---------------------------------------------------------------- topics
    static List<String> topicNames() {
        String p = o("topic-prefix", "bench.");
        return List.of(p + "datasets.v1", p + "reuse.summary.v1");
    }

    static void topics(boolean create) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", o("kafka", "127.0.0.1:19092")))) {
            if (create) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> todo = new ArrayList<>();
                for (String t : topicNames()) {
                    if (!existing.contains(t)) todo.add(new NewTopic(t, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
                }
                if (!todo.isEmpty()) admin.createTopics(todo).all().get();
                System.out.println("bench: topics ready: " + topicNames());
            } else {
                Set<String> existing = admin.listTopics().names().get();
                List<String> todo = topicNames().stream().filter(existing::contains).toList();
                if (!todo.isEmpty()) admin.deleteTopics(todo).all().get();
                System.out.println("bench: topics deleted: " + todo);
            }
        }
    }

    // ---------------------------------------------------------------- corpus from the fixtures (StudyCorpus)
    /** Synthesises documents: lengths, word frequencies and facet combinations drawn from the fixture studies. */
    static final class Corpus extends StudyCorpus {
        Corpus(StudyCorpus base) {
            super(base);
        }

        static String id(int n) { return String.format("bench-ds-%07d", n); }

        /** Event n of the seed's sequence: call in order 0, 1, 2, … (the draws depend on the ones before). */
        String event(int n) throws Exception {
            // each facet from an independently drawn fixture study: realistic marginals, mixed combinations
            DatasetMetadata t = pick(studies), d = pick(studies), f = pick(studies), g = pick(studies);
            String id = id(n);
            String source = pick(sources);
            String nativeId = source + String.format("%06d", n);
            LocalDate released = g.released() == null ? null : g.released().plusDays(rnd.nextInt(365) - 182);
            DatasetMetadata m = new DatasetMetadata(
                    text(titleWords, words(t.title()).size()), text(descWords, Math.max(5, words(d.description()).size())),
                    List.of(Identifier.of(source.equals("idr") ? Identifier.IDR : Identifier.URL, nativeId)),
                    "https://example.org/" + nativeId, List.of(), List.of(), f.organisms(), pick(studies).imagingMethods(),
                    f.studyTypes(), List.of(), d.keywords(), g.license(), released, released,
                    null, List.of(FileFormat.ofLabel(pick(List.of("OME-TIFF", "OME-Zarr", "TIFF", "CZI", "ND2")))), List.of(), List.of(), List.of());
            String eventId = new UUID(rnd.nextLong(), rnd.nextLong()).toString(), hash = Long.toHexString(rnd.nextLong());
            DatasetQuality quality = new DatasetQuality(30 + rnd.nextInt(71), List.of()); // as catalog-service scores
            DatasetChanged e = new DatasetChanged(eventId, 1, id, Instant.parse("2026-01-01T00:00:00Z"), hash, "bench", id, 1,
                    List.of(new SourceRecordRef(source + ":" + nativeId, source, nativeId, "https://example.org/" + nativeId)), m, quality);
            return JSON.writeValueAsString(e);
        }
    }

    // ---------------------------------------------------------------- HTTP helpers
    static JsonNode call(String method, String url, String body, String type) throws Exception {
        return call(method, url, body, type, Duration.ofSeconds(120));
    }

    static JsonNode call(String method, String url, String body, String type, Duration timeout) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", type);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    static long count(String es, String index) throws Exception {
        return call("GET", es + "/" + index + "/_count", null, null).path("count").asLong();
    }

    // ---------------------------------------------------------------- CPU accounting (/proc, Linux)
    static long servicePid = -1, esPid = -1;

    /** {service, Elasticsearch, service JIT, service GC} CPU so far, in ms. */
    static long[] cpu() {
        long[] service = ProcessCpu.withJitAndGc(servicePid);
        return new long[] {service[0], ProcessCpu.ms(esPid), service[1], service[2]};
    }

    static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    static String cpuText(long[] used, double n, String unit) {
        return String.format("CPU per %s: search-service %.2f ms (of which JIT %.2f, GC %.2f), Elasticsearch %.2f ms", unit,
                used[0] / n, used[2] / n, used[3] / n, used[1] / n);
    }

    static String cpuPer(long[] before, double n, String unit) {
        return cpuText(minus(cpu(), before), n, unit);
    }

    // ---------------------------------------------------------------- run
    static void run() throws Exception {
        int docs = Integer.parseInt(o("docs", "100000"));
        long seed = Long.parseLong(o("seed", "42"));
        String es = o("es", "http://127.0.0.1:19200"), service = o("service", "http://127.0.0.1:18583");
        String alias = o("index-prefix", "bench-") + "datasets";
        Path fixtures = Path.of(o("fixtures", "../shared/fixtures"));
        Path work = Files.createDirectories(Path.of(o("work", "target/bench")));
        servicePid = Long.parseLong(o("service-pid", "-1"));
        // the node's own pid: other Elasticsearch processes may run on the machine (bin/chaos starts a private stack)
        esPid = call("GET", es + "/_nodes/_local/process?filter_path=nodes.*.process.id", null, null).path("nodes")
                .elements().next().path("process").path("id").asLong(-1);

        StudyCorpus studies = StudyCorpus.of(fixtures, seed);
        System.out.printf("bench: corpus model from %d IDR fixture studies; source weights (fixture files) %s%n", studies.studyCount(), studies.sourceShares());
        Corpus corpus = new Corpus(studies);
        if (!Boolean.parseBoolean(o("ingest", "true"))) {
            // the search phases again on the index a run kept (BIC_BENCH_KEEP=1): the queries come from the same
            // seeded corpus model, so they are the queries of that run
            JsonNode kept = call("GET", service + "/api/v1/search/info", null, null);
            if (kept.path("documents").asLong() != docs) {
                throw new IllegalStateException("--ingest false needs the index of an earlier run with --docs " + docs
                        + " (kept with BIC_BENCH_KEEP=1); " + kept.path("index").asText() + " holds "
                        + kept.path("documents").asLong() + " documents");
            }
            System.out.printf("bench: --ingest false: measuring search on %s as kept, %d documents%n",
                    kept.path("index").asText(), docs);
            searchPhases(corpus, es, service, kept.path("index").asText(), alias, kept.path("analyzer").asText());
            return;
        }
        // streamed to a file (untimed), never held in memory: 1M events are ~2 GB
        Path eventsFile = work.resolve("events.tsv");
        long t0 = System.nanoTime();
        long bytes = 0;
        try (var out = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < docs; i++) {
                String e = corpus.event(i);
                bytes += e.length();
                out.write(Corpus.id(i));
                out.write('\t');
                out.write(e);
                out.write('\n');
            }
        }
        System.out.printf("bench: generated %d DatasetChanged events (seed %d, avg %d bytes) into %s in %.1f s%n", docs, seed,
                bytes / Math.max(1, docs), eventsFile, (System.nanoTime() - t0) / 1e9);

        JsonNode info = call("GET", service + "/api/v1/search/info", null, null);
        String index = info.path("index").asText();
        System.out.printf("bench: search-service serves %s (alias %s, analyzer %s), %d documents before%n", index, alias,
                info.path("analyzer").asText(), info.path("documents").asLong());
        Properties p = BenchKafka.producer(o("kafka", "127.0.0.1:19092"));
        String topic = topicNames().get(0);

        double serviceRate = ingestThroughService(p, topic, eventsFile, docs, info.path("documents").asLong(), es, alias);
        Files.deleteIfExists(eventsFile);
        if (Boolean.parseBoolean(o("raw-ingest", "true"))) {
            double rawRate = ingestRawBulk(es, index, work.resolve("raw-bulk.ndjson"));
            System.out.printf("RESULT ingest: ratio search-service/raw = %.0f%% (target >= 50%%)%n", 100 * serviceRate / rawRate);
        } else {
            System.out.println("bench: raw _bulk ingest skipped (--raw-ingest false)");
        }

        searchPhases(corpus, es, service, index, alias, info.path("analyzer").asText());

        // ---- freshness: a steady stream of new records, each timed from publish until a search finds it
        if (Integer.parseInt(o("fresh-seconds", "30")) > 0) {
            freshness(corpus, docs, p, topic, es, alias);
        } else {
            System.out.println("bench: freshness phase skipped (--fresh-seconds 0)");
        }
    }

    /**
     * The search phases: the same queries through search-service and straight to Elasticsearch (shared cores, then
     * Elasticsearch on a core of its own), then faceted search.
     */
    static void searchPhases(Corpus corpus, String es, String service, String index, String alias, String analyzer)
            throws Exception {
        // ---- search: the same queries through search-service and straight to Elasticsearch
        System.out.println("bench: refresh + force merge of " + index + " (so that merges left over from the ingest do not run during one side's measurement)");
        call("POST", es + "/" + index + "/_refresh", null, null);
        // merging 1M documents into one segment takes minutes on two cores
        call("POST", es + "/" + index + "/_forcemerge?max_num_segments=1", null, null, Duration.ofMinutes(30));
        long indexed = count(es, alias);
        // a faceted search with filters sends searches of size 0 (FacetedSearchPlan), which Elasticsearch caches
        // per shard until the next refresh; the phases repeat their queries on an index that no longer changes,
        // so with the cache on they would time cache hits, which a catalog being harvested into sees far less
        call("PUT", es + "/" + index + "/_settings", "{\"index.requests.cache.enable\": false}", "application/json");
        QueryPairs pairs = new QueryPairs(analyzer, service, es, alias);
        List<String[]> queries = searchQueries(corpus, pairs, 200);
        int duration = Integer.parseInt(o("duration", "20")), warmup = Integer.parseInt(o("warmup", "5"));
        System.out.printf("bench: search on %d documents: %d distinct queries (title words, organism/method/licence filters, year ranges, facets only); each side measured ABBA in two halves, each after %d s warm-up, %d s in all%n",
                indexed, queries.size(), warmup, duration);
        // steady state is what is compared: the service's JIT compiles its hot paths in the first thousands of
        // requests, which the per-half warm-up alone does not cover at the first connection count
        int prewarm = Integer.parseInt(o("prewarm", "60"));
        if (prewarm > 0) {
            System.out.printf("bench: pre-warm: %d s of searches through search-service (untimed)%n", prewarm);
            load(queries, 8, false, 0, prewarm);
        }
        for (String c : o("connections", "8,32").split(",")) {
            if (c.equals("none")) break;
            int conns = Integer.parseInt(c.strip());
            printSearch("search c=" + conns, abba(queries, conns, warmup, duration));
        }
        // ---- the same with Elasticsearch on a core of its own, as in a deployment where it runs on its own nodes:
        // on two shared cores every millisecond of service CPU also delays Elasticsearch's work for other requests
        String split = o("split-connections", o("connections", "8,32"));
        int cores = Runtime.getRuntime().availableProcessors();
        if (!split.equals("none") && cores >= 2 && servicePid > 0 && esPid > 0) {
            System.out.printf("bench: search again with Elasticsearch pinned to CPU %d and search-service + this load generator to the others (taskset -a -p)%n", cores - 1);
            String esCpu = String.valueOf(cores - 1), rest = cores == 2 ? "0" : "0-" + (cores - 2), all = "0-" + (cores - 1);
            try {
                pin(esPid, esCpu);
                pin(servicePid, rest);
                pin(ProcessHandle.current().pid(), rest);
                for (String c : split.split(",")) {
                    int conns = Integer.parseInt(c.strip());
                    printSearch("search c=" + conns + " split", abba(queries, conns, warmup, duration));
                }
            } finally {
                for (long pid : new long[] {esPid, servicePid, ProcessHandle.current().pid()}) pin(pid, all);
            }
        }

        // ---- faceted search (issue 8): every facet, a filter or two, with and without text
        List<String[]> facetQueries = facetQueries(corpus, pairs, 100);
        System.out.printf("bench: faceted search on %d documents: %d distinct queries (all 9 facets each; no filter, one or two filters, with and without text), ABBA as above%n",
                indexed, facetQueries.size());
        for (String c : o("facet-connections", "1,8").split(",")) {
            if (c.equals("none")) break;
            int conns = Integer.parseInt(c.strip());
            Load[] sides = abba(facetQueries, conns, warmup, duration);
            Load raw = sides[0], svc = sides[1];
            System.out.printf("RESULT facets c=%d: raw ES        %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, %d errors; %s)%n", conns, raw.rps, raw.p50, raw.p99, raw.n, raw.errors, raw.cpu);
            System.out.printf("RESULT facets c=%d: search-service %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, %d errors; %s)%n", conns, svc.rps, svc.p50, svc.p99, svc.n, svc.errors, svc.cpu);
            System.out.printf("RESULT facets c=%d: %d documents, search-service p50 %.2f ms (target < 100 ms: %s), added p50 %+.2f ms, added p99 %+.2f ms, throughput ratio %.0f%%%n",
                    conns, indexed, svc.p50, svc.p50 < 100 ? "met" : "not met", svc.p50 - raw.p50, svc.p99 - raw.p99, 100 * svc.rps / raw.rps);
        }

    }

    /** Publishes the events file and times from the first send until the alias counts them all. */
    static double ingestThroughService(Properties producerConfig, String topic, Path eventsFile, int docs, long before,
            String es, String alias) throws Exception {
        long[] cpu0 = cpu();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
                var in = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                producer.send(new ProducerRecord<>(topic, line.substring(0, tab), line.substring(tab + 1)));
            }
            producer.flush();
        }
        double published = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench: published %d events to %s in %.1f s; waiting for search-service to index them%n", docs, topic, published);
        long seen = 0, lastPrint = System.nanoTime(), limit = Math.max(3600, docs / 100) * 1_000_000_000L;
        while (seen < before + docs) {
            Thread.sleep(200);
            seen = count(es, alias);
            if (System.nanoTime() - lastPrint > 10e9) { System.out.printf("bench:   %d/%d indexed%n", seen - before, docs); lastPrint = System.nanoTime(); }
            if (System.nanoTime() - start > limit) throw new IllegalStateException("not indexed within " + limit / 1_000_000_000L + " s");
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT ingest: search-service (Kafka -> index, visible) %d docs in %.1f s = %.0f records/s (%s)%n", docs, secs,
                docs / secs, cpuPer(cpu0, docs / 1000.0, "1000 docs"));
        return docs / secs;
    }

    /**
     * Raw {@code _bulk} of the documents exactly as search-service built them into a twin index (same settings and
     * mapping), 500 per request (the service's poll size), one request at a time. The documents are read back from
     * the service's index into a file first (untimed), so that memory does not grow with the corpus.
     */
    static double ingestRawBulk(String es, String index, Path bulkFile) throws Exception {
        String twin = o("index-prefix", "bench-") + "raw-bulk";
        try { call("DELETE", es + "/" + twin, null, null); } catch (IllegalStateException ignored) { }
        JsonNode mapping = call("GET", es + "/" + index + "/_mapping", null, null).path(index).path("mappings");
        JsonNode settings = call("GET", es + "/" + index + "/_settings", null, null).path(index).path("settings").path("index");
        ObjectNode create = JSON.createObjectNode();
        ObjectNode s = create.putObject("settings");
        for (String k : List.of("number_of_shards", "number_of_replicas", "analysis", "refresh_interval", "max_result_window")) {
            if (settings.has(k)) s.set(k, settings.get(k));
        }
        create.set("mappings", mapping);
        call("PUT", es + "/" + twin, JSON.writeValueAsString(create), "application/json");
        long t0 = System.nanoTime();
        long docs = 0;
        try (var out = Files.newBufferedWriter(bulkFile, StandardCharsets.UTF_8)) {
            JsonNode after = null;
            while (true) {
                // sorted by the unique id, not _doc: Lucene doc ids change when segments merge between two pages,
                // and a _doc-ordered walk then repeats some documents and misses others
                ObjectNode q = JSON.createObjectNode().put("size", 5000);
                q.putArray("sort").addObject().put("id", "asc");
                if (after != null) q.set("search_after", after);
                JsonNode hits = call("POST", es + "/" + index + "/_search", JSON.writeValueAsString(q), "application/json").path("hits").path("hits");
                if (hits.isEmpty()) break;
                for (JsonNode h : hits) {
                    out.write("{\"index\":{\"_id\":" + JSON.writeValueAsString(h.path("_id").asText()) + "}}\n");
                    out.write(JSON.writeValueAsString(h.path("_source")));
                    out.write('\n');
                    after = h.path("sort");
                    docs++;
                }
            }
        }
        System.out.printf("bench: read %d documents back from %s into %s (untimed) in %.1f s; raw _bulk into %s%n", docs, index,
                bulkFile, (System.nanoTime() - t0) / 1e9, twin);
        long[] cpu0 = cpu();
        long start = System.nanoTime();
        try (var in = Files.newBufferedReader(bulkFile, StandardCharsets.UTF_8)) {
            StringBuilder b = new StringBuilder();
            int inBatch = 0;
            for (String action; (action = in.readLine()) != null; ) {
                b.append(action).append('\n').append(in.readLine()).append('\n');
                if (++inBatch == 500) { rawBulk(es, twin, b); b.setLength(0); inBatch = 0; }
            }
            if (inBatch > 0) rawBulk(es, twin, b);
        }
        while (count(es, twin) < docs) {
            Thread.sleep(200);
            if (System.nanoTime() - start > Math.max(3600, docs / 100) * 1_000_000_000L) {
                throw new IllegalStateException(twin + " holds " + count(es, twin) + " of the " + docs + " documents sent");
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT ingest: raw _bulk (500/request, same %d documents, visible) in %.1f s = %.0f records/s (%s)%n", docs, secs,
                docs / secs, cpuPer(cpu0, docs / 1000.0, "1000 docs"));
        call("DELETE", es + "/" + twin, null, null);
        Files.deleteIfExists(bulkFile);
        return docs / secs;
    }

    static void rawBulk(String es, String twin, CharSequence body) throws Exception {
        JsonNode r = call("POST", es + "/" + twin + "/_bulk", body.toString(), "application/x-ndjson");
        if (r.path("errors").asBoolean()) throw new IllegalStateException("raw bulk had errors: " + r.toString().substring(0, 500));
    }

    static void printSearch(String label, Load[] sides) {
        Load raw = sides[0], svc = sides[1];
        System.out.printf("RESULT %s: raw ES        %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, %d errors; %s)%n", label, raw.rps, raw.p50, raw.p99, raw.n, raw.errors, raw.cpu);
        System.out.printf("RESULT %s: search-service %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, %d errors; %s)%n", label, svc.rps, svc.p50, svc.p99, svc.n, svc.errors, svc.cpu);
        System.out.printf("RESULT %s: throughput ratio %.0f%% (target >= 90%%), added p50 %+.2f ms (target <= 3 ms), added p99 %+.2f ms%n",
                label, 100 * svc.rps / raw.rps, svc.p50 - raw.p50, svc.p99 - raw.p99);
    }

    /** Sets the CPU affinity of every thread of a process (threads it starts later inherit it). */
    static void pin(long pid, String cpus) throws Exception {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("taskset -a -p -c " + cpus + " " + pid + " failed: " + out);
    }

    /** raw, service, service, raw (half the duration each), so a drift in the machine's load falls on both sides alike. */
    static Load[] abba(List<String[]> queries, int conns, int warmup, int duration) throws Exception {
        int half = Math.max(1, duration / 2);
        Load raw1 = load(queries, conns, true, warmup, half);
        Load svc1 = load(queries, conns, false, warmup, half);
        Load svc2 = load(queries, conns, false, warmup, half);
        Load raw2 = load(queries, conns, true, warmup, half);
        return new Load[] {merge(raw1, raw2, half), merge(svc1, svc2, half)};
    }

    /**
     * Publishes new events at a steady rate (--fresh-rate, default 500/s, for --fresh-seconds, default 30) and polls
     * the alias every 50 ms with an ids query for the ones not yet seen: freshness = first seen by a search minus
     * the moment the event was handed to the producer. The poll interval bounds the resolution (+0..50 ms).
     */
    static final int POLL_CHUNK = 5_000;

    static void freshness(Corpus corpus, int offset, Properties producerConfig, String topic, String es, String alias) throws Exception {
        int rate = Integer.parseInt(o("fresh-rate", "500")), seconds = Integer.parseInt(o("fresh-seconds", "30"));
        int n = rate * seconds;
        List<String> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) events.add(corpus.event(offset + i));
        Map<String, Long> pending = new ConcurrentHashMap<>();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            try {
                long deadline = Long.MAX_VALUE;
                while (!pending.isEmpty() || sending.get()) {
                    if (!sending.get() && deadline == Long.MAX_VALUE) deadline = System.nanoTime() + 120_000_000_000L;
                    if (System.nanoTime() > deadline) break;
                    Thread.sleep(50);
                    List<String> ids = new ArrayList<>(pending.keySet());
                    // a service that falls behind leaves more ids pending than one search may return
                    // (index.max_result_window, 10,000): ask for them in chunks, all in each round
                    for (int from = 0; from < ids.size(); from += POLL_CHUNK) {
                        ObjectNode q = JSON.createObjectNode().put("_source", false);
                        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + POLL_CHUNK));
                        q.put("size", chunk.size());
                        chunk.forEach(q.putObject("query").putObject("ids").putArray("values")::add);
                        JsonNode hits = call("POST", es + "/" + alias + "/_search", JSON.writeValueAsString(q), "application/json").path("hits").path("hits");
                        long now = System.nanoTime();
                        for (JsonNode h : hits) {
                            Long sent = pending.remove(h.path("_id").asText());
                            if (sent != null) delays.add(now - sent);
                        }
                    }
                }
            } catch (Exception e) {
                System.out.println("bench: freshness poller failed: " + e);
            }
        }, "freshness-poller");
        System.out.printf("bench: freshness: publishing %d new events at %d/s for %d s%n", n, rate, seconds);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            poller.start();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                String id = Corpus.id(offset + i);
                pending.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, id, events.get(i)));
            }
            producer.flush();
            double achieved = n / ((System.nanoTime() - start) / 1e9);
            sending.set(false);
            poller.join();
            List<Long> sorted = new ArrayList<>(delays);
            Collections.sort(sorted);
            System.out.printf("RESULT freshness (publish on datasets.v1 -> found by a search, %.0f records/s for %d s): p50 %.0f ms  p95 %.0f ms  max %.0f ms  (%d records, %d not seen within 120 s; target p95 <= 2000 ms)%n",
                    achieved, seconds, pct(sorted, 50) / 1e6, pct(sorted, 95) / 1e6, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                    sorted.size(), pending.size());
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Builds {service URL, ES URL, ES body} triples; the ES body is what search-service's own parser and query
     * builder produce (with the service's default configuration and the analyser the index reports).
     */
    static final class QueryPairs {
        final SearchConfig config = (SearchConfig) defaults(SearchConfig.class);
        final SearchRequestParser parser = new SearchRequestParser(config);
        final SearchQueryBuilder builder = new SearchQueryBuilder(config);
        final TextAnalysis analysis;
        final String service, es, alias;

        /** {@code es}: the cluster's URL; {@code alias}: the index searched. */
        QueryPairs(String analyzer, String service, String es, String alias) {
            this.analysis = new TextAnalysis(analyzer);
            this.service = service;
            this.es = es;
            this.alias = alias;
        }

        String[] of(String q, Map<Facet, List<String>> filters, String from, String to) throws Exception {
            StringBuilder url = new StringBuilder(service + "/api/v1/search?size=20");
            if (q != null) url.append("&q=").append(enc(q));
            filters.forEach((f, vs) -> vs.forEach(v -> url.append('&').append(f.param()).append('=').append(enc(v))));
            if (from != null) url.append("&releasedFrom=").append(from).append("&releasedTo=").append(to);
            var request = parser.parse(new SearchParameters(q, filters, null, "20", from, to, null, null, null, null));
            // the service's own plan: one _search, or with filters the _msearch it sends (FacetedSearchPlan)
            FacetedSearchPlan plan = builder.plan(builder.build(request, analysis));
            return plan.single()
                    ? new String[] {url.toString(), es + "/" + alias + "/_search", JSON.writeValueAsString(plan.body())}
                    : new String[] {url.toString(), es + "/_msearch", plan.msearch(alias)};
        }
    }

    static List<String> queryWords(Corpus corpus) {
        return corpus.titleWords.stream().map(w -> w.replaceAll("[^A-Za-z0-9-]", "")).filter(w -> w.length() > 3).toList();
    }

    /** The search phase's mix: text, text + filter, filters alone, year ranges; every query asks for all facets. */
    static List<String[]> searchQueries(Corpus corpus, QueryPairs pairs, int n) throws Exception {
        Random rnd = new Random(7);
        List<String> words = queryWords(corpus);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DatasetMetadata st = corpus.studies.get(rnd.nextInt(corpus.studies.size()));
            String q = null, from = null, to = null;
            Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
            switch (i % 6) {
                case 0 -> q = words.get(rnd.nextInt(words.size()));
                case 1 -> q = words.get(rnd.nextInt(words.size())) + " " + words.get(rnd.nextInt(words.size()));
                case 2 -> { q = words.get(rnd.nextInt(words.size()));
                    if (!st.organisms().isEmpty()) filters.put(Facet.ORGANISM, List.of(st.organisms().get(0).label())); }
                case 3 -> { if (!st.imagingMethods().isEmpty()) filters.put(Facet.IMAGING_METHOD, List.of(st.imagingMethods().get(0).label()));
                    if (!st.organisms().isEmpty()) filters.put(Facet.ORGANISM, List.of(st.organisms().get(0).label())); }
                case 4 -> { q = st.organisms().isEmpty() ? "cells" : st.organisms().get(0).label(); from = "2016"; to = "2022"; }
                default -> { if (st.license() != null) filters.put(Facet.LICENSE, List.of(licence(st))); }
            }
            out.add(pairs.of(q, filters, from, to));
        }
        return out;
    }

    static String licence(DatasetMetadata st) {
        return st.license().spdx() != null ? st.license().spdx() : st.license().label();
    }

    /**
     * The faceted-search phase's mix (issue 8), in turn: every facet over the whole index (a portal's landing
     * page); one filter; two filters; a word and one filter; a word and two filters. All facets in every query.
     */
    static List<String[]> facetQueries(Corpus corpus, QueryPairs pairs, int n) throws Exception {
        Random rnd = new Random(11);
        List<String> words = queryWords(corpus);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DatasetMetadata st = corpus.studies.get(rnd.nextInt(corpus.studies.size()));
            String organism = st.organisms().isEmpty() ? null : st.organisms().get(0).label();
            String method = st.imagingMethods().isEmpty() ? null : st.imagingMethods().get(0).label();
            String source = corpus.sources.get(rnd.nextInt(corpus.sources.size()));
            String q = null;
            Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
            switch (i % 5) {
                case 0 -> { }
                case 1 -> { if (organism != null) filters.put(Facet.ORGANISM, List.of(organism)); else filters.put(Facet.SOURCE, List.of(source)); }
                case 2 -> { filters.put(Facet.SOURCE, List.of(source));
                    if (st.license() != null) filters.put(Facet.LICENSE, List.of(licence(st))); }
                case 3 -> { q = words.get(rnd.nextInt(words.size()));
                    if (method != null) filters.put(Facet.IMAGING_METHOD, List.of(method)); else filters.put(Facet.SOURCE, List.of(source)); }
                default -> { q = words.get(rnd.nextInt(words.size()));
                    filters.put(Facet.SOURCE, List.of(source));
                    if (organism != null) filters.put(Facet.ORGANISM, List.of(organism)); }
            }
            out.add(pairs.of(q, filters, null, null));
        }
        return out;
    }

    /** Whether an _msearch answer holds a failed search (its {@code "error"} object). */
    static boolean failedInside(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).contains("\"error\":{");
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** A config interface answered with its @WithDefault values: what the service runs with unless overridden. */
    static Object defaults(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> {
            if (m.getDeclaringClass() == Object.class) return m.getName().equals("toString") ? type.getName() : null;
            Class<?> r = m.getReturnType();
            if (r == Optional.class) return Optional.empty();
            WithDefault d = m.getAnnotation(WithDefault.class);
            if (r == List.class && d != null) return List.of(d.value().split(","));
            if (r.isInterface()) return defaults(r);
            if (d == null) throw new IllegalStateException("no default for " + m);
            String v = d.value();
            if (r == int.class) return Integer.parseInt(v);
            if (r == long.class) return Long.parseLong(v);
            if (r == double.class) return Double.parseDouble(v);
            if (r == boolean.class) return Boolean.parseBoolean(v);
            if (r == Duration.class) return Duration.parse(v);
            return v;
        });
    }

    // ---------------------------------------------------------------- load generator
    record Load(double rps, double p50, double p99, long n, long errors, String cpu, long[] lat, long[] cpuMs) {}

    static Load merge(Load a, Load b, int half) {
        long[] all = Arrays.copyOf(a.lat(), a.lat().length + b.lat().length);
        System.arraycopy(b.lat(), 0, all, a.lat().length, b.lat().length);
        Arrays.sort(all);
        long n = Math.max(1, all.length);
        long[] used = new long[a.cpuMs().length];
        for (int i = 0; i < used.length; i++) used[i] = a.cpuMs()[i] + b.cpuMs()[i];
        String cpu = cpuText(used, n, "request");
        if (all.length == 0) return new Load(0, 0, 0, 0, a.errors() + b.errors(), cpu, all, used);
        return new Load(all.length / (2.0 * half), all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, all.length * 0.99)] / 1e6,
                all.length, a.errors() + b.errors(), cpu, all, used);
    }

    static Load load(List<String[]> queries, int conns, boolean raw, int warmup, int duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(conns);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L, end = warmEnd + duration * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < conns; t++) {
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[1 << 16];
                int k = 0;
                while (true) {
                    String[] q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
                    boolean multi = q[1].endsWith("/_msearch");
                    HttpRequest r = raw
                            ? HttpRequest.newBuilder(URI.create(q[1]))
                                    .header("Content-Type", multi ? "application/x-ndjson" : "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(q[2])).build()
                            : HttpRequest.newBuilder(URI.create(q[0])).GET().build();
                    long s0 = System.nanoTime();
                    if (s0 >= end) break;
                    HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
                    long s1 = System.nanoTime();
                    if (s0 >= warmEnd && s1 <= end) {
                        // an _msearch answers 200 with the failure of one of its searches inside
                        if (resp.statusCode() != 200 || (multi && raw && failedInside(resp.body()))) errors.incrementAndGet();
                        if (k == lat.length) lat = Arrays.copyOf(lat, k * 2);
                        lat[k++] = s1 - s0;
                    }
                }
                return Arrays.copyOf(lat, k);
            }));
        }
        Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
        long[] cpu0 = cpu();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long[] cpu1 = cpu();
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            long[] m = Arrays.copyOf(all, all.length + l.length);
            System.arraycopy(l, 0, m, all.length, l.length);
            all = m;
        }
        pool.shutdown();
        Arrays.sort(all);
        long[] cpuMs = minus(cpu1, cpu0);
        String cpu = cpuText(cpuMs, Math.max(1, all.length), "request");
        if (all.length == 0) return new Load(0, 0, 0, 0, errors.get(), cpu, all, cpuMs);
        return new Load(all.length / (double) duration, all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, all.length * 0.99)] / 1e6,
                all.length, errors.get(), cpu, all, cpuMs);
    }
}
