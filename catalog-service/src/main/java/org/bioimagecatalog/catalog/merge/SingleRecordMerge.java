package org.bioimagecatalog.catalog.merge;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.bioimagecatalog.catalog.dataset.MetadataFields;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;

/**
 * {@link MetadataMerger}'s rules for a dataset of one record (most datasets), on the typed metadata instead of
 * JSON trees: each field is that record's, union fields lose their duplicates under the same identities, related
 * datasets lose the dataset's own identifiers, and every field present names the record as its provenance. The
 * result is the general merge's (MetadataMergerTest compares the two); a record with a value that merge treats
 * specially (a blank text, an object with nothing in it) is left to it.
 */
final class SingleRecordMerge {
    private SingleRecordMerge() {}

    /** The merged metadata of this record alone, or null when the general merge must decide. */
    static MergedMetadata merge(MergeInput record) {
        DatasetMetadata m = record.metadata();
        Map<String, FieldProvenance> provenance = new TreeMap<>();
        FieldProvenance fromRecord = new FieldProvenance(List.of(record.key()), List.of());
        for (Map.Entry<String, Object> field : MetadataFields.present(m).entrySet()) {
            Object value = field.getValue();
            if (value instanceof String text && text.isBlank() || !(value instanceof String
                    || value instanceof Collection<?> || value instanceof Temporal) && writesEmptyObject(value)) {
                return null;
            }
            provenance.put(field.getKey(), fromRecord);
        }
        List<Identifier> identifiers = distinct(m.identifiers(), SingleRecordMerge::identifierKey);
        List<Publication> publications = distinct(m.publications(), SingleRecordMerge::identities);
        List<String> keywords = distinct(m.keywords(), SingleRecordMerge::text);
        List<String> accessUrls = distinct(m.accessUrls(), SingleRecordMerge::text);
        List<String> funding = distinct(m.funding(), SingleRecordMerge::text);
        List<org.bioimagecatalog.model.FileFormat> formats = distinct(m.formats(), f -> List.of(ModelJson.write(f)));
        Set<String> own = new HashSet<>();
        identifiers.forEach(id -> own.addAll(identifierKey(id)));
        List<Identifier> related = distinct(m.relatedDatasets(), SingleRecordMerge::identifierKey).stream()
                .filter(id -> !own.contains(identifierKey(id).get(0))).toList();
        if (identifiers.size() == m.identifiers().size() && publications.size() == m.publications().size()
                && keywords.size() == m.keywords().size() && accessUrls.size() == m.accessUrls().size()
                && funding.size() == m.funding().size() && formats.size() == m.formats().size()
                && related.size() == m.relatedDatasets().size()) {
            return new MergedMetadata(m, provenance);
        }
        return new MergedMetadata(new DatasetMetadata(m.title(), m.description(), identifiers, m.landingPage(),
                m.creators(), publications, m.organisms(), m.imagingMethods(), m.studyTypes(), m.sampleTypes(),
                keywords, m.license(), m.released(), m.modified(), m.size(), formats, accessUrls, funding, related,
                m.cellLines(), m.samplePreparation(), m.visualizationMethods(), m.imagingParameters()), provenance);
    }

    /**
     * Whether the value's JSON is {@code {}}: for the licence and the size (both {@code NON_EMPTY}) when each part
     * is null or empty text, read off the record rather than written as a tree for every record.
     */
    private static boolean writesEmptyObject(Object value) {
        if (value instanceof License l) {
            return isEmpty(l.spdx()) && isEmpty(l.url()) && isEmpty(l.label());
        }
        if (value instanceof DatasetSize s) {
            return s.bytes() == null && s.images() == null && s.files() == null && isEmpty(s.description());
        }
        return ModelJson.mapper().valueToTree(value).isEmpty();
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    /** The values in order, each dropped when one of its identities was seen before (as the union rule does). */
    private static <T> List<T> distinct(List<T> values, Function<T, List<String>> identities) {
        if (values.size() < 2) {
            return values;
        }
        Set<String> seen = new HashSet<>();
        List<T> kept = new ArrayList<>(values.size());
        for (T value : values) {
            List<String> ids = identities.apply(value);
            if (ids.stream().noneMatch(seen::contains)) {
                kept.add(value);
            }
            seen.addAll(ids);
        }
        return kept;
    }

    private static List<String> text(String value) {
        return List.of(value.toLowerCase(Locale.ROOT));
    }

    private static List<String> identifierKey(Identifier id) {
        return List.of(MetadataMerger.identifierKey(id.scheme() == null ? "" : id.scheme(),
                id.value() == null ? "" : id.value()));
    }

    /** As the union rule's identities of a publication's JSON (whose empty texts are left out). */
    private static List<String> identities(Publication p) {
        List<String> ids = new ArrayList<>();
        Doi.normalise(p.doi() == null || p.doi().isEmpty() ? null : p.doi()).ifPresent(doi -> ids.add("doi:" + doi));
        if (p.pmid() != null && !p.pmid().isEmpty()) {
            ids.add("pmid:" + p.pmid());
        }
        if (p.pmcid() != null && !p.pmcid().isEmpty()) {
            ids.add("pmcid:" + p.pmcid().toUpperCase(Locale.ROOT));
        }
        return ids.isEmpty() ? List.of("title:" + (p.title() == null ? "" : p.title()).toLowerCase(Locale.ROOT)) : ids;
    }

}
