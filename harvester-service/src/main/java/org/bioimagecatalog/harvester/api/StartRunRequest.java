package org.bioimagecatalog.harvester.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/harvest/runs}. */
@Schema(description = "What to harvest")
public record StartRunRequest(
        @Schema(description = "a configured source name", example = "idr", required = true) String source,
        @Schema(description = "absolute folder or file path, file: URI, or http(s) URL of a record file or folder"
                + " listing (IDR, BioStudies, EMPIAR, GIDE RO-Crates); an archive API base URL (BioStudies:"
                + " https://www.ebi.ac.uk/biostudies/api/v1; EMPIAR: https://www.ebi.ac.uk/empiar/api?entries=10002,10050-10060);"
                + " the endpoint or API URL with its arguments in the query (OAI-PMH, DataCite, Zenodo); defaults to the"
                + " source's configured location",
                example = "https://mirror.example.org/idr-metadata/") String location,
        @Schema(description = "publish every record even when its content has not changed; for paged sources"
                + " (OAI-PMH, DataCite, Zenodo) also ignore the checkpoint: a full harvest", defaultValue = "false")
        Boolean force) {}
