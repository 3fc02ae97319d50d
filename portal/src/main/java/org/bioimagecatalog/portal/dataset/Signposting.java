package org.bioimagecatalog.portal.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.portal.json.Json;

/**
 * FAIR Signposting (signposting.org, level 1) for a landing page, as HTTP {@code Link} header values: the persistent
 * identifier to cite ({@code cite-as}), the metadata documents ({@code describedby}), the licence, the content
 * ({@code item}), the creators ({@code author}) and the page's type.
 */
public final class Signposting {
    private Signposting() {}

    /** @param apiDataset the dataset's URL in the API, which negotiates JSON, JSON-LD and DataCite JSON */
    public static List<String> links(JsonNode dataset, String citeAs, String apiDataset) {
        List<String> links = new ArrayList<>();
        links.add(link(citeAs, "cite-as", null));
        links.add(link(apiDataset, "describedby", "application/ld+json"));
        links.add(link(apiDataset, "describedby", "application/vnd.datacite.datacite+json"));
        links.add(link(apiDataset, "describedby", "application/json"));
        String license = Json.text(dataset, "metadata", "license", "url");
        if (!license.isEmpty()) {
            links.add(link(license, "license", null));
        }
        for (JsonNode url : Json.list(dataset, "metadata", "accessUrls")) {
            if (url.isTextual() && !url.asText().isBlank()) {
                links.add(link(url.asText(), "item", null));
            }
        }
        for (JsonNode creator : Json.list(dataset, "metadata", "creators")) {
            String orcid = OntologyLinks.orcid(Json.text(creator, "orcid"));
            if (!orcid.isEmpty()) {
                links.add(link(orcid, "author", null));
            }
        }
        links.add(link("https://schema.org/Dataset", "type", null));
        links.add(link("https://schema.org/AboutPage", "type", null));
        return links;
    }

    private static String link(String target, String rel, String type) {
        // a URL never legitimately holds these; dropping them keeps one header value one link
        String clean = target.replace("<", "%3C").replace(">", "%3E").replace("\"", "%22").replace("\r", "").replace("\n", "");
        return "<" + clean + ">; rel=\"" + rel + "\"" + (type == null ? "" : "; type=\"" + type + "\"");
    }
}
