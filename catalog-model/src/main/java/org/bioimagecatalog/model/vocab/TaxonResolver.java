package org.bioimagecatalog.model.vocab;

import java.util.Optional;

/**
 * Resolves a taxon the bundled table does not hold: the online step (NCBI E-utilities, with a cache) behind the
 * normaliser. An empty answer means "no such taxon, or not uniquely"; {@link Unavailable} means "could not
 * ask now" (network, 429, timeout), so the value stays unresolved and a later re-normalisation tries again.
 */
public interface TaxonResolver {

    /** Taxon by scientific or common name, only when the answer is unique. */
    Optional<Taxon> byName(String name);

    /** Taxon by id; a merged id answers with the taxon it was merged into. */
    Optional<Taxon> byId(String id);

    /**
     * Whether this resolver asks anyone. One that does not (no online step, or switched off) knows nothing of an id
     * outside the table, so the normaliser keeps a source's id as given rather than read an empty answer as "NCBI
     * has no such taxon".
     */
    default boolean asks() {
        return true;
    }

    /** No online step: only the bundled table. */
    TaxonResolver NONE = new TaxonResolver() {
        @Override
        public Optional<Taxon> byName(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Taxon> byId(String id) {
            return Optional.empty();
        }

        @Override
        public boolean asks() {
            return false;
        }
    };

    /** The resolver could not be asked now; the caller keeps the value unresolved. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
