package org.bioimagecatalog.reuse.collect;

import java.util.List;
import java.util.Set;

/** Where a collector sends what it found, and what it asks about: the tracked datasets' identifiers. */
public interface CandidateSink {

    /** Normalised DOIs (lower case) of the tracked datasets that are not withdrawn. */
    Set<String> trackedDois();

    /** Accessions (as the catalog writes them, e.g. {@code EMPIAR-10002}) of the tracked datasets not withdrawn. */
    Set<String> trackedAccessions();

    /** Writes one page of candidates in one transaction; candidates naming no tracked dataset are ignored. */
    void accept(List<Candidate> page);

    /** Counts records read upstream (for the run report). */
    void seen(int records);
}
