package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An imaging method as the source named it, with its FBbi term id ({@code FBbi:00000246}) where known. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImagingMethod(String label, String fbbiId) {}
