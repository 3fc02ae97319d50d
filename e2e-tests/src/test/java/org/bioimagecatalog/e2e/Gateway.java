package org.bioimagecatalog.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bioimagecatalog.testsupport.LocalStack;

/**
 * A private nginx built from {@code gateway/nginx.conf.template}, exactly as {@code bin/catalog up} renders it,
 * in front of the services of a {@link RunningSystem}, on a free port, with its own limits.
 */
final class Gateway implements AutoCloseable {
    private final Path dir;
    private final int port;

    private Gateway(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** {@code rate} as nginx writes it ("20r/s", "1r/m"), {@code maxBody} too ("1m", "2k"). */
    static Gateway start(RunningSystem system, String name, String rate, int burst, String maxBody)
            throws IOException, InterruptedException {
        Path repo = LocalStack.repoDir();
        Path dir = repo.resolve("e2e-tests/target/gateway-" + name).toAbsolutePath();
        Files.createDirectories(dir.resolve("tmp"));
        int port = freePort();
        String config = Files.readString(repo.resolve("gateway/nginx.conf.template"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> value : Map.ofEntries(
                Map.entry("@STATE@", dir.toString()),
                Map.entry("@ERROR_LOG@", dir.resolve("gateway-error.log").toString()),
                Map.entry("@ACCESS_LOG@", dir.resolve("gateway-access.log").toString()),
                Map.entry("@LISTEN@", "127.0.0.1:" + port),
                Map.entry("@TRUSTED_PROXY_IPV4@", "unix:"),
                Map.entry("@TRUSTED_PROXY_IPV6@", "unix:"),
                Map.entry("@FORWARDED_PROTO@", "$scheme"),
                Map.entry("@HARVESTER@", addressOf(system.harvester)),
                Map.entry("@CATALOG@", addressOf(system.catalog)),
                Map.entry("@SEARCH@", addressOf(system.search)),
                Map.entry("@REUSE@", addressOf(system.reuse)),
                // without a portal the pages answer the gateway's 503 problem (port 9: nothing listens)
                Map.entry("@PORTAL@", system.portal == null ? "127.0.0.1:9" : addressOf(system.portal)),
                Map.entry("@OPENAPI_DIR@", repo.resolve("api-docs/target/openapi").toAbsolutePath().toString()),
                Map.entry("@RATE@", rate),
                Map.entry("@BURST@", String.valueOf(burst)),
                // keyed requests: generous, so only the anonymous limit is under test
                Map.entry("@SUBMITTER_RATE@", "100r/s"), Map.entry("@SUBMITTER_BURST@", "1000"),
                Map.entry("@CURATOR_RATE@", "100r/s"), Map.entry("@CURATOR_BURST@", "1000"),
                Map.entry("@ADMIN_RATE@", "100r/s"), Map.entry("@ADMIN_BURST@", "1000"),
                Map.entry("@MAX_BODY@", maxBody)).entrySet()) {
            config = config.replace(value.getKey(), value.getValue());
        }
        Files.writeString(dir.resolve("nginx.conf"), config, StandardCharsets.UTF_8);
        Gateway gateway = new Gateway(dir, port);
        gateway.nginx();
        gateway.awaitListening();
        return gateway;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("nginx.pid"))) {
                nginx("-s", "quit");
            }
        } catch (IOException e) {
            // the next start uses another port
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void nginx(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(nginxBinary(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx-command.log").toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("nginx " + String.join(" ", extra) + " failed: "
                    + Files.readString(dir.resolve("nginx-command.log")));
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the gateway does not listen on " + port);
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: 'bin/catalog test' installs it (Debian package nginx-light)");
    }

    private static String addressOf(ServiceProcess service) {
        return "127.0.0.1:" + URI.create(service.baseUrl()).getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
