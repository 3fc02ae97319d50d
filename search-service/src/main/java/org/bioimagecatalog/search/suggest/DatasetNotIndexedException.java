package org.bioimagecatalog.search.suggest;

/** No dataset with this id is in the index. */
public class DatasetNotIndexedException extends RuntimeException {
    public DatasetNotIndexedException(String id) {
        super("no dataset " + id + " in the index");
    }
}
