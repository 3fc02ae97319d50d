package org.bioimagecatalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.ModelJson;
import org.junit.jupiter.api.Test;

class DatasetMessageReaderTest {

    @Test
    void qualityScoreIsReadFromTheMetadataWhenPresentAndToleratedWhenAbsent() throws Exception {
        assertThat(DatasetMessageReader.quality(ModelJson.mapper().readTree(
                "{\"metadata\":{\"title\":\"t\",\"quality\":{\"score\":83,\"missing\":[\"size\"]}}}"))).isEqualTo(83);
        assertThat(DatasetMessageReader.quality(ModelJson.mapper().readTree(
                "{\"metadata\":{\"title\":\"t\"},\"quality\":{\"score\":61.6}}"))).isEqualTo(62);
        assertThat(DatasetMessageReader.quality(ModelJson.mapper().readTree("{\"metadata\":{\"title\":\"t\"}}")))
                .isNull();
        assertThat(DatasetMessageReader.quality(ModelJson.mapper().readTree(
                "{\"metadata\":{\"quality\":{\"score\":\"high\"}}}"))).isNull();
        assertThat(DatasetMessageReader.quality(ModelJson.mapper().readTree(
                "{\"metadata\":{\"quality\":{\"score\":140}}}"))).isNull();
    }
}
