package org.bioimagecatalog.bench;

// bin/bench relevance: the relevance benchmark of forgiving search (see bin/lib/relevance-bench.sh, bench/relevance/README.md).
// Commands:
//   generate --fixtures DIR --out FILE          writes the query set from the IDR study files of the fixtures
//   publish  --fixtures DIR --kafka H:P --topic-prefix P   publishes every study as a DatasetChanged on <P>datasets.v1
//   run      --queries FILE --service URL [--expect N]    runs the query set, prints recall@10 and MRR per kind
// Each study is read by the harvester's own IdrStudyFileParser, so the indexed records are the harvested ones.
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
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
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
            case "run" -> run();
            default -> throw new IllegalArgumentException("command: generate | publish | run");
        }
    }

    // ------------------------------------------------------------------ the records, as the harvester reads them
    record Record(String accession, DatasetMetadata metadata) {
        String datasetId() { return "rel-" + accession; }
    }

    static List<Record> records(Path fixtures) throws Exception {
        return StudyCorpus.idrStudies(fixtures.resolve("idr/study-files")).stream()
                .map(s -> new Record(s.accession(), s.metadata())).toList();
    }

    // ------------------------------------------------------------------ generate
    static void generate() throws Exception {
        List<Record> records = records(Path.of(o("fixtures")));
        // document frequency of each description word over the corpus: the rarest words are the distinctive ones
        Map<String, Integer> df = new HashMap<>();
        for (Record r : records) new HashSet<>(words(r.metadata().description())).forEach(w -> df.merge(w, 1, Integer::sum));
        List<String> lines = new ArrayList<>();
        lines.add("kind\tquery\texpected");
        for (Record r : records) {
            DatasetMetadata m = r.metadata();
            String title = oneLine(m.title());
            if (title != null) {
                lines.add(row("title", title, r));
                lines.add(row("prefix", typedSoFar(title), r));
                String typo = transposed(title);
                if (typo != null) lines.add(row("typo", typo, r));
            }
            List<String> distinctive = distinctive(m.description(), df);
            if (distinctive.size() == 4) lines.add(row("description", String.join(" ", distinctive), r));
            lines.add(row("accession", r.accession(), r));
            m.identifiers().stream().filter(i -> Identifier.DOI.equals(i.scheme())).findFirst()
                    .ifPresent(doi -> lines.add(row("doi", doi.value(), r)));
        }
        Path out = Path.of(o("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.printf("wrote %d queries for %d records to %s%n", lines.size() - 1, records.size(), out);
    }

    static String row(String kind, String query, Record r) {
        return kind + "\t" + query.replace('\t', ' ') + "\t" + r.accession();
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
        List<Record> records = records(Path.of(o("fixtures")));
        String topic = o("topic-prefix") + "datasets.v1";
        Map<String, Object> config = Map.of("bootstrap.servers", o("kafka"));
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                        .all().get();
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", o("kafka"));
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(p)) {
            for (Record r : records) {
                var source = new SourceRecordRef("idr:" + r.accession(), "idr", r.accession(), null);
                var event = new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, r.datasetId(),
                        Instant.now(), ModelJson.contentHash(r.metadata()), null, r.datasetId(), 1, List.of(source),
                        r.metadata());
                producer.send(new ProducerRecord<>(topic, r.datasetId(), ModelJson.write(event))).get();
            }
        }
        System.out.println(records.size());
    }

    // ------------------------------------------------------------------ run
    record Query(String kind, String text, String expected) {}

    static void run() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o("queries")), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] c = line.split("\t", -1);
            if (c.length == 3) queries.add(new Query(c[0], c[1], c[2]));
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
        List<String> misses = new ArrayList<>();
        for (Query q : queries) {
            JsonNode answer = search(http, service, q.text(), 10);
            int rank = 0;
            JsonNode items = answer.path("items");
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").asText().equals("rel-" + q.expected())) { rank = i + 1; break; }
            }
            double[] k = perKind.computeIfAbsent(q.kind(), x -> new double[3]);
            k[2]++;
            if (rank > 0) { k[0]++; k[1] += 1.0 / rank; }
            else misses.add(q.kind() + "\t" + q.text() + "\t" + q.expected() + "\ttotal=" + answer.path("total").asLong()
                    + (answer.has("relaxed") ? "\trelaxed" : ""));
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
