package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.junit.jupiter.api.Test;

/** The search answer is bound straight from the stream; the result must be what the API has always shown. */
class SearchResultMapperTest {
    /** An answer shaped as Elasticsearch 9 sends it (abridged to what varies), with extras the mapper skips. */
    private static final String ANSWER = """
            {"took": 3, "timed_out": false, "_shards": {"total": 1, "successful": 1},
             "hits": {"total": {"value": 3, "relation": "eq"}, "max_score": 2.5, "hits": [
               {"_index": "datasets-v1", "_id": "bic-1", "_score": 2.5,
                "_source": {"id": "bic-1", "title": "Fission yeast screen", "description": "%s",
                            "sources": ["idr"], "organismFacet": ["Schizosaccharomyces pombe"],
                            "imagingMethodFacet": ["spinning disk confocal microscopy"], "license": "CC-BY-4.0",
                            "released": "2016-05-12", "reuseCount": 4, "formats": ["OME-TIFF"],
                            "studyTypes": ["high content screen"], "quality": 83},
                "highlight": {"title": ["Fission <em>yeast</em> screen"]},
                "sort": [2.5, 1463011200000, "bic-1"]},
               {"_index": "datasets-v1", "_id": "bic-2", "_score": 1.0,
                "_source": {"title": "No id, no lists, no count"},
                "sort": [1.0, null, "bic-2"]}]},
             "aggregations": {
               "source": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                          "buckets": [{"key": "idr", "doc_count": 2}, {"key": "bia", "doc_count": 1}]},
               "facetsFiltered1": {"doc_count": 3,
                 "organism": {"buckets": [{"key": "9606|Homo sapiens", "doc_count": 2},
                                          {"key": "4896|Schizosaccharomyces pombe", "doc_count": 1},
                                          {"key": "9606|Homo sapiens (human)", "doc_count": 1}]},
                 "organismParents": {"buckets": {"40674|Mammalia": {"doc_count": 3}, "4751|Fungi": {"doc_count": 0}}},
                 "releaseYear": {"buckets": [{"key_as_string": "2016", "key": 1451606400000, "doc_count": 1}]},
                 "hasReuse": {"buckets": {"false": {"to": 1.0, "doc_count": 2}, "true": {"from": 1.0, "doc_count": 1}}},
                 "quality": {"buckets": {"80": {"from": 80.0, "doc_count": 1},
                            "50": {"from": 50.0, "doc_count": 0}, "0": {"from": 0.0, "doc_count": 1}}}}},
             "pit_id": "pit-1"}
            """.formatted("word ".repeat(100).strip());

    private final SearchResultMapper mapper = new SearchResultMapper(300);
    private final SearchRequest firstPage = new SearchRequest("yeast", Map.of(), 1, 2);

    @Test
    void mapsHitsFacetsTotalAndCursorFromTheStream() throws Exception {
        EsSearchAnswer answer = ModelJson.mapper().readValue(
                new ByteArrayInputStream(ANSWER.getBytes(StandardCharsets.UTF_8)), EsSearchAnswer.class);
        SearchResult result = mapper.map(answer, firstPage);

        assertThat(result.total()).isEqualTo(3);
        SearchHit first = result.items().get(0);
        assertThat(first.id()).isEqualTo("bic-1");
        assertThat(first.description()).hasSizeLessThanOrEqualTo(301).endsWith("word…");
        assertThat(first.organisms()).containsExactly("Schizosaccharomyces pombe");
        assertThat(first.released()).isEqualTo(LocalDate.of(2016, 5, 12));
        assertThat(first.reuseCount()).isEqualTo(4);
        assertThat(first.quality()).isEqualTo(83);
        assertThat(first.highlights()).containsEntry("title", List.of("Fission <em>yeast</em> screen"));

        SearchHit second = result.items().get(1);
        assertThat(second.id()).as("falls back to _id").isEqualTo("bic-2");
        assertThat(second.sources()).isEmpty();
        assertThat(second.reuseCount()).isZero();
        assertThat(second.quality()).isNull();
        assertThat(second.highlights()).isEmpty();

        assertThat(result.facets().get("source")).containsExactly(new FacetValue("idr", 2), new FacetValue("bia", 1));
        assertThat(result.facets().get("releaseYear")).containsExactly(new FacetValue("2016", 1));
        assertThat(result.facets().get("hasReuse")).containsExactly(new FacetValue("false", 2), new FacetValue("true", 1));
        assertThat(result.facets().get("quality")).as("empty named buckets are left out")
                .containsExactly(new FacetValue("80", 1), new FacetValue("0", 1));
        assertThat(result.facets().get("organism")).as("one bucket per id, named as the largest, counts added")
                .containsExactly(new FacetValue("9606", "Homo sapiens", 3),
                        new FacetValue("4896", "Schizosaccharomyces pombe", 1));
        assertThat(result.facets().get("organismParents")).containsExactly(new FacetValue("40674", "Mammalia", 3));
        assertThat(result.facets().get("cellLine")).as("a facet the answer lacks is empty").isEmpty();
        assertThat(result.facets()).containsOnlyKeys("source", "organism", "organismParents", "imagingMethod",
                "imagingMethodParents", "cellLine", "samplePreparation", "license", "format", "studyType",
                "releaseYear", "hasReuse", "quality");

        SearchCursor cursor = SearchCursor.decode(result.cursor());
        assertThat(cursor.pit()).isEqualTo("pit-1");
        assertThat(cursor.searchAfter().toString()).isEqualTo("[1.0,null,\"bic-2\"]");
    }

    @Test
    void anAnswerReadAsATreeMapsTheSame() throws Exception {
        SearchResult fromTree = mapper.map(ModelJson.mapper().readTree(ANSWER), firstPage);
        SearchResult fromStream = mapper.map(ModelJson.mapper().readValue(ANSWER, EsSearchAnswer.class), firstPage);
        assertThat(ModelJson.write(fromTree)).isEqualTo(ModelJson.write(fromStream));
    }

    @Test
    void theLastPageHasNoCursor() throws Exception {
        SearchResult result = mapper.map(ModelJson.mapper().readValue(ANSWER, EsSearchAnswer.class),
                new SearchRequest("yeast", Map.of(), 2, 2));
        assertThat(result.cursor()).isNull();
    }
}
