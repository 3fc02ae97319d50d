package org.bioimagecatalog.harvester.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Replays recorded cassettes over real loopback HTTP, so that connectors are tested on the wire exactly as they
 * talk to an archive. A request is matched on path + query (host ignored; query arguments compared decoded and in
 * any order); the recorded status, headers and decoded body are sent back. A URI recorded several times answers
 * its recordings in order, then repeats the last. Faults can be queued in front of the recordings (a 500, a 429
 * with Retry-After, a malformed body), and self-written answers added. A recorded redirect's {@code Location}
 * is moved onto this server, so that following it stays in the replay.
 */
public final class CassetteReplayServer implements AutoCloseable {

    /** An answer that is not a recording: a fault or a self-written response, sent after {@code delay}. */
    public record Answer(int status, Map<String, String> headers, byte[] body, Duration delay) {
        public Answer(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, Duration.ZERO);
        }

        /** A 200 that starts only after {@code delay}: longer than the client's timeout, it is a timeout. */
        public static Answer slow(Duration delay) {
            return new Answer(200, Map.of("Content-Type", "text/plain"), "late".getBytes(StandardCharsets.UTF_8), delay);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of("Content-Type", "text/plain"), ("HTTP " + status).getBytes(StandardCharsets.UTF_8));
        }

        public static Answer tooManyRequests(int retryAfterSeconds) {
            return new Answer(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds), "Content-Type", "text/plain"),
                    "slow down".getBytes(StandardCharsets.UTF_8));
        }

        public static Answer body(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Fault(Predicate<String> matches, Deque<Answer> answers) {}

    private final HttpServer server;
    private final Map<String, List<Answer>> recorded = new HashMap<>();
    private final Map<String, Integer> served = new HashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private CassetteReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves every interaction of the given cassettes. */
    public static CassetteReplayServer replay(Path... cassettes) {
        try {
            CassetteReplayServer replay = new CassetteReplayServer();
            for (Path file : cassettes) {
                for (Cassette.Interaction i : Cassette.read(file).interactions()) {
                    replay.add(i.uri(), new Answer(i.status(), i.headers(), i.body()));
                }
            }
            return replay;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the cassette replay server", e);
        }
    }

    /** {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The recorded URL moved onto this server: {@code https://zenodo.org/oai2d?x} → {@code http://127.0.0.1:p/oai2d?x}. */
    public String url(String recordedUrl) {
        URI uri = URI.create(recordedUrl);
        return baseUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Adds (or appends to) the answers of a path + query, as a recording would. */
    public synchronized CassetteReplayServer add(URI uri, Answer answer) {
        recorded.computeIfAbsent(key(uri.getRawPath(), uri.getRawQuery()), k -> new ArrayList<>()).add(answer);
        return this;
    }

    public CassetteReplayServer add(String pathAndQuery, Answer answer) {
        return add(URI.create(pathAndQuery), answer);
    }

    /** Answers {@code pathAndQuery} with what was recorded for {@code recordedPathAndQuery}. */
    public synchronized CassetteReplayServer alias(String pathAndQuery, String recordedPathAndQuery) {
        URI recordedUri = URI.create(recordedPathAndQuery);
        List<Answer> answers = recorded.get(key(recordedUri.getRawPath(), recordedUri.getRawQuery()));
        if (answers == null) {
            throw new IllegalArgumentException("nothing recorded for " + recordedPathAndQuery);
        }
        URI uri = URI.create(pathAndQuery);
        recorded.put(key(uri.getRawPath(), uri.getRawQuery()), answers);
        return this;
    }

    /**
     * The next requests whose decoded path + query contains {@code fragment} get these answers first, one each,
     * before the recordings are served again.
     */
    public CassetteReplayServer failNext(String fragment, Answer... answers) {
        faults.add(new Fault(request -> request.contains(fragment), new ArrayDeque<>(Arrays.asList(answers))));
        return this;
    }

    /** Every request received, as decoded path + query, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String decoded = uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + decode(uri.getRawQuery()));
            requests.add(decoded);
            Answer answer = fault(decoded);
            if (answer == null) {
                answer = recording(key(uri.getRawPath(), uri.getRawQuery()));
            }
            if (answer == null) {
                answer = Answer.body(404, "text/plain", "nothing recorded for " + decoded);
            }
            if (!answer.delay().isZero()) {
                pause(answer.delay());
            }
            boolean redirect = answer.status() / 100 == 3;
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name,
                    redirect && name.equalsIgnoreCase("Location") ? url(value) : value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            // the fault under test is a server that answers too late
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer fault(String request) {
        for (Fault fault : faults) {
            if (fault.matches().test(request)) {
                synchronized (fault) {
                    Answer answer = fault.answers().poll();
                    if (answer != null) {
                        return answer;
                    }
                }
            }
        }
        return null;
    }

    private synchronized Answer recording(String key) {
        List<Answer> answers = recorded.get(key);
        if (answers == null) {
            return null;
        }
        int index = served.merge(key, 1, Integer::sum) - 1;
        return answers.get(Math.min(index, answers.size() - 1));
    }

    /** Path plus the decoded query arguments sorted, so that argument order and percent-encoding do not matter. */
    private static String key(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : decode(rawPath);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        return path + "?" + Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty())
                .map(p -> {
                    String[] kv = p.split("=", 2);
                    return decode(kv[0]) + "=" + (kv.length > 1 ? decode(kv[1]) : "");
                })
                .sorted().collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
