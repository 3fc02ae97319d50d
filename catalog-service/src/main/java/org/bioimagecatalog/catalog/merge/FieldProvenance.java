package org.bioimagecatalog.catalog.merge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where one canonical field came from: {@code from} lists the source records whose value is in the canonical
 * record (one for a single-valued field, every contributor for a union field); {@code alternatives} lists
 * what the other records said when it differs, so that a curator can see a conflict.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "FieldProvenance")
public record FieldProvenance(
        @Schema(example = "[\"idr:idr0067\"]") List<String> from,
        List<Alternative> alternatives) {

    @Schema(name = "ProvenanceAlternative")
    public record Alternative(@Schema(example = "bia:S-BIAD15") String sourceKey,
            @Schema(description = "The value this record gives for the field") JsonNode value) {}
}
