package org.bioimagecatalog.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The project's small replay server for `bin/catalog up --replay DIR`: serves a directory of recorded responses or
 * native records over real HTTP, so the harvester reads them exactly as it reads an archive or a mirror.
 *
 * <ul>
 *   <li>{@code GET /path} of a file answers the file byte for byte (Content-Type from the extension);
 *   <li>{@code GET /path/} of a folder answers an nginx-style "autoindex" HTML listing, which the harvester crawls;
 *   <li>the query string is ignored: paged API answers link to their next page by path ({@code links.next});
 *   <li>{@code GET /path} with no such file answers {@code path.json} when that exists (a saved REST answer);
 *   <li>except OAI-PMH on a folder of saved {@code ListRecords} pages: {@code GET /folder/?verb=ListRecords&…}
 *       answers the folder's first {@code *.xml} page (in name order), {@code …&resumptionToken=T} the page named
 *       {@code T} in that folder, so pages whose {@code <resumptionToken>} names the next file are harvested over
 *       HTTP as from a live endpoint ({@code bin/chaos} writes its corpus so).
 * </ul>
 *
 * Faults (for {@code bin/chaos}): {@code --faults SPEC} makes some OAI-PMH page requests fail, numbered 1, 2, … in
 * arrival order. SPEC is a comma-separated list of {@code slow:N} (every Nth request answered after 3 s),
 * {@code 500:N} (answered 500), {@code 429:N} (answered 429 with {@code Retry-After: 1}), {@code drop:N} (half the
 * page sent, then the connection closed) and {@code outage:A-B} (requests A to B answered 503: longer than a
 * client's retries). The first rule that matches a request wins; each injected fault is printed as {@code fault
 * <kind> request <n> <path>}.
 *
 * Usage: {@code java bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java DIR PORT [--faults SPEC]} (PORT 0 = any free port; the chosen one is
 * printed as {@code replay server on http://127.0.0.1:PORT/ serving DIR}). JDK only, no dependencies, one file: so that
 * {@code bin/catalog}, {@code bin/chaos} and test-support's {@code ReplayServerProcess} (built before this module)
 * run this very source with Java's source launcher, while the bench module compiles and tests it.
 */
public final class ReplayServer {
    private final Path root;
    private final List<Fault> faults;
    private final AtomicInteger oaiRequests = new AtomicInteger();

    /** One rule of --faults: a kind, and the request numbers it applies to (every Nth, or a range). */
    private record Fault(String kind, int every, int from, int to) {
        static Fault parse(String rule) {
            String[] parts = rule.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a fault is KIND:N or outage:A-B, not '" + rule + "'");
            }
            if (parts[0].equals("outage")) {
                String[] range = parts[1].split("-", 2);
                return new Fault("outage", 0, Integer.parseInt(range[0]), Integer.parseInt(range[1]));
            }
            if (!List.of("slow", "500", "429", "drop").contains(parts[0])) {
                throw new IllegalArgumentException("unknown fault '" + parts[0] + "': slow, 500, 429, drop or outage");
            }
            return new Fault(parts[0], Integer.parseInt(parts[1]), 0, 0);
        }

        boolean matches(int request) {
            return every > 0 ? request % every == 0 : request >= from && request <= to;
        }
    }

    private ReplayServer(Path root, List<Fault> faults) {
        this.root = root;
        this.faults = faults;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--faults"))) {
            System.err.println("usage: java ReplayServer.java DIR PORT [--faults SPEC]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            System.err.println("not a directory: " + root);
            System.exit(2);
        }
        HttpServer server = start(root, Integer.parseInt(args[1]), args.length == 4 ? args[3] : "");
        System.out.println("replay server on http://127.0.0.1:" + server.getAddress().getPort() + "/ serving " + root);
    }

    /** Serves {@code root} on 127.0.0.1:{@code port} (0: any free port) with the faults of {@code faults} ("" none). */
    static HttpServer start(Path root, int port, String faults) throws IOException {
        List<Fault> rules = Arrays.stream(faults.split(",")).filter(r -> !r.isBlank()).map(Fault::parse).toList();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", new ReplayServer(root.toAbsolutePath().normalize(), rules)::handle);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path target = withJsonExtension(root.resolve(path.replaceFirst("^/+", "")).normalize());
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (!target.startsWith(root) || !Files.exists(target)) {
                send(exchange, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(target) && isListRecords(exchange.getRequestURI().getRawQuery())) {
                oaiPage(exchange, target, path);
            } else if (Files.isDirectory(target)) {
                send(exchange, 200, "text/html; charset=utf-8", listing(target).getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, contentType(target), Files.readAllBytes(target));
            }
        }
    }

    /**
     * A REST endpoint saved as a file: {@code GET /reuse/datacite/dois?query=…} answers {@code reuse/datacite/dois.json}
     * when no file or folder {@code dois} exists (the query is ignored, as everywhere).
     */
    private static Path withJsonExtension(Path target) {
        Path json = target.resolveSibling(target.getFileName() + ".json");
        return !Files.exists(target) && Files.isRegularFile(json) ? json : target;
    }

    private static boolean isListRecords(String rawQuery) {
        return rawQuery != null && Arrays.asList(rawQuery.split("&")).contains("verb=ListRecords");
    }

    /** A page of a folder of saved ListRecords pages: the first one, or the one the resumption token names. */
    private void oaiPage(HttpExchange exchange, Path dir, String path) throws IOException {
        int request = oaiRequests.incrementAndGet();
        String token = Arrays.stream(exchange.getRequestURI().getRawQuery().split("&"))
                .filter(p -> p.startsWith("resumptionToken=")).map(p -> URLDecoder.decode(p.substring(16), StandardCharsets.UTF_8))
                .findFirst().orElse(null);
        Path page;
        if (token == null) {
            try (Stream<Path> files = Files.list(dir)) {
                page = files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().findFirst().orElse(null);
            }
        } else {
            page = token.matches("[A-Za-z0-9._-]+") ? dir.resolve(token) : null;
        }
        if (page == null || !Files.isRegularFile(page)) {
            byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                    + "<error code=\"" + (token == null ? "noRecordsMatch" : "badResumptionToken") + "\"/></OAI-PMH>")
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, "text/xml", error);
            return;
        }
        byte[] body = Files.readAllBytes(page);
        Fault fault = faults.stream().filter(f -> f.matches(request)).findFirst().orElse(null);
        if (fault == null) {
            send(exchange, 200, "text/xml", body);
            return;
        }
        System.out.println("fault " + fault.kind() + " request " + request + " " + path + (token == null ? "" : " " + token));
        switch (fault.kind()) {
            case "slow" -> {
                sleep(3000);
                send(exchange, 200, "text/xml", body);
            }
            case "429" -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "text/plain", "slow down\n".getBytes(StandardCharsets.UTF_8));
            }
            case "drop" -> {
                // announce the whole page, send half of it, then cut the connection
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                // the half is on the wire; failing the exchange makes the server close the connection there
                throw new IOException("connection dropped mid-page on purpose");
            }
            case "500" -> send(exchange, 500, "text/plain", "injected failure\n".getBytes(StandardCharsets.UTF_8));
            default -> send(exchange, 503, "text/plain", "injected outage\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String listing(Path dir) throws IOException {
        StringBuilder html = new StringBuilder("<html><head><title>Index of " + dir.getFileName()
                + "</title></head><body><pre>\n<a href=\"../\">../</a>\n");
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).forEach(p -> {
                        String name = p.getFileName() + (Files.isDirectory(p) ? "/" : "");
                        html.append("<a href=\"").append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%2F", "/")
                                .replace("+", "%20")).append("\">").append(name).append("</a>\n");
                    });
        }
        return html.append("</pre></body></html>\n").toString();
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".xml")) {
            return "text/xml";
        }
        return name.endsWith(".txt") || name.endsWith(".md") ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
