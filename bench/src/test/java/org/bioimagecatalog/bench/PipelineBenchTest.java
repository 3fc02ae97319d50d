package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.datacite.DataciteJsonMapper;
import org.bioimagecatalog.harvester.oaipmh.DataciteXmlMapper;
import org.bioimagecatalog.harvester.oaipmh.SafeXml;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.search.query.HitLocation;
import org.bioimagecatalog.search.query.SearchHit;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * bin/bench pipeline, tiny: its source pages read by the harvester's own mappers (the DOIs, the merged pairs, the
 * articles), the stage accounting, and its topics.
 */
class PipelineBenchTest {
    private static PipelineCorpus corpus(long seed, int n) throws Exception {
        Path fixtures = Fixtures.require("idr/study-files").getParent().getParent();
        return new PipelineCorpus(StudyCorpus.of(fixtures, seed), n, 40, 10);
    }

    @Test
    void pagesAreReadByTheHarvestersMappersAndTwoArchivesShareTheMergedDois(@TempDir Path dir) throws Exception {
        PipelineCorpus corpus = corpus(42, 450);
        corpus.write(dir, "http://127.0.0.1:1/");
        Map<String, List<DatasetMetadata>> byDoi = new HashMap<>();
        List<Path> xmlPages = list(dir.resolve(PipelineCorpus.OAI));
        for (int i = 0; i < xmlPages.size(); i++) {
            Element root = SafeXml.parse(Files.readAllBytes(xmlPages.get(i))).getDocumentElement();
            NodeList resources = root.getElementsByTagNameNS("http://datacite.org/schema/kernel-4", "resource");
            for (int r = 0; r < resources.getLength(); r++) {
                DatasetMetadata m = new DataciteXmlMapper().map((Element) resources.item(r));
                byDoi.computeIfAbsent(doi(m), d -> new ArrayList<>()).add(m);
            }
            NodeList token = root.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "resumptionToken");
            assertThat(token.getLength() == 0 ? null : token.item(0).getTextContent())
                    .as("each page names the next one's file").isEqualTo(i + 1 < xmlPages.size() ? xmlPages.get(i + 1).getFileName().toString() : null);
        }
        List<Path> jsonPages = list(dir.resolve(PipelineCorpus.REST));
        for (int i = 0; i < jsonPages.size(); i++) {
            JsonNode page = ModelJson.mapper().readTree(jsonPages.get(i).toFile());
            for (JsonNode item : page.path("data")) {
                DatasetMetadata m = new DataciteJsonMapper().map(item);
                byDoi.computeIfAbsent(doi(m), d -> new ArrayList<>()).add(m);
            }
            assertThat(page.path("meta").path("total").asInt()).isEqualTo(corpus.of(PipelineCorpus.REST).size());
            assertThat(page.path("links").path("next").asText(null)).isEqualTo(i + 1 < jsonPages.size()
                    ? "http://127.0.0.1:1/" + PipelineCorpus.REST + "/" + jsonPages.get(i + 1).getFileName() : null);
        }
        assertThat(byDoi.values().stream().mapToInt(List::size).sum()).as("every record read").isEqualTo(450);
        assertThat(corpus.pairs).isPositive();
        assertThat(byDoi).as("one DOI per expected dataset").hasSize(corpus.expectedDatasets());
        assertThat(byDoi.values().stream().filter(l -> l.size() == 2)).hasSize(corpus.pairs)
                .allSatisfy(pair -> assertThat(pair.get(0).title()).isEqualTo(pair.get(1).title()));
        assertThat(byDoi.values().stream().filter(l -> l.get(0).relatedDatasets().size() + l.get(0).publications().size() > 0).count())
                .as("records that name an article").isPositive();
        assertThat(corpus.of(PipelineCorpus.OAI).size()).isGreaterThan(corpus.of(PipelineCorpus.REST).size());
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndSamplesAreEveryKthDoi() throws Exception {
        assertThat(corpus(7, 60).records).isEqualTo(corpus(7, 60).records);
        PipelineCorpus corpus = corpus(7, 60);
        assertThat(PipelineBench.samples(corpus, 10)).hasSizeBetween(9, 10).allSatisfy(d -> assertThat(d).matches(PipelineBench.DOI));
    }

    @Test
    void aStagesRateRunsFromItsFirstOutputToItsTarget() {
        StageProgress s = new StageProgress("s");
        s.add(0, 0);
        s.add(250, 0);
        s.add(500, 100);
        s.add(750, 600);
        s.add(1000, 1000);
        assertThat(s.startMs()).isEqualTo(500);
        assertThat(s.reachedMs(1000)).isEqualTo(1000);
        assertThat(s.reachedMs(1001)).isEqualTo(-1);
        // 1000 over 500 ms seen plus the interval in which the first output happened unseen
        assertThat(s.rate(1000, 250)).isEqualTo(1000 * 1000.0 / 750);
        assertThat(new StageProgress("none").rate(10, 250)).isZero();
    }

    @Test
    void aSampleIsFoundOnlyByAHitOfItsOwnDoiNotByTheRelaxedQuerysOtherDatasets() {
        // pages as GET /api/v1/search writes them (search-service's own SearchHit); while the record is not indexed,
        // its quoted DOI is relaxed to "10" and the page shows other datasets
        JsonNode relaxed = page(2127, hit("bic-d9959c83ebef", "10.5072/pipe.0000003"), hit("bic-0a203ed5a997", null));
        JsonNode found = page(1, hit("bic-17f1e4bb8b6a", "10.5072/PIPE.0999000"));
        assertThat(PipelineBench.finds(relaxed, "10.5072/pipe.0999000")).isFalse();
        assertThat(PipelineBench.finds(found, "10.5072/pipe.0999000")).isTrue();
        assertThat(PipelineBench.finds(page(0), "10.5072/pipe.0999000")).isFalse();
    }

    private static SearchHit hit(String id, String doi) {
        return new SearchHit(id, "a title", "a description", List.of("zenodo-oai"), List.of(), List.of(), "CC-BY-4.0", null, 0,
                List.of(), List.of(), 42, Map.of(), List.of(), doi == null ? null : new HitLocation.Link(doi, "https://doi.org/" + doi),
                null, List.of(), List.of());
    }

    private static JsonNode page(long total, SearchHit... hits) {
        ObjectNode page = ModelJson.mapper().createObjectNode().put("total", total);
        ArrayNode items = page.putArray("items");
        for (SearchHit h : hits) items.add(ModelJson.mapper().valueToTree(h));
        return page;
    }

    @Test
    void behindIsTheTimeSinceTheLeaderFirstHadMoreThanTheFollowerHasNow() {
        StageProgress leader = new StageProgress("catalog");
        StageProgress follower = new StageProgress("reuse");
        long[][] lead = {{0, 0}, {1000, 100}, {2000, 300}, {3000, 300}, {4000, 300}};
        long[][] follow = {{0, 0}, {1000, 0}, {2000, 100}, {3000, 250}, {4000, 300}};
        for (long[] l : lead) leader.add(l[0], l[1]);
        for (long[] f : follow) follower.add(f[0], f[1]);
        // at 3000 the follower has 250; the leader had more (300) since 2000: 1 s behind; at 2000 (100) since 2000: 0
        assertThat(StageProgress.maxBehindMs(leader, follower)).isEqualTo(1000);
        assertThat(StageProgress.maxBehindMs(leader, leader)).isZero();
        // from 3500 on only the sample at 4000 counts, where the follower has caught up
        assertThat(StageProgress.maxBehindMs(leader, follower, 3500)).isZero();
        assertThat(StageProgress.maxBehindMs(leader, follower, 3000)).isEqualTo(1000);
    }

    @Test
    void topicsAreCreatedAndDeletedInTheBenchsNamespace() throws Exception {
        String prefix = BenchTopics.prefix();
        String[] common = {"--kafka", LocalStack.kafkaBootstrap(), "--topic-prefix", prefix, "--groups", prefix + "a," + prefix + "b"};
        PipelineBench.main(CatalogBenchTest.concat("topics-create", common));
        assertThat(BenchTopics.existing()).contains(prefix + "records.harvested.v1", prefix + "datasets.v1", prefix + "reuse.summary.v1",
                prefix + "datasets.dlq.v1", prefix + "raw.records.harvested.v1");
        PipelineBench.main(CatalogBenchTest.concat("topics-delete", common));
        assertThat(BenchTopics.leftAfterDeletion(prefix)).isEmpty();
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String doi(DatasetMetadata m) {
        return m.identifiers().stream().filter(i -> Identifier.DOI.equals(i.scheme())).map(Identifier::value).findFirst().orElseThrow();
    }
}
