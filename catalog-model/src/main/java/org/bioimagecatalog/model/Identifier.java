package org.bioimagecatalog.model;

/** An identifier with its scheme, e.g. {@code doi:10.17867/10000101} or {@code idr:idr0001}. */
public record Identifier(String scheme, String value) {
    public static final String DOI = "doi";
    public static final String IDR = "idr";
    public static final String EMPIAR = "empiar";
    public static final String BIA = "bia";
    public static final String BBBC = "bbbc";
    public static final String URL = "url";

    public static Identifier of(String scheme, String value) {
        return new Identifier(scheme, value);
    }
}
