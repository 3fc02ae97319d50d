package org.bioimagecatalog.catalog.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.catalog.dataset.DatasetQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "The archives the catalog harvests")
public class SourceResource {

    @Inject
    DatasetQueries queries;

    @GET
    @Operation(summary = "List sources",
            description = "Per archive: how many records the catalog holds and when a harvest last saw one.")
    @APIResponse(responseCode = "200", description = "The sources, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceList.class)))
    public SourceList list() {
        return SourceList.of(queries.sources());
    }
}
