package org.bioimagecatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's config on Kubernetes ({@code k8s/base/gateway/nginx.conf}) is the local gateway's template rendered
 * with {@code values.properties}, passes {@code nginx -t}, and, run by a real nginx as the bic-gateway pod runs it,
 * limits only requests without an API key, per client address as the Ingress controller forwards it, and serves
 * the committed OpenAPI document. Only what cannot exist on this machine is replaced for the runs: the state
 * directory, the services' addresses (127.0.0.1), the listening port and, for the limit test, the rate.
 */
class GatewayConfigTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theCommittedConfigIsTheTemplateRenderedWithTheKubernetesValues() throws IOException {
        String fresh = GatewayConfig.render(GatewayConfig.template(), GatewayConfig.kubernetesValues());
        String committed = Files.exists(GatewayConfig.committed()) ? Files.readString(GatewayConfig.committed()) : "";
        // the fresh rendering goes to target/ (never over the tracked file: a second run must not pass by it)
        Path rendered = Path.of("target/nginx.conf");
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, fresh, StandardCharsets.UTF_8);
        assertThat(committed).as("k8s/base/gateway/nginx.conf is stale: review and commit the template rendered"
                + " with the Kubernetes values: 'cp k8s-validation/target/nginx.conf k8s/base/gateway/nginx.conf'")
                .isEqualTo(fresh);
    }

    @Test
    void aPlaceholderWithoutAValueOrAValueWithoutAPlaceholderIsReported() {
        assertThatThrownBy(() -> GatewayConfig.render("listen @LISTEN@; root @ROOT@;", Map.of("LISTEN", "8080", "PORT", "1")))
                .hasMessageContaining("without a value [ROOT]").hasMessageContaining("without a placeholder [PORT]");
    }

    @Test
    void theKubernetesConfigPassesNginxTest(@TempDir Path dir) throws Exception {
        Nginx.Check check = Nginx.test(dir, runnableHere(dir, Map.of()));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("syntax is ok").contains("test is successful");
    }

    @Test
    void nginxTestRejectsABrokenConfig(@TempDir Path dir) throws Exception {
        String broken = runnableHere(dir, Map.of()).replace("limit_req_status 403;", "limit_req_status;");
        Nginx.Check check = Nginx.test(dir, broken);
        assertThat(check.exitCode()).isNotZero();
        assertThat(check.output()).contains("limit_req_status");
    }

    @Test
    void requestsWithoutAValidApiKeyAreLimitedPerForwardedClientAddress(@TempDir Path dir)
            throws Exception {
        int port = Nginx.freePort();
        int nobody = Nginx.freePort(); // no service checks keys here: a key no one vouches for is anonymous
        // one request a minute and a burst of one: the third anonymous request of an address is refused
        String config = runnableHere(dir, Map.of("LISTEN", "127.0.0.1:" + port, "RATE", "1r/m", "BURST", "1",
                "CATALOG", "127.0.0.1:" + nobody));
        try (Nginx nginx = Nginx.start(dir, config, port)) {
            String url = "http://127.0.0.1:" + port + "/api/v1/openapi.yaml";
            List<Integer> anonymous = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                anonymous.add(get(url, "X-Forwarded-For", "203.0.113.20").statusCode());
            }
            assertThat(anonymous).containsExactly(200, 200, 429);

            HttpResponse<String> refused = get(url, "X-Forwarded-For", "203.0.113.20");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("\"type\":\"https://bioimagecatalog.org/problems/rate-limited\"");
            // the last hop counts, the one the Ingress controller wrote: addresses a client puts before it do not
            assertThat(get(url, "X-Forwarded-For", "198.51.100.1, 203.0.113.20").statusCode()).isEqualTo(429);

            // a key header alone escapes nothing: a key no service accepts counts as anonymous, with either header
            assertThat(get(url, "X-Forwarded-For", "203.0.113.20", "X-API-Key", "some-key").statusCode()).isEqualTo(429);
            assertThat(get(url, "X-Forwarded-For", "203.0.113.20", "Authorization", "Bearer some-key").statusCode())
                    .isEqualTo(429);
            // another client address has its own budget
            assertThat(get(url, "X-Forwarded-For", "203.0.113.21").statusCode()).isEqualTo(200);
            // the limiters are internal: a client cannot call one
            assertThat(get("http://127.0.0.1:" + port + "/_bic/limit/anonymous", "X-Forwarded-For", "203.0.113.22")
                    .statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withTheLocalTrustedProxyAForwardedAddressDoesNotEscapeTheLimit(@TempDir Path dir) throws Exception {
        int port = Nginx.freePort();
        // bin/catalog trusts no proxy ("unix:"): every request here counts for 127.0.0.1, whatever it forwards
        String config = runnableHere(dir, Map.of("LISTEN", "127.0.0.1:" + port, "RATE", "1r/m", "BURST", "1",
                "TRUSTED_PROXY_IPV4", "unix:", "TRUSTED_PROXY_IPV6", "unix:"));
        try (Nginx nginx = Nginx.start(dir, config, port)) {
            String url = "http://127.0.0.1:" + port + "/api/v1/openapi.yaml";
            List<Integer> statuses = new ArrayList<>();
            for (String forwarded : List.of("203.0.113.30", "203.0.113.31", "203.0.113.32")) {
                statuses.add(get(url, "X-Forwarded-For", forwarded).statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 429);
        }
    }

    @Test
    void servesTheCommittedOpenApiDocumentAndItsOwnHealth(@TempDir Path dir) throws Exception {
        int port = Nginx.freePort();
        try (Nginx nginx = Nginx.start(dir, runnableHere(dir, Map.of("LISTEN", "127.0.0.1:" + port)), port)) {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> json = get(base + "/api/v1/openapi");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(json.body()).isEqualTo(Files.readString(GatewayConfig.dir().resolve("openapi.json")));

            HttpResponse<String> yaml = get(base + "/api/v1/openapi.yaml");
            assertThat(yaml.statusCode()).isEqualTo(200);
            assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
            assertThat(yaml.body()).isEqualTo(Files.readString(GatewayConfig.dir().resolve("openapi.yaml")));

            HttpResponse<String> health = get(base + "/health/gateway");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            HttpResponse<String> unknown = get(base + "/api/v1/no/such/route");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("\"type\":\"https://bioimagecatalog.org/problems/not-found\"");
        }
    }

    @Test
    void pagesGoToThePortalAndUnknownApiPathsStayProblems(@TempDir Path dir) throws Exception {
        int port = Nginx.freePort();
        com.sun.net.httpserver.HttpServer portal = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", exchange -> {
            byte[] body = ("portal page " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        String config = runnableHere(dir, Map.of("LISTEN", "127.0.0.1:" + port,
                "PORTAL", "127.0.0.1:" + portal.getAddress().getPort()));
        try (Nginx nginx = Nginx.start(dir, config, port)) {
            String base = "http://127.0.0.1:" + port;
            for (String page : List.of("/", "/search?q=yeast", "/datasets/bic-0a1b2c3d4e5f", "/sources", "/api/docs",
                    "/sitemap.xml", "/robots.txt", "/portal.css")) {
                HttpResponse<String> answer = get(base + page);
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                assertThat(answer.body()).as(page).isEqualTo("portal page " + page);
            }
            for (String api : List.of("/api/v1/nowhere", "/api/other", "/q/health")) {
                HttpResponse<String> answer = get(base + api);
                assertThat(answer.statusCode()).as(api).isEqualTo(404);
                assertThat(answer.body()).as(api).contains("\"type\":\"https://bioimagecatalog.org/problems/not-found\"");
            }
        } finally {
            portal.stop(0);
        }
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503ProblemNotNginxsHtmlPage(@TempDir Path dir) throws Exception {
        int port = Nginx.freePort();
        int nobody = Nginx.freePort(); // nothing listens there: the proxy's connection is refused (nginx's 502)
        String config = runnableHere(dir, Map.of("LISTEN", "127.0.0.1:" + port, "HARVESTER", "127.0.0.1:" + nobody));
        try (Nginx nginx = Nginx.start(dir, config, port)) {
            HttpResponse<String> down = get("http://127.0.0.1:" + port + "/api/v1/harvest/sources");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(down.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(down.body()).contains("\"type\":\"https://bioimagecatalog.org/problems/unavailable\"")
                    .contains("\"status\":503").doesNotContain("<html");
        }
    }

    /**
     * The Kubernetes config with what this machine cannot offer replaced: the state directory (the pod's emptyDir),
     * the services' host names (their ports stay) and the ConfigMap's mount, here the committed k8s/base/gateway.
     */
    private static String runnableHere(Path dir, Map<String, String> overrides) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> here = new HashMap<>(Map.of("STATE", dir.toString(),
                "OPENAPI_DIR", GatewayConfig.dir().toString()));
        for (String upstream : List.of("HARVESTER", "CATALOG", "SEARCH", "REUSE", "PORTAL")) {
            String address = GatewayConfig.kubernetesValues().get(upstream);
            here.put(upstream, "127.0.0.1" + address.substring(address.lastIndexOf(':')));
        }
        here.putAll(overrides);
        return GatewayConfig.render(GatewayConfig.template(), GatewayConfig.kubernetesValuesWith(here));
    }

    private static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
