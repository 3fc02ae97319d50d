package org.bioimagecatalog.harvester.cpg;

/**
 * The Cell Painting Gallery's own documents, as fetched or read: the repository {@code README.md} (the "Complete
 * datasets" table and the licence), {@code prefixes.md} (every registered {@code cpgNNNN-…} name) and
 * {@code publications.md} (publications ↔ dataset names); {@code citing.md} gives the licence URL. Each text is
 * null when the location does not hold it; {@code *Url} says where each came from.
 */
record CpgDocuments(String readme, String readmeUrl, String prefixes, String prefixesUrl,
        String publications, String publicationsUrl, String citing) {

    boolean isEmpty() {
        return readme == null && prefixes == null;
    }
}
