package org.bioimagecatalog.harvester.idr;

import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Encoding;
import org.bioimagecatalog.model.DatasetMetadata;

/** One IDR study read from its study file: the accession ({@code idr0001}) and the harmonised metadata. */
public record IdrStudy(String accession, DatasetMetadata metadata, Encoding sourceEncoding) {
    private static final String SEARCH = "https://idr.openmicroscopy.org/search/?query=Name:";

    /** The study's page in IDR's search, the landing page of every route's record of it (study file, OMERO API). */
    public static String landingPage(String accession) {
        return SEARCH + accession;
    }
}
