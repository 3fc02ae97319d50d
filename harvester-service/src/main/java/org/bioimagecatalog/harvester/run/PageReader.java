package org.bioimagecatalog.harvester.run;

import java.util.List;
import java.util.Optional;

/** Walks the pages of one harvest of a {@link PagedSourceConnector}. */
public interface PageReader {

    /**
     * The next page's entries, or null when the listing is complete.
     *
     * @throws LocationUnreadableException the page could not be fetched, or the source answered with a protocol
     *         error (the message names it, e.g. the OAI-PMH error code): the run fails
     * @throws RecordRejectedException the page was fetched but is not readable (malformed XML/JSON): it goes to the
     *         dead-letter topic, and the run fails because the pages after it cannot be reached
     */
    List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException;

    /** What to store, once the run has finished without failing, as the next run's {@code since}. */
    Optional<String> checkpoint();

    /**
     * Where the reader stands after the last page it returned, enough for another reader of the same location to
     * continue there ({@link #resume}) after a crash; empty when this reader cannot be resumed.
     */
    /**
     * How many records the whole listing holds, when the source says so (OAI-PMH {@code completeListSize}, DataCite
     * {@code meta.total}, OMERO {@code totalCount}, BioStudies {@code totalHits}); known after the first page.
     */
    default java.util.OptionalLong total() {
        return java.util.OptionalLong.empty();
    }

    default Optional<String> position() {
        return Optional.empty();
    }

    /**
     * Continues, before the first {@link #next()}, from a {@link #position()} and {@link #checkpoint()} a previous
     * reader of the same location reported; false when this reader cannot, and the run starts over.
     */
    default boolean resume(String position, String checkpoint) {
        return false;
    }
}
