package org.bioimagecatalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry policy against a real loopback server that answers badly on purpose. */
class PoliteHttpClientTest {
    private static final HttpSettings FAST = new HttpSettings("BioImageCatalog-test/1", Duration.ofSeconds(5),
            Duration.ofSeconds(10), 3, Duration.ofMillis(10), Duration.ofMillis(50), 4, 1_000);

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedUntilTheAnswerComes() throws Exception {
        serve("/flaky", new int[] {503, 429, 200}, "Retry-After", "0");

        FetchedResource fetched = new PoliteHttpClient(FAST).get(uri("/flaky"));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(userAgents).containsOnly("BioImageCatalog-test/1");
    }

    @Test
    void persistentServerErrorGivesUpAfterTheConfiguredAttempts() {
        serve("/down", new int[] {502, 502, 502, 502}, null, null);

        assertThatThrownBy(() -> new PoliteHttpClient(FAST).get(uri("/down")))
                .isInstanceOf(HttpFetchException.class)
                .hasMessage("GET " + uri("/down") + " answered HTTP 502 after 3 attempts");
        assertThat(calls).hasValue(3);
    }

    @Test
    void notFoundIsNotRetried() {
        serve("/missing", new int[] {404}, null, null);

        assertThatThrownBy(() -> new PoliteHttpClient(FAST).get(uri("/missing")))
                .isInstanceOf(HttpFetchException.class)
                .hasMessage("GET " + uri("/missing") + " answered HTTP 404")
                .extracting(e -> ((HttpFetchException) e).status()).isEqualTo(404);
        assertThat(calls).hasValue(1);
    }

    @Test
    void bodyLargerThanTheLimitIsRefused() {
        server.createContext("/big", exchange -> {
            byte[] body = new byte[2_000];
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        assertThatThrownBy(() -> new PoliteHttpClient(FAST).get(uri("/big")))
                .hasMessage("GET " + uri("/big") + " returned more than 1000 bytes, the configured limit");
    }

    @Test
    void droppedConnectionsAreRetried() throws Exception {
        server.createContext("/drop", exchange -> {
            if (calls.getAndIncrement() == 0) {
                exchange.close(); // no status line: the client sees the connection end
                return;
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        FetchedResource fetched = new PoliteHttpClient(FAST).get(uri("/drop"));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsRetried() throws Exception {
        HttpSettings impatient = new HttpSettings("BioImageCatalog-test/1", Duration.ofSeconds(5),
                Duration.ofMillis(300), 3, Duration.ofMillis(10), Duration.ofMillis(50), 4, 1_000);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        // a server of its own with a thread per request: the held first answer must not block the retry's
        server.stop(0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        server.createContext("/slow", exchange -> {
            if (calls.getAndIncrement() == 0) {
                try {
                    done.await(10, java.util.concurrent.TimeUnit.SECONDS); // hold the first answer past the timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        try {
            FetchedResource fetched = new PoliteHttpClient(impatient).get(uri("/slow"));
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
            assertThat(calls).hasValue(2);
        } finally {
            done.countDown();
        }
    }

    @Test
    void theRunsCircuitBreakerCountsFailedRequestsAndThenRefusesWithoutSending() throws Exception {
        serve("/down", new int[] {500}, "Retry-After", "0");
        serve("/gone", new int[] {404}, null, null);
        CircuitBreaker breaker = new CircuitBreaker("source test", 2, Duration.ofMinutes(5));
        PoliteHttpClient client = new PoliteHttpClient(FAST);

        try (RunCircuit.Binding bound = RunCircuit.bind(breaker)) {
            assertThatThrownBy(() -> client.get(uri("/down"))).isInstanceOf(HttpFetchException.class);
            assertThatThrownBy(() -> client.get(uri("/gone"))).as("a 404 is an answer: it resets the count")
                    .isInstanceOf(HttpFetchException.class).isNotInstanceOf(CircuitOpenException.class);
            assertThatThrownBy(() -> client.get(uri("/down"))).isInstanceOf(HttpFetchException.class);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThatThrownBy(() -> client.get(uri("/down"))).isInstanceOf(HttpFetchException.class);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            int sent = calls.get();

            assertThatThrownBy(() -> client.get(uri("/down"))).isInstanceOf(CircuitOpenException.class)
                    .hasMessageContaining("the circuit breaker of source test is open after 2 consecutive failed requests");
            assertThat(calls).as("an open breaker sends nothing").hasValue(sent);
        }
        assertThat(new PoliteHttpClient(FAST).get(uri("/gone"), "*/*", status -> status == 404).status())
                .as("outside the run the breaker does not apply").isEqualTo(404);
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        assertThat(PoliteHttpClient.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(PoliteHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(PoliteHttpClient.parseRetryAfter("soon")).isEmpty();
    }

    private void serve(String path, int[] statuses, String header, String value) {
        server.createContext(path, exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            if (header != null) {
                exchange.getResponseHeaders().set(header, value);
            }
            byte[] body = (status == 200 ? "ok" : "error " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Test
    void aRedirectIsFollowedAndARedirectIntoThePrivateNetworkIsRefusedBeforeItIsSent() throws Exception {
        AddressGuard loopbackOnly = new AddressGuard(true, false);
        PoliteHttpClient client = new PoliteHttpClient(FAST, HostThrottle.unlimited(),
                io.opentelemetry.api.OpenTelemetry.noop().getTracer("test"), loopbackOnly);
        redirect("/moved", uri("/flaky").toString());
        serve("/flaky", new int[] {200}, null, null);
        FetchedResource followed = client.get(uri("/moved"));
        assertThat(followed.uri()).isEqualTo(uri("/flaky"));
        assertThat(new String(followed.body(), StandardCharsets.UTF_8)).isEqualTo("ok");

        redirect("/metadata", "http://169.254.169.254/latest/meta-data/");
        assertThatThrownBy(() -> client.get(uri("/metadata"))).isInstanceOf(HttpFetchException.class)
                .hasMessageContaining("redirected to http://169.254.169.254/latest/meta-data/")
                .hasMessageContaining("refused: 169.254.169.254 is a link-local address");
        redirect("/file", "file:///etc/passwd");
        assertThatThrownBy(() -> client.get(uri("/file"))).isInstanceOf(HttpFetchException.class)
                .hasMessageContaining("only http and https are followed");
    }

    @Test
    void theGuardRefusesLoopbackPrivateAndLinkLocalAddressesUnlessAllowed() {
        AddressGuard closed = new AddressGuard(false, false);
        for (String host : List.of("127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.1", "100.64.0.1",
                "169.254.169.254", "[::1]", "[fe80::1]", "[fd00::1]", "0.0.0.0")) {
            assertThat(closed.refusal(URI.create("http://" + host + "/x"))).as(host).isPresent();
        }
        assertThat(closed.refusal(URI.create("http://93.184.216.34/x"))).isEmpty();
        assertThat(new AddressGuard(true, false).refusal(URI.create("http://127.0.0.1/x"))).isEmpty();
        assertThat(new AddressGuard(true, false).refusal(URI.create("http://169.254.169.254/x"))).isPresent();
    }

    private void redirect(String path, String to) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
