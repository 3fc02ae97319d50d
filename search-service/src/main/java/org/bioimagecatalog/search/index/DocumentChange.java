package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One write for the bulk API: an upsert at an external version, or a delete (source is null). */
public record DocumentChange(String id, int version, ObjectNode source) {

    public static DocumentChange upsert(String id, int version, ObjectNode source) {
        return new DocumentChange(id, version, source);
    }

    public static DocumentChange delete(String id) {
        return new DocumentChange(id, 0, null);
    }

    public boolean isDelete() {
        return source == null;
    }
}
