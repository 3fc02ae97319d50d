package org.bioimagecatalog.reuse.collect;

import java.util.List;
import java.util.Set;

/** Where a collector sends what it found, and what it asks about: the tracked datasets' identifiers. */
public interface CandidateSink {

    /** Normalised DOIs (lower case) of the tracked datasets that are not withdrawn. */
    Set<String> trackedDois();

    /** Writes one page of candidates in one transaction; candidates naming no tracked dataset are ignored. */
    void accept(List<Candidate> page);

    /** Counts records read upstream (for the run report). */
    void seen(int records);
}
