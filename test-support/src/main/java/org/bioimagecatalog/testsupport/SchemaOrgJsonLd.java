package org.bioimagecatalog.testsupport;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.Set;

/**
 * A schema.org JSON-LD document expanded by a real JSON-LD processor (Titanium), offline: the schema.org context is
 * answered from the few terms the catalog's export relies on (the vocabulary, and which properties hold IRIs), and any
 * other remote document fails the expansion rather than reaching the network. Titanium is an optional dependency of
 * this module: a module that calls this declares {@code com.apicatalog:titanium-json-ld} and
 * {@code org.eclipse.parsson:parsson} itself.
 */
public final class SchemaOrgJsonLd {
    public static final String SCHEMA = "https://schema.org/";
    private static final String CONTEXT = """
            {"@context": {"@vocab": "https://schema.org/",
              "url": {"@type": "@id"}, "sameAs": {"@type": "@id"}, "license": {"@type": "@id"},
              "contentUrl": {"@type": "@id"}}}""";
    private static final Set<String> CONTEXT_URLS = Set.of("https://schema.org/", "https://schema.org", "http://schema.org/");

    private SchemaOrgJsonLd() {}

    public static JsonArray expand(String document) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(document))).loader(schemaOrgOnly()).get();
    }

    private static DocumentLoader schemaOrgOnly() {
        return (url, options) -> {
            if (CONTEXT_URLS.contains(url.toString())) {
                Document context = JsonDocument.of(new StringReader(CONTEXT));
                context.setDocumentUrl(url);
                return context;
            }
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline test: no document at " + url);
        };
    }
}
