package org.bioimagecatalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.harvester.bia.BioStudiesStudyMapper;
import org.bioimagecatalog.harvester.datacite.DataciteJsonMapper;
import org.bioimagecatalog.harvester.empiar.EmpiarEntryMapper;
import org.bioimagecatalog.harvester.gide.GideCrateMapper;
import org.bioimagecatalog.harvester.idr.IdrStudyFileParser;
import org.bioimagecatalog.harvester.oaipmh.DataciteXmlMapper;
import org.bioimagecatalog.harvester.oaipmh.OaiDcMapper;
import org.bioimagecatalog.harvester.oaipmh.SafeXml;
import org.bioimagecatalog.harvester.zenodo.ZenodoRecordMapper;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.w3c.dom.Element;

/**
 * {@code bin/bench harvest}: records per second of parse + map for each connector's native format, and of publishing
 * {@code HarvestedRecord}s to Kafka, on the fixture records replicated to {@code --records} (default 100,000).
 * Inputs: the recorded records of {@code ../shared/fixtures} where present, else the project's self-written
 * {@code fixtures/replay}. Run by bin/bench from the bench module's jar; see docs/performance.md.
 */
public final class HarvestBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and maps one native record, as the connector does (bytes in, DatasetMetadata out). */
    interface Format {
        DatasetMetadata parseAndMap(byte[] bytes, String name) throws Exception;
    }

    record Input(String name, byte[] bytes) {}

    public static void main(String[] args) throws Exception {
        int records = 100_000;
        int syncRecords = 5_000;
        String kafka = "127.0.0.1:19092";
        Path shared = null;
        Path replay = null;
        String topic = "bench.records.harvested.v1";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--sync-records" -> syncRecords = Integer.parseInt(args[i + 1]);
                case "--kafka" -> kafka = args[i + 1];
                case "--fixtures" -> shared = Path.of(args[i + 1]);
                case "--replay" -> replay = Path.of(args[i + 1]);
                case "--topic" -> topic = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean real = shared != null && Files.isDirectory(shared.resolve("idr/study-files"));
        System.out.printf("inputs: %s, each replicated to %,d records%n",
                real ? "recorded records of " + shared : "self-written records of " + replay, records);
        System.out.printf("%-34s %8s %10s %12s %10s%n", "parse + map", "inputs", "records", "records/s", "MB/s");

        IdrStudyFileParser idr = new IdrStudyFileParser();
        BioStudiesStudyMapper bia = new BioStudiesStudyMapper();
        EmpiarEntryMapper empiar = new EmpiarEntryMapper();
        GideCrateMapper gide = new GideCrateMapper();
        DataciteJsonMapper dataciteJson = new DataciteJsonMapper();
        DataciteXmlMapper dataciteXml = new DataciteXmlMapper();
        OaiDcMapper oaiDc = new OaiDcMapper();
        ZenodoRecordMapper zenodo = new ZenodoRecordMapper();

        List<DatasetMetadata> sample = new ArrayList<>();
        bench("IDR study file", real ? files(shared.resolve("idr/study-files"), "-study.txt")
                : files(replay.resolve("idr"), "-study.txt"), records, sample,
                (b, n) -> idr.parse(b, n).metadata());
        bench("BioStudies study JSON (bia)", real ? files(shared.resolve("bia/biostudies-studies"), ".json")
                : files(replay.resolve("bia"), ".json"), records, sample, (b, n) -> bia.map(b).metadata());
        bench("EMPIAR entry JSON", real ? files(shared.resolve("empiar/api-entry-json-test-variants"), ".json")
                : files(replay.resolve("empiar"), ".json"), records, sample, (b, n) -> empiar.map(b).metadata());
        bench("GIDE RO-Crate (ssbd, *-crates)", real ? files(shared, "ro-crate-metadata.json")
                : files(replay.resolve("ssbd"), "ro-crate-metadata.json"), records, sample, (b, n) -> gide.map(b).metadata());
        bench("DataCite REST JSON record", real ? jsonItems(files(shared.resolve("datacite/rest-api-dois"), ".json"), "/data")
                : jsonItems(files(replay.resolve("dryad"), ".json"), "/data"), records, sample,
                (b, n) -> dataciteJson.map(JSON.readTree(b)));
        bench("DataCite XML (oai_datacite)", real ? files(shared.resolve("datacite/metadata-xml"), ".xml") : List.of(),
                records, sample, (b, n) -> dataciteXml.map(b));
        bench("OAI-PMH oai_dc record", oaiDcRecords(files(replay.resolve("zenodo-oai"), ".xml")), records, sample,
                (b, n) -> oaiDc.map(SafeXml.parse(b).getDocumentElement()));
        bench("Zenodo REST JSON record", jsonItems(files(replay.resolve("zenodo-rest"), ".json"), "/hits/hits"), records,
                sample, (b, n) -> zenodo.map(JSON.readTree(b)));

        publish(kafka, topic, sample, records, syncRecords);
    }

    /** Times parse + map of {@code records} records drawn from the usable inputs; returns how many inputs were usable. */
    static int bench(String label, List<Input> found, int records, List<DatasetMetadata> sample, Format format) {
        List<Input> usable = new ArrayList<>();
        for (Input input : found) {
            try {
                DatasetMetadata m = format.parseAndMap(input.bytes(), input.name());
                usable.add(input);
                sample.add(m);
            } catch (Exception e) {
                // an input the mapper rejects (the fixtures include deliberately bad ones) is left out of the timing
            }
        }
        if (usable.isEmpty()) {
            System.out.printf("%-34s %8s%n", label, "no inputs");
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < Math.min(records, 20_000); i++) { // warm-up: JIT and caches
            run(format, usable.get(i % usable.size()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            Input input = usable.get(i % usable.size());
            run(format, input);
            bytes += input.bytes().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-34s %8d %,10d %,12.0f %10.1f%n", label, usable.size(), records, records / seconds,
                bytes / 1e6 / seconds);
        return usable.size();
    }

    private static void run(Format format, Input input) {
        try {
            if (format.parseAndMap(input.bytes(), input.name()) == null) {
                throw new IllegalStateException("no metadata");
            }
        } catch (Exception e) {
            throw new IllegalStateException(input.name() + " mapped in the warm-up but not now: " + e, e);
        }
    }

    /**
     * Publishing: HarvestedRecord JSON strings with the harvester's producer settings (acks=all, idempotent), first
     * pipelined (every send in flight, acknowledgements collected at the end: the broker's capacity), then one
     * acknowledged send at a time, as a run publishes (a record counts as published only once acknowledged).
     */
    static long publish(String kafka, String topic, List<DatasetMetadata> sample, int records, int syncRecords)
            throws Exception {
        long acknowledged = 0;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin client = Admin.create(admin)) {
            try {
                client.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // not there from an earlier run: nothing to delete
            }
            waitUntilGone(client, topic);
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<String[]> events = new ArrayList<>(records);
        String runId = UUID.randomUUID().toString();
        for (int i = 0; i < records; i++) {
            DatasetMetadata m = sample.get(i % sample.size());
            HarvestedRecord r = HarvestedRecord.of(runId, "bench", "record-" + i, "https://bench.example/" + i, m);
            events.add(new String[] {r.key(), ModelJson.write(r)});
        }
        long bytes = events.stream().mapToLong(e -> e[1].length()).sum();
        System.out.printf("%npublish to Kafka (%s, topic %s, 3 partitions; %,d records of %,.0f bytes on average)%n", kafka,
                topic, records, bytes / (double) records);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records);
            long start = System.nanoTime();
            for (String[] e : events) {
                acks.add(producer.send(new ProducerRecord<>(topic, e[0], e[1])));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(120, TimeUnit.SECONDS);
                acknowledged++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-34s %,10d records %,12.0f records/s %8.1f MB/s%n", "pipelined (broker capacity)", records,
                    records / seconds, bytes / 1e6 / seconds);

            int n = Math.min(syncRecords, records);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String[] e = events.get(i);
                producer.send(new ProducerRecord<>(topic, e[0], e[1])).get(60, TimeUnit.SECONDS);
                acknowledged++;
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-34s %,10d records %,12.0f records/s%n", "one ack at a time (as a run)", n, n / seconds);
        }
        try (Admin client = Admin.create(admin)) {
            client.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return acknowledged;
    }

    private static void waitUntilGone(Admin client, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " is still there 30 s after its deletion");
            }
            Thread.sleep(200); // the broker deletes topics asynchronously
        }
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "harvest-bench");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static List<Input> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Input> inputs = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList()) {
                inputs.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return inputs;
        }
    }

    /** The records of JSON pages (DataCite {@code /data}, Zenodo {@code /hits/hits}), one input each. */
    private static List<Input> jsonItems(List<Input> pages, String pointer) throws IOException {
        List<Input> items = new ArrayList<>();
        for (Input page : pages) {
            JsonNode array = JSON.readTree(page.bytes()).at(pointer);
            for (JsonNode item : array) {
                items.add(new Input(page.name(), JSON.writeValueAsBytes(item)));
            }
        }
        return items;
    }

    /** The {@code oai_dc:dc} elements of saved ListRecords pages, each serialised alone. */
    private static List<Input> oaiDcRecords(List<Input> pages) throws Exception {
        List<Input> items = new ArrayList<>();
        var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        for (Input page : pages) {
            for (Element metadata : SafeXml.path(SafeXml.parse(page.bytes()).getDocumentElement(), "ListRecords", "record",
                    "metadata")) {
                for (Element dc : SafeXml.children(metadata, "dc")) {
                    var out = new java.io.ByteArrayOutputStream();
                    transformer.transform(new javax.xml.transform.dom.DOMSource(dc),
                            new javax.xml.transform.stream.StreamResult(out));
                    items.add(new Input(page.name(), out.toByteArray()));
                }
            }
        }
        return items;
    }
}
