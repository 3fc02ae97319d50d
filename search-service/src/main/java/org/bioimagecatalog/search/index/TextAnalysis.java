package org.bioimagecatalog.search.index;

/**
 * The language analysis an index was built with. {@code standard} is always there; a richer analyser
 * (e.g. {@code english}: stop words and stemming) is added as a {@code .stemmed} sub-field of the main text
 * fields when the cluster has it, so that exact and stemmed matches can both score.
 */
public record TextAnalysis(String analyzer) {
    public static final String STANDARD = "standard";
    public static final String STEMMED_SUBFIELD = "stemmed";

    public static TextAnalysis standard() {
        return new TextAnalysis(STANDARD);
    }

    public boolean hasStemmedSubfields() {
        return !STANDARD.equals(analyzer);
    }
}
