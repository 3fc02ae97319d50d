package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;

/**
 * Turns a {@link DatasetChanged} into the Elasticsearch document of {@link DatasetIndexMapping}. Ontology ids
 * the event lacks are looked up from labels here too, so that query-side expansion ("human" → 9606) also
 * finds datasets whose source only gave a name.
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
        ObjectNode doc = ModelJson.mapper().createObjectNode();
        doc.put("id", event.datasetId());
        doc.put("title", m.title());
        doc.put("description", m.description());
        strings(doc, "keywords", m.keywords());
        strings(doc, "authors", distinct(m.creators(), Creator::name));
        strings(doc, "organisms", distinct(m.organisms(), Organism::label));
        strings(doc, "organismFacet", distinct(m.organisms(), DatasetDocumentBuilder::organismFacet));
        strings(doc, "organismTaxonIds", distinct(m.organisms(), DatasetDocumentBuilder::taxonId));
        strings(doc, "imagingMethods", distinct(m.imagingMethods(), ImagingMethod::label));
        strings(doc, "imagingMethodFacet", distinct(m.imagingMethods(), DatasetDocumentBuilder::methodFacet));
        strings(doc, "fbbiIds", distinct(m.imagingMethods(), DatasetDocumentBuilder::fbbiId));
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
        suggestions(doc, m, reuseCount);
        ForgivingSearchText.add(doc, m);
        doc.put("version", event.version());
        // the event itself, serialised with the document (not copied into a tree first)
        doc.putPOJO("doc", event);
        return doc;
    }

    /** Completion inputs; a much-reused dataset's title is proposed first. */
    private static void suggestions(ObjectNode doc, DatasetMetadata m, int reuseCount) {
        int weight = 1 + Math.min(reuseCount, 10_000);
        if (m.title() != null && !m.title().isBlank()) {
            String[] words = m.title().strip().split("\\s+");
            Set<String> inputs = new LinkedHashSet<>();
            for (int i = 0; i < Math.min(words.length, TITLE_SUGGEST_STARTS); i++) {
                inputs.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)));
            }
            suggestion(doc, DatasetIndexMapping.TITLE_SUGGEST, inputs, weight);
        }
        suggestion(doc, DatasetIndexMapping.ORGANISM_SUGGEST, distinct(m.organisms(), Organism::label), weight);
        suggestion(doc, DatasetIndexMapping.IMAGING_METHOD_SUGGEST,
                distinct(m.imagingMethods(), ImagingMethod::label), weight);
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

    private static String organismFacet(Organism o) {
        String id = taxonId(o);
        return o.label() != null ? o.label() : id == null ? null : NcbiTaxon.curie(id);
    }

    private static String taxonId(Organism o) {
        return o.ncbiTaxonId() != null ? o.ncbiTaxonId() : NcbiTaxon.idForName(o.label()).orElse(null);
    }

    private static String methodFacet(ImagingMethod method) {
        return method.label() != null ? method.label() : method.fbbiId();
    }

    private static String fbbiId(ImagingMethod method) {
        return method.fbbiId() != null ? method.fbbiId() : Fbbi.idForLabel(method.label()).orElse(null);
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
