package org.bioimagecatalog.search.index;

/**
 * Where a batch is written: {@link #LIVE} is the alias (and, during a reindex, the index being built as well);
 * otherwise one concrete index, as a reindex replay writes into the new index before the alias moves.
 */
public record IndexTarget(String index) {
    public static final IndexTarget LIVE = new IndexTarget(null);

    public static IndexTarget concrete(String index) {
        return new IndexTarget(index);
    }

    public boolean isLive() {
        return index == null;
    }
}
