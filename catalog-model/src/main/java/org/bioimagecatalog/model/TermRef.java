package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reference to an ontology term by id with its canonical name: an ancestor in a term's hierarchy. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TermRef(String id, String name) {}
