package org.bioimagecatalog.reuse;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a database refusal caused by another writer touching the same rows at the same time (two
 * replicas, or two identical submissions, creating the same publication or link): trying again finds the
 * row the other one made.
 */
public final class ConcurrentWrites {
    /** unique violation, serialization failure, deadlock */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentWrites() {}

    public static boolean isConcurrentWrite(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
