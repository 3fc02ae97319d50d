package org.bioimagecatalog.harvester.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * The union of several listings of one API, one per tag or search term (the HuggingFace Hub ANDs repeated
 * {@code filter}s, Kaggle takes one {@code search}): the listings are read one after the other and a record already
 * harvested from an earlier one is not repeated.
 */
public final class UnionPages implements PageReader {
    private final List<PageReader> listings;
    private final Set<String> seen = new HashSet<>();
    private int current;

    public UnionPages(List<PageReader> listings) {
        this.listings = List.copyOf(listings);
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        while (current < listings.size()) {
            List<PageEntry> page = listings.get(current).next();
            if (page == null) {
                current++;
                continue;
            }
            List<PageEntry> fresh = new ArrayList<>();
            for (PageEntry e : page) {
                if (!(e instanceof PageEntry.Harvested h) || seen.add(h.item().nativeId())) {
                    fresh.add(e);
                }
            }
            return fresh;
        }
        return null;
    }

    @Override
    public Optional<String> checkpoint() {
        // every listing opened at the same moment; the first one's time is the run's
        return listings.isEmpty() ? Optional.empty() : listings.get(0).checkpoint();
    }
}
