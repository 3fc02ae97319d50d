package org.bioimagecatalog.portal.cite;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bioimagecatalog.portal.json.Json;

/**
 * "Cite this dataset" in four forms from one read of the dataset: DataCite's recommended text
 * (Creator (Year). Title. Publisher. Identifier), BibTeX, RIS and CSL-JSON. The identifier is the data DOI when the
 * dataset has one, else the landing page; the publisher is the first archive that holds it.
 */
@TemplateData
public record DatasetCitation(String text, String bibtex, String ris, String cslJson, String citeAs) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static DatasetCitation of(JsonNode dataset, String landingUrl) {
        JsonNode m = dataset.path("metadata");
        String id = Json.text(dataset, "id");
        String title = Json.text(m, "title");
        List<String> authors = new ArrayList<>();
        Json.list(m, "creators").forEach(c -> {
            String name = Json.text(c, "name");
            if (!name.isBlank()) {
                authors.add(name);
            }
        });
        String released = Json.text(m, "released");
        String year = released.length() >= 4 ? released.substring(0, 4) : "";
        String doi = dataDoi(dataset);
        String publisher = publisher(dataset);
        String citeAs = doi.isEmpty() ? landingUrl : "https://doi.org/" + doi;
        return new DatasetCitation(text(authors, year, title, publisher, citeAs), bibtex(id, authors, year, title, publisher, doi, landingUrl),
                ris(authors, year, title, publisher, doi, landingUrl), csl(id, authors, year, title, publisher, doi, landingUrl), citeAs);
    }

    /** The DOI among the dataset's identifiers (the data's own DOI, not a paper's), without a resolver prefix. */
    public static String dataDoi(JsonNode dataset) {
        for (JsonNode id : Json.list(dataset, "metadata", "identifiers")) {
            if ("doi".equalsIgnoreCase(Json.text(id, "scheme"))) {
                return Json.text(id, "value").replaceFirst("^(?i)(https?://(dx\\.)?doi\\.org/|doi:)", "");
            }
        }
        return "";
    }

    private static String publisher(JsonNode dataset) {
        List<JsonNode> sources = Json.list(dataset, "sourceRecords");
        String source = sources.isEmpty() ? "" : Json.text(sources.get(0), "source");
        return source.isEmpty() ? "BioImage Catalog" : source.toUpperCase(Locale.ROOT);
    }

    private static String text(List<String> authors, String year, String title, String publisher, String citeAs) {
        StringBuilder s = new StringBuilder();
        s.append(authors.isEmpty() ? publisher : String.join("; ", authors));
        s.append(" (").append(year.isEmpty() ? "n.d." : year).append("). ");
        s.append(title).append(title.endsWith(".") ? " " : ". ");
        s.append(publisher).append(". ").append(citeAs);
        return s.toString();
    }

    private static String bibtex(String id, List<String> authors, String year, String title, String publisher, String doi,
            String url) {
        StringBuilder b = new StringBuilder("@misc{").append(id.replaceAll("[^A-Za-z0-9_-]", "")).append(",\n");
        field(b, "author", String.join(" and ", authors));
        field(b, "title", "{" + title + "}");
        field(b, "year", year);
        field(b, "publisher", publisher);
        field(b, "doi", doi);
        field(b, "url", url);
        field(b, "note", "Dataset");
        return b.append("}").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (!value.isBlank()) {
            b.append("  ").append(name).append(" = {").append(value.replace("\\", "\\\\")).append("},\n");
        }
    }

    private static String ris(List<String> authors, String year, String title, String publisher, String doi, String url) {
        StringBuilder r = new StringBuilder("TY  - DATA\n");
        authors.forEach(a -> r.append("AU  - ").append(a).append('\n'));
        line(r, "TI", title);
        line(r, "PY", year);
        line(r, "PB", publisher);
        line(r, "DO", doi);
        line(r, "UR", url);
        return r.append("ER  - \n").toString();
    }

    private static void line(StringBuilder r, String tag, String value) {
        if (!value.isBlank()) {
            r.append(tag).append("  - ").append(value.replace('\n', ' ')).append('\n');
        }
    }

    private static String csl(String id, List<String> authors, String year, String title, String publisher, String doi,
            String url) {
        ObjectNode item = JSON.createObjectNode().put("id", id).put("type", "dataset").put("title", title);
        ArrayNode author = item.putArray("author");
        for (String a : authors) {
            int comma = a.indexOf(',');
            if (comma > 0) {
                author.addObject().put("family", a.substring(0, comma).trim()).put("given", a.substring(comma + 1).trim());
            } else {
                author.addObject().put("literal", a);
            }
        }
        if (!year.isEmpty()) {
            item.putObject("issued").putArray("date-parts").addArray().add(Integer.parseInt(year));
        }
        item.put("publisher", publisher);
        if (!doi.isEmpty()) {
            item.put("DOI", doi);
        }
        item.put("URL", url);
        try {
            return JSON.writeValueAsString(JSON.createArrayNode().add(item));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
