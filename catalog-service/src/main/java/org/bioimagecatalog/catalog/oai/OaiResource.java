package org.bioimagecatalog.catalog.oai;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OAI-PMH 2.0 provider: GET with query arguments, or POST with a form body (§3.1.1.2). Protocol errors
 * are OAI {@code <error>} elements with HTTP 200, as the protocol requires.
 */
@Path("/oai")
@Produces("text/xml; charset=UTF-8")
@Tag(name = "OAI-PMH", description = "OAI-PMH 2.0 provider: harvest the whole catalog (oai_dc, oai_datacite)")
public class OaiResource {

    @Inject
    OaiProvider provider;

    @GET
    @Operation(summary = "OAI-PMH request", description = "Identify, ListMetadataFormats, ListSets, ListIdentifiers, "
            + "ListRecords, GetRecord; metadata formats oai_dc and oai_datacite; one set per archive (source:<name>).")
    public String get(@Context UriInfo uri) {
        return provider.answer(copy(uri.getQueryParameters()), base(uri));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "OAI-PMH request (form-encoded)",
            description = "The same requests as GET, with the arguments in an application/x-www-form-urlencoded body.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "verb", type = SchemaType.STRING, example = "ListRecords"),
                    @SchemaProperty(name = "metadataPrefix", type = SchemaType.STRING, example = "oai_dc"),
                    @SchemaProperty(name = "identifier", type = SchemaType.STRING),
                    @SchemaProperty(name = "set", type = SchemaType.STRING, example = "source:idr"),
                    @SchemaProperty(name = "from", type = SchemaType.STRING),
                    @SchemaProperty(name = "until", type = SchemaType.STRING),
                    @SchemaProperty(name = "resumptionToken", type = SchemaType.STRING)})))
    public String post(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return provider.answer(copy(form), base(uri));
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUriBuilder().path("oai").build().toString();
    }

    private static Map<String, List<String>> copy(MultivaluedMap<String, String> params) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
