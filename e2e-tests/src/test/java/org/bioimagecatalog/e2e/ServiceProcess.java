package org.bioimagecatalog.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM, as in production. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private int port;
    private final Path log;
    private List<String> command;
    private Process process;

    private ServiceProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(Path repo, String module, Map<String, String> config, Path logDir) throws IOException {
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end tests run after the services are packaged"
                    + " (./mvnw verify builds them in order)");
        }
        ServiceProcess service = new ServiceProcess(module, freePort(), logDir.resolve(module + ".log"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dquarkus.http.port=" + service.port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logDir);
        service.command = command;
        service.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(service.log.toFile())
                .start();
        return service;
    }

    /** Starts the stopped service again, same configuration and port; its log continues in the same file. */
    void restart() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // the free port was free when chosen, not when the service bound it: another process may take it
                if (portWasTaken() && attempts++ < PORT_ATTEMPTS) {
                    moveToFreePort();
                    continue;
                }
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + tail());
            }
            if (isReady()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log: " + tail());
    }

    /** Quarkus's words when its HTTP port is in use. */
    private boolean portWasTaken() {
        String taken = "Port " + port + " seems to be in use";
        return logLines().stream().anyMatch(line -> line.contains(taken));
    }

    private void moveToFreePort() throws IOException {
        int taken = port;
        port = freePort();
        command.replaceAll(arg -> arg.equals("-Dquarkus.http.port=" + taken) ? "-Dquarkus.http.port=" + port : arg);
        restart();
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Everything the service has logged so far. */
    List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
