package org.bioimagecatalog.model.vocab;

/**
 * A branch under the FBbi root ({@code rootId}, e.g. {@code FBbi:00000001} sample preparation) and the field
 * its terms go to. The branches are data: {@code vocab/fbbi-branches.tsv}.
 */
public record FbbiBranch(String rootId, String name, FbbiField field) {}
