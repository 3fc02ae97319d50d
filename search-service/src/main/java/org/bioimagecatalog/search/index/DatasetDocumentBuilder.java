package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.events.DatasetChanged;

/**
 * Turns a {@link DatasetChanged} into the Elasticsearch document of {@link DatasetIndexMapping}: the sources'
 * labels and the canonical names as text, and per term facet the ids, names and hierarchy ({@link #termFacet}).
 * Ontology ids an older event lacks are looked up from labels ({@link IndexedTerm}), so that query-side
 * expansion ("human" → 9606) also finds datasets whose source only gave a name.
 */
public final class DatasetDocumentBuilder {

    private DatasetDocumentBuilder() {}

    /** Title suggestions start at each of the first words, so "yeast" completes to "… fission yeast …". */
    static final int TITLE_SUGGEST_STARTS = 8;

    public static ObjectNode build(DatasetChanged event, int reuseCount) {
        return build(event, null, reuseCount);
    }

    /** @param quality the catalog's metadata quality score (0..100), null when the event carries none */
    public static ObjectNode build(DatasetChanged event, Integer quality, int reuseCount) {
        DatasetMetadata m = Objects.requireNonNull(event.metadata(), "event has no metadata");
        List<IndexedTerm> organisms = m.organisms().stream().map(IndexedTerm::of).toList();
        List<IndexedTerm> methods = m.imagingMethods().stream().map(IndexedTerm::of).toList();
        ObjectNode doc = ModelJson.mapper().createObjectNode();
        doc.put("id", event.datasetId());
        doc.put("title", m.title());
        doc.put("description", m.description());
        strings(doc, "keywords", m.keywords());
        strings(doc, "authors", distinct(m.creators(), Creator::name));
        strings(doc, "organisms", labelsAndNames(organisms));
        strings(doc, "organismFacet", distinct(organisms, IndexedTerm::shownName));
        strings(doc, "organismTaxonIds", distinct(organisms, IndexedTerm::id));
        strings(doc, "imagingMethods", labelsAndNames(methods));
        strings(doc, "imagingMethodFacet", distinct(methods, IndexedTerm::shownName));
        strings(doc, "fbbiIds", distinct(methods, IndexedTerm::id));
        List<IndexedTerm> cellLines = m.cellLines().stream().map(IndexedTerm::of).toList();
        strings(doc, "cellLines", labelsAndNames(cellLines));
        List<IndexedTerm> preparations = m.samplePreparation().stream().map(IndexedTerm::fbbi).toList();
        List<IndexedTerm> annotations = new ArrayList<>(preparations);
        m.visualizationMethods().stream().map(IndexedTerm::fbbi).forEach(annotations::add);
        m.imagingParameters().stream().map(IndexedTerm::fbbi).forEach(annotations::add);
        strings(doc, "annotations", labelsAndNames(annotations));
        termFacet(doc, TermFields.ORGANISM, organisms);
        // a term of another FBbi branch (a sample preparation, a stain) is searchable but never a method bucket
        termFacet(doc, TermFields.IMAGING_METHOD, methods.stream().filter(IndexedTerm::isImagingMethod).toList());
        termFacet(doc, TermFields.CELL_LINE, cellLines);
        termFacet(doc, TermFields.SAMPLE_PREPARATION, preparations);
        termFacet(doc, TermFields.LICENSE, m.license() == null ? List.of() : List.of(IndexedTerm.of(m.license())));
        termFacet(doc, TermFields.FORMAT, m.formats().stream().map(IndexedTerm::of).toList());
        strings(doc, "sources", event.sources());
        strings(doc, "studyTypes", m.studyTypes());
        strings(doc, "sampleTypes", m.sampleTypes());
        doc.put("license", licenseValue(m.license()));
        if (m.released() != null) {
            doc.put("released", m.released().toString());
            doc.put("releaseYear", m.released().getYear());
        }
        strings(doc, "formats", m.formatLabels());
        strings(doc, "identifiers", identifierValues(m));
        doc.put("reuseCount", reuseCount);
        if (quality != null) {
            doc.put("quality", quality);
        }
        suggestions(doc, m, labelsAndNames(organisms), labelsAndNames(methods), reuseCount);
        ForgivingSearchText.add(doc, m);
        doc.put("version", event.version());
        // the event itself, serialised with the document (not copied into a tree first)
        doc.putPOJO("doc", event);
        return doc;
    }

    /** Completion inputs; a much-reused dataset's title is proposed first. */
    private static void suggestions(ObjectNode doc, DatasetMetadata m, Set<String> organisms, Set<String> methods,
            int reuseCount) {
        int weight = 1 + Math.min(reuseCount, 10_000);
        if (m.title() != null && !m.title().isBlank()) {
            String[] words = m.title().strip().split("\\s+");
            Set<String> inputs = new LinkedHashSet<>();
            for (int i = 0; i < Math.min(words.length, TITLE_SUGGEST_STARTS); i++) {
                inputs.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)));
            }
            suggestion(doc, DatasetIndexMapping.TITLE_SUGGEST, inputs, weight);
        }
        suggestion(doc, DatasetIndexMapping.ORGANISM_SUGGEST, organisms, weight);
        suggestion(doc, DatasetIndexMapping.IMAGING_METHOD_SUGGEST, methods, weight);
    }

    private static void suggestion(ObjectNode doc, String field, Collection<String> inputs, int weight) {
        if (inputs.isEmpty()) {
            return;
        }
        ObjectNode suggest = doc.putObject(field);
        // completion inputs are limited in length; long titles are cut at a word
        inputs.stream().map(DatasetDocumentBuilder::suggestInput).forEach(suggest.putArray("input")::add);
        suggest.put("weight", weight);
    }

    private static String suggestInput(String text) {
        if (text.length() <= 200) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 200);
        return text.substring(0, cut > 0 ? cut : 200);
    }

    /** SPDX id where recognised, else the licence's label as the source gave it. */
    static String licenseValue(License license) {
        if (license == null) {
            return null;
        }
        return license.spdx() != null ? license.spdx() : license.label();
    }

    /**
     * The fields of one term facet ({@link TermFields}): {@code id|name} of each value with an id, the ids with
     * their ancestors' ids, the names and labels with the ancestors' names, and for a hierarchy the
     * {@code id|name} of the values and their ancestors. A value without an id is in none of the keyword fields
     * but the names.
     */
    private static void termFacet(ObjectNode doc, String stem, List<IndexedTerm> values) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> lineage = new LinkedHashSet<>();
        for (IndexedTerm value : values) {
            addIfPresent(names, value.label());
            addIfPresent(names, value.name());
            if (value.id() != null && !value.isGeneral()) {
                terms.add(TermFields.encode(value.id(), value.shownName()));
            }
            if (value.id() != null) {
                ids.add(value.id());
                // a parent's rolled-up count includes the datasets tagged with the parent itself
                lineage.add(TermFields.encode(value.id(), value.shownName()));
            }
            for (TermRef ancestor : value.ancestors()) {
                addIfPresent(names, ancestor.name());
                if (ancestor.id() != null) {
                    ids.add(ancestor.id());
                    lineage.add(TermFields.encode(ancestor.id(), ancestor.name()));
                }
            }
        }
        strings(doc, TermFields.terms(stem), terms);
        strings(doc, TermFields.ids(stem), ids);
        strings(doc, TermFields.names(stem), names);
        if (TermFields.HIERARCHICAL.contains(stem)) {
            strings(doc, TermFields.lineageTerms(stem), lineage);
        }
    }

    private static Set<String> labelsAndNames(List<IndexedTerm> values) {
        Set<String> texts = new LinkedHashSet<>();
        for (IndexedTerm value : values) {
            addIfPresent(texts, value.label());
            addIfPresent(texts, value.name());
        }
        return texts;
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.strip());
        }
    }

    /** Both {@code doi:10.17867/10000101} and the bare value, so either form finds the dataset. */
    private static Set<String> identifierValues(DatasetMetadata m) {
        Set<String> values = new LinkedHashSet<>();
        for (Identifier id : m.identifiers()) {
            if (id.value() != null) {
                values.add(id.value());
                if (id.scheme() != null) {
                    values.add(id.scheme() + ":" + id.value());
                }
            }
        }
        return values;
    }

    private static <T> Set<String> distinct(Collection<T> items, Function<T, String> value) {
        Set<String> values = new LinkedHashSet<>();
        for (T item : items) {
            String v = value.apply(item);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        return values;
    }

    private static void strings(ObjectNode doc, String field, Collection<String> values) {
        ArrayNode array = doc.putArray(field);
        values.stream().filter(Objects::nonNull).forEach(array::add);
    }
}
