package org.bioimagecatalog.portal.steward;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.portal.json.Json;

/**
 * One archive on the steward dashboard: what the catalog holds of it, its harvest runs and their rejects, the quality
 * distribution (the search API's quality facet) and, over a sample of its datasets, the most often missing fields
 * and the datasets with the lowest scores, each a link to its fix-list (the landing page's quality section).
 */
@TemplateData
public record ArchiveHealth(String source, JsonNode catalog, List<JsonNode> runs, List<JsonNode> rejects,
        List<Count> quality, List<Count> missing, List<Fix> fixList, int sampled) {

    /** Whether a recent run rejected records, whether or not this reader may see which (an admin only). */
    public boolean hasRejected() {
        return runs.stream().limit(3).anyMatch(r -> r.path("rejected").asLong() > 0);
    }

    @TemplateData
    public record Count(String label, long count) {}

    @TemplateData
    public record Fix(String id, String title, long score, List<String> missing) {}

    /**
     * @param runs the source's runs, newest first
     * @param qualityFacet the {@code quality} facet of a search filtered to the source
     * @param sample a page of the source's datasets from the catalog
     */
    public static ArchiveHealth of(String source, JsonNode catalog, List<JsonNode> runs, JsonNode qualityFacet,
            List<JsonNode> sample) {
        List<JsonNode> rejects = new ArrayList<>();
        runs.stream().limit(3).forEach(r -> rejects.addAll(Json.list(r, "errors")));
        List<Count> quality = new ArrayList<>();
        for (JsonNode bucket : Json.list(qualityFacet)) {
            quality.add(new Count("≥ " + Json.firstText(bucket, "value", "id", "key"), bucket.path("count").asLong()));
        }
        Map<String, Long> missing = new LinkedHashMap<>();
        List<Fix> fixes = new ArrayList<>();
        for (JsonNode d : sample) {
            List<String> gaps = new ArrayList<>();
            Json.list(d, "quality", "missing").forEach(f -> gaps.add(f.asText()));
            gaps.forEach(f -> missing.merge(f, 1L, Long::sum));
            if (!gaps.isEmpty()) {
                fixes.add(new Fix(Json.text(d, "id"), Json.text(d, "metadata", "title"), d.path("quality").path("score").asLong(),
                        gaps));
            }
        }
        List<Count> missingSorted = missing.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed()).limit(10).toList();
        List<Fix> worst = fixes.stream().sorted(Comparator.comparingLong(Fix::score)).limit(10).toList();
        return new ArchiveHealth(source, catalog, runs.stream().limit(5).toList(), rejects.stream().limit(20).toList(),
                quality, missingSorted, worst, sample.size());
    }
}
