package org.bioimagecatalog.search.index;

/** The index the alias points to, and what it was built with; queries adapt to its analysis. */
public record ActiveIndex(String index, String alias, int mappingVersion, TextAnalysis analysis) {}
