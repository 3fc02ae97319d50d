package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.search.text.TokenNormaliser;

/**
 * The document fields of forgiving search: {@code normalisedTitle}, {@code normalisedText} (title, description,
 * keywords, organisms, imaging methods, authors: the words a person may type, punctuation normalised) and
 * {@code lookupIds}.
 */
final class ForgivingSearchText {
    private ForgivingSearchText() {}

    static void add(ObjectNode doc, DatasetMetadata m) {
        String title = TokenNormaliser.indexed(m.title());
        if (title != null) {
            doc.put(DatasetIndexMapping.NORMALISED_TITLE, title);
        }
        List<String> parts = new ArrayList<>();
        parts.add(m.title());
        parts.add(m.description());
        parts.addAll(m.keywords());
        m.organisms().forEach(o -> addAll(parts, o.label(), o.name()));
        m.imagingMethods().forEach(i -> addAll(parts, i.label(), i.name()));
        m.creators().stream().map(Creator::name).forEach(parts::add);
        String text = TokenNormaliser.indexed(String.join(" \n ", parts.stream().filter(Objects::nonNull).toList()));
        if (text != null) {
            doc.put(DatasetIndexMapping.NORMALISED_TEXT, text);
        }
        LookupIds.of(m).forEach(doc.putArray(LookupIds.FIELD)::add);
    }

    private static void addAll(List<String> parts, String... values) {
        for (String v : values) {
            parts.add(v);
        }
    }
}
