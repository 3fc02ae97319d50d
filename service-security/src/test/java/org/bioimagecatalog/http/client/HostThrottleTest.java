package org.bioimagecatalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-host limits: request starts spaced by the rate, and no more requests in flight than allowed. */
class HostThrottleTest {
    private static final HttpSettings SETTINGS = new HttpSettings("BioImageCatalog-test/1", Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1, Duration.ofMillis(10), Duration.ofMillis(50), 4, 1_000);

    @Test
    void requestStartsAreReservedOneIntervalApart() {
        HostThrottle.Host host = new HostThrottle.Host(0);
        long interval = 200;
        assertThat(host.reserve(1_000, interval)).isEqualTo(1_000);
        assertThat(host.reserve(1_000, interval)).as("asked at once: waits one interval").isEqualTo(1_200);
        assertThat(host.reserve(1_050, interval)).isEqualTo(1_400);
        assertThat(host.reserve(5_000, interval)).as("after a quiet spell: at once").isEqualTo(5_000);
    }

    @Test
    void hostsAreSchemeHostAndPort() {
        assertThat(HostThrottle.hostOf(URI.create("http://a.example:8080/x?y")))
                .isEqualTo(HostThrottle.hostOf(URI.create("http://a.example:8080/z")))
                .isNotEqualTo(HostThrottle.hostOf(URI.create("http://a.example:8081/x")));
    }

    @Test
    void noMoreRequestsInFlightToAHostThanTheLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            PoliteHttpClient client = new PoliteHttpClient(SETTINGS, new HostThrottle(2, 0));
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
            List<Future<FetchedResource>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> client.get(uri)));
            }
            // wait until the server holds as many requests as the client may send, then let them all through
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() >= 2);
            release.countDown();
            for (Future<FetchedResource> answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(most.get()).isEqualTo(2);
        } finally {
            release.countDown();
            callers.shutdownNow();
            server.stop(0);
        }
    }
}
