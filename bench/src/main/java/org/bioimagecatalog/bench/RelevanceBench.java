package org.bioimagecatalog.bench;

// bin/bench relevance: the relevance benchmark of forgiving search (see bin/lib/relevance-bench.sh, bench/relevance/README.md).
// Commands:
//   generate --fixtures DIR --sources TSV --out FILE     writes the query set from every recorded archive of the fixtures
//   publish  --fixtures DIR --sources TSV --kafka H:P --topic-prefix P   publishes every record as a DatasetChanged on <P>datasets.v1
//   topic-delete --kafka H:P --topic-prefix P              deletes <P>datasets.v1 and <P>reuse.summary.v1
//   run      --queries FILE --service URL [--expect N] [--parallel P (4)]   runs the query set, prints recall@10 and MRR per kind
// Every record is read by the harvester's own connectors and mappers, so the indexed records are the harvested ones.
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.*;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.catalog.merge.MatchKeys;
import org.bioimagecatalog.harvester.bbbc.BbbcConnector;
import org.bioimagecatalog.harvester.bia.BioStudiesConnector;
import org.bioimagecatalog.harvester.cpg.CellPaintingGalleryConnector;
import org.bioimagecatalog.harvester.datacite.DataciteJsonMapper;
import org.bioimagecatalog.harvester.empiar.EmpiarConnector;
import org.bioimagecatalog.harvester.gide.GideRoCrateConnector;
import org.bioimagecatalog.harvester.idr.IdrStudyFileConnector;
import org.bioimagecatalog.harvester.oaipmh.DataciteXmlMapper;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.harvester.zenodo.ZenodoRecordMapper;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;

public final class RelevanceBench {
    static final List<String> KINDS = List.of("title", "prefix", "description", "typo", "accession", "doi");
    /** Words too common to be distinctive, whatever their frequency in this corpus. */
    static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "this", "that", "were", "was", "are",
            "which", "into", "using", "used", "each", "their", "these", "those", "have", "has", "been", "also", "than",
            "other", "such", "both", "between", "within", "after", "during", "study", "data", "images", "image");

    static Map<String, String> opts = new HashMap<>();

    static String o(String k) {
        String v = opts.get(k);
        if (v == null) throw new IllegalArgumentException("--" + k + " is required");
        return v;
    }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i + 1 < args.length; i += 2) opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate();
            case "publish" -> publish();
            case "topic-delete" -> deleteTopic();
            case "run" -> run();
            default -> throw new IllegalArgumentException("command: generate | publish | topic-delete | run");
        }
    }

    // ------------------------------------------------------------------ the records, as the harvester reads them
    /**
     * One harvested record: the record key's archive and native id (as the catalog keys source records), its
     * metadata, and the catalog's match keys (the catalog merges records that share one into one dataset).
     */
    record Record(String archive, String nativeId, DatasetMetadata metadata, Set<String> matchKeys) {
        String key() { return archive + ":" + nativeId; }

        String datasetId() { return datasetId(key()); }

        static String datasetId(String key) { return "rel-" + key.replaceAll("[^A-Za-z0-9._-]", "_"); }
    }

    /** How each source of {@code fixtures/shared-sources.tsv} is harvested: its connector and configured archive. */
    record Source(String name, SourceConnector connector, String archive) {}

    static final PoliteHttpClient LOCAL_FILES = new PoliteHttpClient(new HttpSettings("BioImageCatalog-bench/1",
            Duration.ofSeconds(5), Duration.ofSeconds(20), 1, Duration.ofMillis(10), Duration.ofMillis(50), 4, 50_000_000));

    /** The connector and archive of a source of shared-sources.tsv, as harvester-service's application.properties has them. */
    static Source source(String name) {
        return switch (name) {
            case "idr" -> new Source(name, new IdrStudyFileConnector(LOCAL_FILES), "idr");
            case "bia" -> new Source(name, new BioStudiesConnector(LOCAL_FILES), "bia");
            case "empiar" -> new Source(name, new EmpiarConnector(LOCAL_FILES), "empiar");
            case "bbbc" -> new Source(name, new BbbcConnector(LOCAL_FILES), "bbbc");
            case "cpg" -> new Source(name, new CellPaintingGalleryConnector(LOCAL_FILES), "cpg");
            case "ssbd" -> new Source(name, new GideRoCrateConnector(LOCAL_FILES), "ssbd");
            default -> {
                if (!name.endsWith("-crates")) throw new IllegalArgumentException("no connector for source " + name);
                yield new Source(name, new GideRoCrateConnector(LOCAL_FILES), name.substring(0, name.length() - "-crates".length()));
            }
        };
    }

    /**
     * The generic repositories' records (DataCite-registered DOIs: Zenodo, figshare, Dryad, ...), named as the
     * harvester's DataCite sources are: by the DOI prefix of application.properties; other prefixes as {@code datacite}.
     */
    static final Map<String, String> GENERIC_BY_PREFIX = Map.of("10.5281", "zenodo", "10.6084", "figshare", "10.5061", "dryad",
            "10.7910", "dataverse", "10.17605", "osf", "10.21227", "ieee-dataport", "10.7937", "tcia", "10.7295", "cil");

    /**
     * Every record of the recorded archives: the sources of {@code sources} (the archives bin/catalog up harvests,
     * each read by its connector), then the generic repositories' recorded responses (Zenodo REST, DataCite REST JSON
     * and DataCite XML, each read by its mapper). One record per record key, the first read: an IDR study file and
     * the GIDE RO-Crate made from it are one source record in the catalog too.
     */
    static List<Record> records(Path fixtures, Path sources) throws Exception {
        Map<String, Record> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sources, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            Source source = source(c[0]);
            Path folder = fixtures.resolve(c[1]);
            if (!Files.isDirectory(folder)) {
                System.err.println("bench: no folder " + folder + " for source " + c[0] + ": skipped");
                continue;
            }
            SourceListing listing = source.connector().open(folder.toString());
            List<Record> read = new ArrayList<>();
            for (String entry : listing.entries()) {
                try {
                    HarvestedItem item = listing.read(entry);
                    read.add(record(item.archive() != null ? item.archive() : source.archive(), item.nativeId(), item.metadata()));
                } catch (RecordRejectedException e) {
                    // the fixtures hold deliberately broken records; the harvester rejects them too
                }
            }
            read.stream().sorted(Comparator.comparing(Record::key)).forEach(r -> byKey.putIfAbsent(r.key(), r));
        }
        List<Record> generic = new ArrayList<>();
        ZenodoRecordMapper zenodo = new ZenodoRecordMapper();
        for (JsonNode hit : jsonItems(fixtures.resolve("zenodo/legacy-rest-api"), "/hits/hits")) {
            Optional<String> id = ZenodoRecordMapper.id(hit);
            if (id.isPresent()) mapped(generic, "zenodo", id.get(), () -> zenodo.map(hit));
        }
        DataciteJsonMapper dataciteJson = new DataciteJsonMapper();
        for (JsonNode item : jsonItems(fixtures.resolve("datacite/rest-api-dois"), "/data")) {
            Optional<String> doi = DataciteJsonMapper.doi(item);
            if (doi.isPresent()) mapped(generic, genericArchive(doi.get()), doi.get(), () -> dataciteJson.map(item));
        }
        DataciteXmlMapper dataciteXml = new DataciteXmlMapper();
        for (String folder : List.of("datacite/metadata-xml", "oai-pmh/datacite-xml-payloads")) {
            for (Path file : files(fixtures.resolve(folder), ".xml")) {
                try {
                    DatasetMetadata m = dataciteXml.map(Files.readAllBytes(file));
                    m.identifiers().stream().filter(i -> Identifier.DOI.equals(i.scheme())).findFirst()
                            .ifPresent(doi -> generic.add(record(genericArchive(doi.value()), doi.value(), m)));
                } catch (Exception e) {
                    // not a DataCite resource the harvester can use
                }
            }
        }
        generic.stream().sorted(Comparator.comparing(Record::key)).forEach(r -> byKey.putIfAbsent(r.key(), r));
        return List.copyOf(byKey.values());
    }

    interface Mapping { DatasetMetadata map() throws Exception; }

    static void mapped(List<Record> into, String archive, String nativeId, Mapping mapping) {
        try {
            into.add(record(archive, nativeId, mapping.map()));
        } catch (Exception e) {
            // a record the mapper rejects is rejected by the harvester too
        }
    }

    static Record record(String archive, String nativeId, DatasetMetadata metadata) {
        return new Record(archive, nativeId, metadata, MatchKeys.of(archive, nativeId, metadata));
    }

    static String genericArchive(String doi) {
        String prefix = Doi.normalise(doi).map(d -> d.substring(0, d.indexOf('/'))).orElse("");
        return GENERIC_BY_PREFIX.getOrDefault(prefix, "datacite");
    }

    static List<Path> files(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The records of saved JSON pages (DataCite {@code /data}, a list or one record; Zenodo {@code /hits/hits}). */
    static List<JsonNode> jsonItems(Path dir, String pointer) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (Path page : files(dir, ".json")) {
            JsonNode at = ModelJson.mapper().readTree(page.toFile()).at(pointer);
            if (at.isArray()) at.forEach(items::add);
            else if (at.isObject()) items.add(at);
        }
        return items;
    }

    /** The other records the catalog would merge with {@code r} (they share a match key): hits on them are hits on r. */
    static List<Record> aliases(Record r, List<Record> records) {
        return records.stream().filter(o -> o != r && !Collections.disjoint(o.matchKeys(), r.matchKeys())).toList();
    }

    // ------------------------------------------------------------------ generate
    static void generate() throws Exception {
        List<Record> records = records(Path.of(o("fixtures")), Path.of(o("sources")));
        // document frequency of each description word over the corpus: the rarest words are the distinctive ones
        Map<String, Integer> df = new HashMap<>();
        for (Record r : records) new HashSet<>(words(r.metadata().description())).forEach(w -> df.merge(w, 1, Integer::sum));
        List<String[]> rows = new ArrayList<>(); // kind, query, expected keys
        for (Record r : records) {
            DatasetMetadata m = r.metadata();
            String expected = expected(r, records);
            String title = oneLine(m.title());
            if (title != null) {
                rows.add(new String[] {"title", title, expected});
                rows.add(new String[] {"prefix", typedSoFar(title), expected});
                String typo = transposed(title);
                if (typo != null) rows.add(new String[] {"typo", typo, expected});
            }
            List<String> distinctive = distinctive(m.description(), df);
            if (distinctive.size() == 4) rows.add(new String[] {"description", String.join(" ", distinctive), expected});
            // an archive's own records are named by their accession (SSBD:database projects by their slug id)
            if (Accession.Archive.ofSource(r.archive()).isPresent()) rows.add(new String[] {"accession", r.nativeId(), expected});
            dataDoi(r).ifPresent(doi -> rows.add(new String[] {"doi", doi, expected}));
        }
        // a query that is word for word another dataset's query of its kind (two SSBD projects both titled by one
        // slug, a Zenodo record and its next version) names no single dataset: it is left out, and counted
        Map<String, Set<String>> datasetsByQuery = new HashMap<>();
        for (String[] row : rows) {
            datasetsByQuery.computeIfAbsent(row[0] + "\t" + row[1].toLowerCase(Locale.ROOT), k -> new HashSet<>())
                    .add(row[2].split(" ")[0]);
        }
        List<String> lines = new ArrayList<>();
        lines.add("kind\tquery\texpected");
        Map<String, Integer> ambiguous = new TreeMap<>();
        for (String[] row : rows) {
            Set<String> same = datasetsByQuery.get(row[0] + "\t" + row[1].toLowerCase(Locale.ROOT));
            boolean aliasesOnly = same.stream().allMatch(k -> (" " + row[2] + " ").contains(" " + k + " "));
            if (!aliasesOnly) ambiguous.merge(row[0], 1, Integer::sum);
            else lines.add(row[0] + "\t" + row[1].replace('\t', ' ') + "\t" + row[2]);
        }
        Path out = Path.of(o("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        Map<String, Long> perArchive = new TreeMap<>();
        records.forEach(r -> perArchive.merge(r.archive(), 1L, Long::sum));
        System.out.printf("wrote %d queries for %d records %s to %s%n", lines.size() - 1, records.size(), perArchive, out);
        if (!ambiguous.isEmpty()) System.out.println("left out, the same query as another dataset's: " + ambiguous);
    }

    /** The record's key, then the keys of its aliases (records the catalog would merge with it), space-separated. */
    static String expected(Record r, List<Record> records) {
        List<String> keys = new ArrayList<>();
        keys.add(r.key());
        aliases(r, records).forEach(a -> keys.add(a.key()));
        return String.join(" ", keys);
    }

    /** Its data DOI: the first DOI among its identifiers, or its native id when that is a DOI (DataCite, Zenodo). */
    static Optional<String> dataDoi(Record r) {
        Optional<String> listed = r.metadata().identifiers().stream().filter(i -> Identifier.DOI.equals(i.scheme()))
                .map(Identifier::value).findFirst();
        return listed.isPresent() ? listed : Doi.normalise(r.nativeId()).map(d -> r.nativeId());
    }

    static String oneLine(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", " ").strip();
    }

    /** The title as typed so far: its last word cut after four letters. */
    static String typedSoFar(String title) {
        int cut = title.lastIndexOf(' ');
        String last = title.substring(cut + 1);
        return title.substring(0, cut + 1) + (last.length() > 4 ? last.substring(0, 4) : last);
    }

    /** One transposition typo: two neighbouring letters swapped in the middle of the title's longest word. */
    static String transposed(String title) {
        String[] words = title.split(" ");
        int longest = -1;
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("\\p{L}{5,}") && (longest < 0 || words[i].length() > words[longest].length())) longest = i;
        }
        if (longest < 0) return null;
        char[] w = words[longest].toCharArray();
        for (int i = w.length / 2; i + 1 < w.length; i++) {
            if (w[i] != w[i + 1]) {
                char c = w[i]; w[i] = w[i + 1]; w[i + 1] = c;
                words[longest] = new String(w);
                return String.join(" ", words);
            }
        }
        return null;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) return words;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 4 && !STOP.contains(w) && !w.matches("\\d+")) words.add(w);
        }
        return words;
    }

    /** Four distinctive words of a description: its rarest in the corpus (longer first on ties), in text order. */
    static List<String> distinctive(String description, Map<String, Integer> df) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(words(description)));
        List<String> ranked = new ArrayList<>(words);
        ranked.sort(Comparator.<String>comparingInt(df::get).thenComparing(Comparator.comparingInt(String::length).reversed())
                .thenComparing(Comparator.naturalOrder()));
        Set<String> chosen = new HashSet<>(ranked.subList(0, Math.min(4, ranked.size())));
        return words.stream().filter(chosen::contains).toList();
    }

    // ------------------------------------------------------------------ publish
    static void publish() throws Exception {
        List<Record> records = records(Path.of(o("fixtures")), Path.of(o("sources")));
        String topic = o("topic-prefix") + "datasets.v1";
        Map<String, Object> config = Map.of("bootstrap.servers", o("kafka"));
        try (Admin admin = Admin.create(config)) {
            // a fresh topic: a record of an earlier query set left in it would be indexed beside this set's
            deleteTopic(admin, topic);
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", o("kafka"));
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(p)) {
            for (Record r : records) {
                var source = new SourceRecordRef(r.key(), r.archive(), r.nativeId(), null);
                var event = new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, r.datasetId(),
                        Instant.now(), ModelJson.contentHash(r.metadata()), null, r.datasetId(), 1, List.of(source),
                        r.metadata());
                producer.send(new ProducerRecord<>(topic, r.datasetId(), ModelJson.write(event))).get();
            }
        }
        System.out.println(records.size());
    }

    static void deleteTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", o("kafka")))) {
            // and the reuse summaries topic, which the search-service's consumer creates by subscribing
            for (String topic : List.of("datasets.v1", "reuse.summary.v1")) deleteTopic(admin, o("topic-prefix") + topic);
        }
    }

    /** Deletes the topic if it is there and waits until the broker has (it deletes asynchronously). */
    static void deleteTopic(Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) return;
        admin.deleteTopics(List.of(topic)).all().get();
        Instant deadline = Instant.now().plusSeconds(60);
        while (admin.listTopics().names().get().contains(topic)) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException(topic + " still there 60 s after its deletion");
            Thread.sleep(200);
        }
    }

    // ------------------------------------------------------------------ run
    /** A query and the keys of the records it is about: the record itself, then its aliases. */
    record Query(String kind, String text, List<String> expected) {}

    static void run() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o("queries")), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] c = line.split("\t", -1);
            if (c.length == 3) queries.add(new Query(c[0], c[1], List.of(c[2].split(" "))));
        }
        String service = o("service");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int expect = Integer.parseInt(opts.getOrDefault("expect", "0"));
        if (expect > 0) {
            Instant deadline = Instant.now().plusSeconds(180);
            long total = 0;
            while ((total = search(http, service, "", 1).path("total").asLong()) < expect && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            if (total < expect) throw new IllegalStateException("only " + total + " of " + expect + " records indexed");
        }
        Map<String, double[]> perKind = new LinkedHashMap<>(); // found@10, reciprocal rank sum, count
        KINDS.forEach(k -> perKind.put(k, new double[3]));
        Map<String, double[]> perArchive = new TreeMap<>(); // the same, per kind and archive of the expected record
        List<String> misses = new ArrayList<>();
        // the answers are independent: asked --parallel (4) at a time, counted in query order
        int parallel = Integer.parseInt(opts.getOrDefault("parallel", "4"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        List<java.util.concurrent.Future<JsonNode>> answers = new ArrayList<>();
        for (Query q : queries) answers.add(pool.submit(() -> search(http, service, q.text(), 10)));
        pool.shutdown();
        for (int n = 0; n < queries.size(); n++) {
            Query q = queries.get(n);
            JsonNode answer = answers.get(n).get();
            Set<String> wanted = new HashSet<>();
            q.expected().forEach(k -> wanted.add(Record.datasetId(k)));
            int rank = 0;
            JsonNode items = answer.path("items");
            for (int i = 0; i < items.size(); i++) {
                if (wanted.contains(items.get(i).path("id").asText())) { rank = i + 1; break; }
            }
            String archive = q.expected().get(0).substring(0, q.expected().get(0).indexOf(':'));
            for (double[] k : List.of(perKind.computeIfAbsent(q.kind(), x -> new double[3]),
                    perArchive.computeIfAbsent(q.kind() + " " + archive, x -> new double[3]))) {
                k[2]++;
                if (rank > 0) { k[0]++; k[1] += 1.0 / rank; }
            }
            if (rank == 0) misses.add(q.kind() + "\t" + q.text() + "\t" + q.expected().get(0) + "\ttotal=" + answer.path("total").asLong()
                    + (answer.has("relaxed") ? "\trelaxed" : "") + (items.isEmpty() ? "" : "\tfirst=" + items.get(0).path("id").asText()));
        }
        System.out.printf("%-12s %8s %10s %8s%n", "kind", "queries", "recall@10", "MRR");
        boolean met = true;
        for (var e : perKind.entrySet()) {
            double[] k = e.getValue();
            if (k[2] == 0) continue;
            double recall = k[0] / k[2], mrr = k[1] / k[2];
            // titles (as written, typed so far, with a typo) and identifiers; description words have no MRR target
            boolean mrrTarget = !e.getKey().equals("description");
            boolean ok = recall >= 0.95 && (!mrrTarget || mrr >= 0.9);
            met &= ok;
            System.out.printf("%-12s %8d %9.1f%% %8.3f  %s%n", e.getKey(), (int) k[2], 100 * recall, mrr, ok ? "ok" : "BELOW TARGET");
            System.out.printf("RESULT relevance.%s.recall_at_10=%.3f mrr=%.3f queries=%d%n", e.getKey(), recall, mrr, (int) k[2]);
        }
        System.out.printf("%nper archive of the expected record:%n%-26s %8s %10s %8s%n", "kind archive", "queries", "recall@10", "MRR");
        for (var e : perArchive.entrySet()) {
            double[] k = e.getValue();
            System.out.printf("%-26s %8d %9.1f%% %8.3f%n", e.getKey(), (int) k[2], 100 * k[0] / k[2], k[1] / k[2]);
            System.out.printf("RESULT relevance.%s.recall_at_10=%.3f mrr=%.3f queries=%d%n", e.getKey().replace(' ', '.'),
                    k[0] / k[2], k[1] / k[2], (int) k[2]);
        }
        if (!misses.isEmpty()) {
            System.out.println("not in the first 10:");
            misses.forEach(m -> System.out.println("  " + m));
        }
        System.out.println(met ? "targets met (recall@10 >= 95% every kind; MRR >= 0.9 for titles and identifiers)"
                : "targets NOT met");
    }

    static JsonNode search(HttpClient http, String service, String q, int size) throws Exception {
        String url = service + "/api/v1/search?size=" + size + (q.isEmpty() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        return ModelJson.mapper().readTree(r.body());
    }
}
