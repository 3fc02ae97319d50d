package org.bioimagecatalog.search.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.bioimagecatalog.search.SearchConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenSearch description document, so browsers and aggregators can add the catalog as a search engine.
 * URLs are absolute: {@code bic.search.public-url} (the gateway's origin) when set, else this request's origin.
 */
@Path("/opensearch.xml")
@Tag(name = "Search")
public class OpenSearchDescriptionResource {
    static final String MEDIA_TYPE = "application/opensearchdescription+xml";

    private final Optional<String> publicUrl;

    public OpenSearchDescriptionResource(SearchConfig config) {
        this.publicUrl = config.publicUrl().filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "OpenSearch description", description = "Search templates for the JSON API and the widget's"
            + " demo page, and the suggestion endpoint.")
    public String describe(@Context UriInfo uri) {
        String base = publicUrl.orElseGet(() -> uri.getBaseUri().toString().replaceAll("/+$", ""));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>BioImage Catalog</ShortName>
                  <Description>Find bioimaging datasets across IDR, EMPIAR, BioImage Archive and more</Description>
                  <Tags>bioimaging microscopy datasets</Tags>
                  <InputEncoding>UTF-8</InputEncoding>
                  <OutputEncoding>UTF-8</OutputEncoding>
                  <Url type="application/json" template="%1$s/api/v1/search?q={searchTerms}&amp;page={startPage?}&amp;size={count?}"/>
                  <Url type="text/html" template="%1$s/widget/demo.html?q={searchTerms}"/>
                  <Url type="application/json" rel="suggestions" template="%1$s/api/v1/search/suggest?prefix={searchTerms}"/>
                  <Url type="application/opensearchdescription+xml" rel="self" template="%1$s/opensearch.xml"/>
                </OpenSearchDescription>
                """.formatted(xml(base));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
