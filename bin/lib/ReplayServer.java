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
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The project's small replay server for `bin/catalog up --replay DIR`: serves a directory of recorded responses or
 * native records over real HTTP, so the harvester reads them exactly as it reads an archive or a mirror.
 *
 * <ul>
 *   <li>{@code GET /path} of a file answers the file byte for byte (Content-Type from the extension);
 *   <li>{@code GET /path/} of a folder answers an nginx-style "autoindex" HTML listing, which the harvester crawls;
 *   <li>the query string is ignored: paged API answers link to their next page by path ({@code links.next}).
 * </ul>
 *
 * Usage: {@code java bin/lib/ReplayServer.java DIR PORT} (PORT 0 = any free port; the chosen one is printed as
 * {@code replay server on http://127.0.0.1:PORT/ serving DIR}). JDK only, no dependencies.
 */
public final class ReplayServer {
    private final Path root;

    private ReplayServer(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ReplayServer.java DIR PORT");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            System.err.println("not a directory: " + root);
            System.exit(2);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", new ReplayServer(root)::handle);
        server.start();
        System.out.println("replay server on http://127.0.0.1:" + server.getAddress().getPort() + "/ serving " + root);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path target = root.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (!target.startsWith(root) || !Files.exists(target)) {
                send(exchange, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(target)) {
                send(exchange, 200, "text/html; charset=utf-8", listing(target).getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, contentType(target), Files.readAllBytes(target));
            }
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
