package org.bioimagecatalog.k8s;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's nginx (Debian's, which bin/catalog installs), run on a config written into a directory of its own:
 * {@code nginx -t} on it, or a foreground nginx listening on a port of 127.0.0.1.
 */
final class Nginx implements AutoCloseable {

    private final Process process;

    private Nginx(Process process) {
        this.process = process;
    }

    record Check(int exitCode, String output) {
    }

    /** {@code nginx -t} on {@code config}, written to dir/nginx.conf. */
    static Check test(Path dir, String config) throws IOException, InterruptedException {
        Path file = write(dir, config);
        Path log = dir.resolve("nginx-t.log");
        Process p = new ProcessBuilder(binary(), "-t", "-p", dir.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nginx -t did not finish in 30 s");
        }
        return new Check(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A foreground nginx on {@code config}; returns once {@code port} accepts connections. */
    static Nginx start(Path dir, String config, int port) throws IOException, InterruptedException {
        Path file = write(dir, config);
        Path log = dir.resolve("nginx.log");
        Process p = new ProcessBuilder(binary(), "-p", dir.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Nginx nginx = new Nginx(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("nginx exited with " + p.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new AssertionError("nginx does not listen on " + port + " after 30 s: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();   // SIGTERM: the master stops its worker and exits
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path write(Path dir, String config) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static String binary() {
        List<String> tried = new ArrayList<>();
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new AssertionError("nginx is not installed (looked at " + tried + "): 'bin/catalog test' installs it"
                + " (Debian package nginx-light), or run 'apt-get install nginx-light'");
    }
}
