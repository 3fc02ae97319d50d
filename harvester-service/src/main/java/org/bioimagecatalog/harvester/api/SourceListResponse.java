package org.bioimagecatalog.harvester.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The configured harvest sources, by name")
public record SourceListResponse(List<SourceResponse> items) {}
