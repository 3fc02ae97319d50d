package org.bioimagecatalog.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's replay server ({@code bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java}, run by Java's source launcher, the one {@code bin/catalog replay} and {@code up
 * --offline} run) started as a separate process on a free port, serving a directory over real HTTP.
 */
public final class ReplayServerProcess implements AutoCloseable {
    private static final Pattern FIRST_LINE = Pattern.compile("replay server on (http://127\\.0\\.0\\.1:\\d+/) serving ");
    private final Process process;
    private final String baseUrl;

    private ReplayServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts serving {@code dir}; fails when the server has not announced its port within two minutes. */
    public static ReplayServerProcess start(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), LocalStack.repoDir().resolve("bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java").toString(),
                dir.toString(), "0").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first;
        try {
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(120, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroy();
            throw new IOException("the replay server did not start: " + e, e);
        }
        Matcher port = FIRST_LINE.matcher(String.valueOf(first));
        if (!port.find()) {
            process.destroy();
            throw new IOException("the replay server's first line is not its address: " + first);
        }
        return new ReplayServerProcess(process, port.group(1));
    }

    /** {@code http://127.0.0.1:<port>/}, with the trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
