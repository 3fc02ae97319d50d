package org.bioimagecatalog.harvester.run;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * One harvest per source across all replicas, held with a PostgreSQL session-level advisory lock on a
 * connection kept for the whole run. If the replica dies, its connection drops and PostgreSQL releases the lock
 * by itself, so a crash never leaves a source locked for good.
 */
@ApplicationScoped
public class SourceLocks {
    private static final Logger LOG = Logger.getLogger(SourceLocks.class);
    /** First key of the two-int advisory lock: "harvester source locks", so other users of locks never collide. */
    public static final int NAMESPACE = 0x48525653; // "HRVS"

    @Inject
    AgroalDataSource dataSource;

    /** The lock, or empty when someone (this replica or another) holds it. */
    public Optional<SourceLock> tryAcquire(String source) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, lockKey(source));
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new SourceLock(source, connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the harvest lock of source '" + source + "': " + e.getMessage(), e);
        }
    }

    /** Second key of the advisory lock: a stable 32-bit hash of the source name. */
    public static int lockKey(String source) {
        CRC32 crc = new CRC32();
        crc.update(source.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing a connection after a failed lock attempt: %s", e.getMessage());
            }
        }
    }

    /** A held source lock; {@link #close()} releases it and returns the connection to the pool. */
    public static final class SourceLock implements AutoCloseable {
        private final String source;
        private final Connection connection;

        private SourceLock(String source, Connection connection) {
            this.source = source;
            this.connection = connection;
        }

        public String source() {
            return source;
        }

        @Override
        public void close() {
            try (Connection c = connection; PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, NAMESPACE);
                unlock.setInt(2, lockKey(source));
                unlock.execute();
            } catch (SQLException e) {
                // the connection is gone, and with it the session that held the lock: nothing left to release
                LOG.warnf("releasing the harvest lock of source %s failed: %s", source, e.getMessage());
            }
        }
    }
}
