package org.bioimagecatalog.reuse;

import java.sql.SQLException;

/**
 * Recognises a failure that says nothing about the data: PostgreSQL is unreachable, restarting or recovering
 * (SQLSTATE class 08 "connection exception", 57P01–57P03 "shutdown / crash / cannot connect now"). A consumer
 * must not skip a record for this: it stops instead, and the record is read again after the restart.
 */
public final class DatabaseAway {
    private DatabaseAway() {}

    public static boolean isDatabaseAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
