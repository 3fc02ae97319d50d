package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How big a dataset is; any part may be unknown. {@code description} keeps the source's own wording. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DatasetSize(Long bytes, Long images, Long files, String description) {}
