package org.bioimagecatalog.harvester.bia;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.bioimagecatalog.harvester.files.JsonRecords;

/**
 * One section of a BioStudies PageTab document ({@code type}, {@code accno}, {@code attributes},
 * {@code subsections}, {@code links}, {@code files}). Section types and attribute names are compared without
 * case and with the spellings the templates use folded together ({@code organization}/{@code organisation},
 * {@code Image Acquisition}/{@code Image acquisition}); subsections and links given as tables (nested arrays) are
 * flattened.
 */
record PageTabSection(String type, String accno, List<Attribute> attributes, List<PageTabSection> subsections,
        List<Link> links, List<FileEntry> files) {

    /** An attribute; {@code reference} marks a pointer to another section's accno (an author's affiliation). */
    record Attribute(String name, String value, boolean reference, List<Attribute> qualifiers) {
        String qualifier(String name) {
            return qualifiers.stream().filter(q -> same(q.name(), name)).map(Attribute::value)
                    .filter(v -> v != null).findFirst().orElse(null);
        }
    }

    record Link(String url, List<Attribute> attributes) {}

    record FileEntry(String path, Long size, List<Attribute> attributes) {}

    static PageTabSection of(JsonNode node) {
        List<PageTabSection> subsections = new ArrayList<>();
        flatten(node.get("subsections"), s -> subsections.add(of(s)));
        List<Link> links = new ArrayList<>();
        flatten(node.get("links"), l -> {
            String url = JsonRecords.text(l, "url");
            if (url != null) {
                links.add(new Link(url, attributes(l.get("attributes"))));
            }
        });
        List<FileEntry> files = new ArrayList<>();
        flatten(node.get("files"), f -> {
            JsonNode size = f.get("size");
            files.add(new FileEntry(JsonRecords.text(f, "path"), size != null && size.canConvertToLong() ? size.asLong() : null,
                    attributes(f.get("attributes"))));
        });
        return new PageTabSection(JsonRecords.text(node, "type"), JsonRecords.text(node, "accno"),
                attributes(node.get("attributes")), subsections, links, files);
    }

    static List<Attribute> attributes(JsonNode array) {
        List<Attribute> attributes = new ArrayList<>();
        for (JsonNode a : JsonRecords.items(array)) {
            String name = JsonRecords.text(a, "name");
            if (name != null) {
                JsonNode reference = a.get("reference");
                attributes.add(new Attribute(name, JsonRecords.text(a, "value"),
                        reference != null && reference.asBoolean(false), attributes(a.get("valqual"))));
            }
        }
        return attributes;
    }

    private static void flatten(JsonNode value, Consumer<JsonNode> each) {
        for (JsonNode item : JsonRecords.items(value)) {
            if (item.isArray()) {
                flatten(item, each);
            } else if (item.isObject()) {
                each.accept(item);
            }
        }
    }

    boolean is(String wantedType) {
        return type != null && normalise(type).equals(normalise(wantedType));
    }

    /** The values of every attribute with one of these names, in order, blanks left out. */
    List<String> values(String... names) {
        List<String> values = new ArrayList<>();
        for (Attribute a : attributesNamed(names)) {
            if (a.value() != null) {
                values.add(a.value());
            }
        }
        return values;
    }

    Optional<String> value(String... names) {
        return values(names).stream().findFirst();
    }

    List<Attribute> attributesNamed(String... names) {
        List<Attribute> found = new ArrayList<>();
        for (Attribute a : attributes) {
            for (String name : names) {
                if (same(a.name(), name)) {
                    found.add(a);
                    break;
                }
            }
        }
        return found;
    }

    /** This section and all below it, depth first. */
    List<PageTabSection> tree() {
        List<PageTabSection> all = new ArrayList<>();
        all.add(this);
        subsections.forEach(s -> all.addAll(s.tree()));
        return all;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ")
                .replace("organization", "organisation").replace("e-mail", "email");
    }
}
