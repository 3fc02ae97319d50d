package org.bioimagecatalog.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real local stack (PostgreSQL, Kafka, Elasticsearch) that {@code bin/stack} runs. Tests never fake
 * these engines: when one does not answer, {@link #ensureRunning()} starts the stack with the project's own
 * script, exactly as a developer would.
 */
public final class LocalStack {
    public static final String HOST = "127.0.0.1";

    private LocalStack() {}

    public static int pgPort() {
        return port("BIC_PG_PORT", 15432);
    }

    public static int kafkaPort() {
        return port("BIC_KAFKA_PORT", 19092);
    }

    public static int esPort() {
        return port("BIC_ES_PORT", 19200);
    }

    public static String kafkaBootstrap() {
        return HOST + ":" + kafkaPort();
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + pgPort() + "/" + database;
    }

    public static String elasticsearchHost() {
        return HOST + ":" + esPort();
    }

    public static Path repoDir() {
        String configured = System.getProperty("bic.repo.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin/stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find bin/stack above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static synchronized void ensureRunning() {
        if (answers(pgPort()) && answers(kafkaPort()) && answers(esPort())) {
            return;
        }
        Path repo = repoDir();
        try {
            Process process = new ProcessBuilder("bash", repo.resolve("bin/stack").toString(), "start")
                    .directory(repo.toFile())
                    .inheritIO()
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("bin/stack start failed with exit code " + exit
                        + "; see .stack/logs/ for the engine logs");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/stack start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the stack", e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
