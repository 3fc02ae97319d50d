package org.bioimagecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this test JVM alone, so that a test can take the database away from a service without
 * touching the shared stack: the machine's PostgreSQL 15 ({@code initdb}, {@code pg_ctl}, as {@code bin/stack}
 * runs it; as the {@code postgres} user when the caller is root, since PostgreSQL refuses to run as root), on a
 * free port, with its data under {@code target/}. {@link #stop()} and {@link #start()} keep the data, like a real
 * outage. Database {@code bioimage} with the services' schemas.
 */
public final class PrivatePostgres {
    public static final String DATABASE = "bioimage";
    private static final Path PG_BIN = Path.of(System.getenv().getOrDefault("BIC_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** A new cluster on a free port, started, with database {@value #DATABASE} and the four schemas. */
    public static PrivatePostgres startNew() {
        if (!Files.isExecutable(PG_BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (no " + PG_BIN.resolve("initdb")
                    + "): apt-get install postgresql-15, or set BIC_PG_BIN");
        }
        try {
            Path dir = Path.of("target", "private-pg-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                    + "-" + ProcessHandle.current().pid()).toAbsolutePath();
            Files.createDirectories(dir.resolve("data"));
            PrivatePostgres pg = new PrivatePostgres(dir, freePort());
            pg.chownToPostgres();
            pg.run(List.of(PG_BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-locale"));
            pg.start();
            pg.createDatabase();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + LocalStack.HOST + ":" + port + "/" + DATABASE;
    }

    /** Starts the server (again) on the same port and data; returns once it accepts connections. */
    public synchronized void start() {
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=" + LocalStack.HOST, "start"));
    }

    /** Stops the server ({@code immediate}: like a crash, open connections are cut); its port then refuses. */
    public synchronized void stop() {
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "-t", "60", "stop"));
    }

    /** Stops the server and deletes its data. */
    public synchronized void destroy() {
        try {
            stop();
        } catch (IllegalStateException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // target/ is cleaned by the next build anyway
        }
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://" + LocalStack.HOST + ":" + port + "/";
        try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on the private PostgreSQL", e);
        }
        try (Connection db = DriverManager.getConnection(url + DATABASE, "postgres", "");
                Statement statement = db.createStatement()) {
            for (String schema : List.of("harvester", "catalog", "search", "reuse")) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schemas on the private PostgreSQL", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void chownToPostgres() {
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:", dir.toString()), false);
        }
    }

    private void run(List<String> command) {
        run(command, isRoot());
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed; see "
                        + dir.resolve("commands.log") + " and " + dir.resolve("postgres.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
