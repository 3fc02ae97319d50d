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
}
