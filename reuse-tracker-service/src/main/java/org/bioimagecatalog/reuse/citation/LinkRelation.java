package org.bioimagecatalog.reuse.citation;

/** PRIMARY: the publication that describes the dataset; REUSE: a later work that used or cited it. */
public enum LinkRelation {
    PRIMARY,
    REUSE
}
