package org.bioimagecatalog.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and drops a PostgreSQL database per test JVM, so that two test runs of the same service (two
 * worktrees, or a developer's run beside CI) never clean or migrate each other's schema.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static void create(String name) {
        execute("CREATE DATABASE " + quoted(name));
    }

    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(LocalStack.jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the local PostgreSQL", e);
        }
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        return '"' + name + '"';
    }
}
