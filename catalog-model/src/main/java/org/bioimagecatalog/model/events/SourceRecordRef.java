package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A source record merged into a canonical dataset: its key, archive, native id and where to see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceRecordRef(String key, String source, String nativeId, String url) {}
