package org.bioimagecatalog.harvester.run;

import java.util.Optional;

/**
 * A source read page by page from a remote API (OAI-PMH, DataCite REST, Zenodo REST) rather than listed up
 * front. Such a source is incremental: a run is given the checkpoint its last successful run left for the same
 * location and asks only for what changed since. Record keys use the configured source name
 * ({@code zenodo:10.5281/zenodo.1}) unless the source sets {@code archive}, because one generic connector serves
 * many repositories.
 */
public interface PagedSourceConnector extends SourceConnector {

    /**
     * Starts reading {@code location}; {@code since} is the stored checkpoint, empty for a full harvest. Nothing is
     * fetched before the first {@link PageReader#next()}.
     */
    PageReader openPages(String location, Optional<String> since) throws LocationUnreadableException;

    @Override
    default String archiveFor(String sourceName) {
        return sourceName;
    }

    @Override
    default SourceListing open(String location) throws LocationUnreadableException {
        throw new LocationUnreadableException(type() + " sources are read page by page, not listed");
    }
}
