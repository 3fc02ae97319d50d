package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A licence: SPDX id where recognised, plus the URL and label the source gave. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record License(String spdx, String url, String label) {}
