package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.harvester.idr.IdrStudyFileParser;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.Test;

/** bin/bench harvest, tiny: parse + map of the fixture study files, then publishing to the stack's Kafka. */
class HarvestBenchTest {
    @Test
    void parsesTheFixtureStudiesAndPublishesEveryRecordWithAnAcknowledgement() throws Exception {
        Path studies = Fixtures.require("idr/study-files");
        IdrStudyFileParser parser = new IdrStudyFileParser();
        List<DatasetMetadata> sample = new ArrayList<>();
        List<HarvestBench.Input> inputs = HarvestBench.files(studies, "-study.txt");
        int usable = HarvestBench.bench("IDR study file", inputs, 50, sample, (b, n) -> parser.parse(b, n).metadata());
        assertThat(usable).isPositive().isLessThanOrEqualTo(inputs.size());
        assertThat(sample).hasSize(usable).allSatisfy(m -> assertThat(m.title()).isNotBlank());

        String prefix = BenchTopics.prefix();
        String topic = prefix + "records.harvested.v1";
        long acknowledged = HarvestBench.publish(LocalStack.kafkaBootstrap(), topic, sample, 40, 5);
        assertThat(acknowledged).as("40 pipelined and 5 one at a time").isEqualTo(45);
        assertThat(BenchTopics.leftAfterDeletion(prefix)).as("the bench removes its topic").isEmpty();
    }
}
