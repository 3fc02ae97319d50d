package org.bioimagecatalog.catalog.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.ids.Doi;

/**
 * Builds the canonical metadata of a dataset from its active source records. Records are ranked by
 * archive specificity ({@code bic.catalog.merge.source-preference}, then by key), and each field follows
 * one of two rules:
 * <ul>
 *   <li><b>first</b> — the first ranked record that has a value gives it whole: title, description,
 *       landingPage, creators, organisms, imagingMethods, studyTypes, sampleTypes, license, released,
 *       modified, size. An archive that curates organisms against NCBITaxon beats a generic repository's
 *       free text, and mixing two author lists would duplicate people spelt differently;</li>
 *   <li><b>union</b> — every record's values in rank order, duplicates dropped: identifiers (so the most
 *       specific archive's data DOI comes first), publications (one per DOI/PMID/PMCID), keywords, formats,
 *       accessUrls, funding, relatedDatasets (minus the dataset's own identifiers).</li>
 * </ul>
 */
@ApplicationScoped
public class MetadataMerger {
    static final Set<String> UNION = Set.of("identifiers", "publications", "keywords", "formats",
            "accessUrls", "funding", "relatedDatasets");

    @Inject
    CatalogConfig config;

    public MergedMetadata merge(List<MergeInput> records) {
        if (records.size() == 1) {
            MergedMetadata alone = SingleRecordMerge.merge(records.get(0));
            if (alone != null) {
                return alone;
            }
        }
        return mergeRanked(records.stream().sorted(rank()).toList());
    }

    /** The general merge, of records in rank order, on their JSON trees. */
    static MergedMetadata mergeRanked(List<MergeInput> ranked) {
        List<ObjectNode> trees = ranked.stream()
                .map(r -> (ObjectNode) ModelJson.mapper().valueToTree(r.metadata()))
                .toList();
        Set<String> fields = new LinkedHashSet<>();
        trees.forEach(tree -> tree.fieldNames().forEachRemaining(fields::add));
        ObjectNode merged = ModelJson.mapper().createObjectNode();
        Map<String, FieldProvenance> provenance = new TreeMap<>();
        for (String field : fields) {
            FieldProvenance from = UNION.contains(field)
                    ? union(field, ranked, trees, merged)
                    : first(field, ranked, trees, merged);
            provenance.put(field, from);
        }
        dropOwnIdentifiersFromRelated(merged);
        try {
            return new MergedMetadata(ModelJson.mapper().treeToValue(merged, DatasetMetadata.class), provenance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merged metadata does not read back as DatasetMetadata", e);
        }
    }

    private static FieldProvenance first(String field, List<MergeInput> ranked, List<ObjectNode> trees,
            ObjectNode merged) {
        JsonNode chosen = null;
        String chosenKey = null;
        List<FieldProvenance.Alternative> alternatives = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            JsonNode value = trees.get(i).get(field);
            if (isEmpty(value)) {
                continue;
            }
            if (chosen == null) {
                chosen = value;
                chosenKey = ranked.get(i).key();
            } else if (!value.equals(chosen)) {
                alternatives.add(new FieldProvenance.Alternative(ranked.get(i).key(), value));
            }
        }
        merged.set(field, chosen);
        return new FieldProvenance(List.of(chosenKey), alternatives);
    }

    private static FieldProvenance union(String field, List<MergeInput> ranked, List<ObjectNode> trees,
            ObjectNode merged) {
        ArrayNode values = merged.putArray(field);
        Set<String> seen = new HashSet<>();
        List<String> from = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            JsonNode list = trees.get(i).get(field);
            if (isEmpty(list)) {
                continue;
            }
            boolean contributed = false;
            for (JsonNode value : list) {
                List<String> identities = identities(field, value);
                if (identities.stream().noneMatch(seen::contains)) {
                    values.add(value);
                    contributed = true;
                }
                seen.addAll(identities);
            }
            if (contributed) {
                from.add(ranked.get(i).key());
            }
        }
        return new FieldProvenance(from, List.of());
    }

    /**
     * What makes two values of a union field the same: a publication is the same as another with the same
     * DOI, PMID or PMCID; an identifier is the same under case-insensitive scheme and DOI normalisation.
     */
    static List<String> identities(String field, JsonNode value) {
        if (field.equals("publications")) {
            List<String> ids = new ArrayList<>();
            Doi.normalise(value.path("doi").asText(null)).ifPresent(doi -> ids.add("doi:" + doi));
            if (value.hasNonNull("pmid")) {
                ids.add("pmid:" + value.get("pmid").asText());
            }
            if (value.hasNonNull("pmcid")) {
                ids.add("pmcid:" + value.get("pmcid").asText().toUpperCase(Locale.ROOT));
            }
            return ids.isEmpty() ? List.of("title:" + value.path("title").asText("").toLowerCase(Locale.ROOT)) : ids;
        }
        if (field.equals("identifiers") || field.equals("relatedDatasets")) {
            return List.of(identifierKey(value));
        }
        return List.of(value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : value.toString());
    }

    private static String identifierKey(JsonNode identifier) {
        return identifierKey(identifier.path("scheme").asText(""), identifier.path("value").asText(""));
    }

    /** {@link #identifierKey(JsonNode)} of a scheme and value ("" for none). */
    static String identifierKey(String schemeGiven, String valueGiven) {
        String scheme = schemeGiven.toLowerCase(Locale.ROOT);
        String value = valueGiven;
        if (scheme.equals("doi")) {
            value = Doi.normalise(value).orElse(value);
        }
        return scheme + ":" + value.toLowerCase(Locale.ROOT);
    }

    private static void dropOwnIdentifiersFromRelated(ObjectNode merged) {
        if (!merged.has("relatedDatasets") || !merged.has("identifiers")) {
            return;
        }
        Set<String> own = new HashSet<>();
        merged.get("identifiers").forEach(id -> own.add(identifierKey(id)));
        ArrayNode related = (ArrayNode) merged.get("relatedDatasets");
        for (int i = related.size() - 1; i >= 0; i--) {
            if (own.contains(identifierKey(related.get(i)))) {
                related.remove(i);
            }
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())
                || (value.isTextual() && value.asText().isBlank());
    }

    private Comparator<MergeInput> rank() {
        List<String> preference = config.merge().sourcePreference();
        return Comparator.<MergeInput>comparingInt(r -> {
                    int index = preference.indexOf(r.source().toLowerCase(Locale.ROOT));
                    return index < 0 ? preference.size() : index;
                })
                .thenComparing(MergeInput::source)
                .thenComparing(MergeInput::key);
    }
}
