package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A value from an ontology branch that is not an imaging method (sample preparation, visualization, imaged
 * parameter …): the source's label, and the term id with its canonical name where the normaliser resolved it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OntologyTerm(String label, String id, String name) {}
