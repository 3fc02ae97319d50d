package org.bioimagecatalog.harvester.run;

import org.bioimagecatalog.model.DatasetMetadata;

/**
 * One native record mapped to the common model, with where it came from. {@code archive} is the source part of
 * the record key when the record itself says which archive it belongs to (a GIDE RO-Crate of an EMPIAR entry
 * read through a generic source); null means the harvest source's own archive.
 */
public record HarvestedItem(String archive, String nativeId, String sourceUrl, DatasetMetadata metadata) {

    public HarvestedItem(String nativeId, String sourceUrl, DatasetMetadata metadata) {
        this(null, nativeId, sourceUrl, metadata);
    }
}
