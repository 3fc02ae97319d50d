package org.bioimagecatalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.bioimagecatalog.http.client.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

/** The breaker's states on a clock the test moves. */
class CircuitBreakerTest {
    private static final URI URL = URI.create("http://archive.example/entry/1");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker("source idr", 3, Duration.ofMinutes(10), now::get);

    @Test
    void opensAfterTheConfiguredConsecutiveFailuresAndRefusesRequests() throws Exception {
        breaker.onFailure("HTTP 500");
        breaker.onFailure("HTTP 500");
        breaker.onSuccess();
        breaker.onFailure("HTTP 500");
        breaker.onFailure("HTTP 502");
        assertThat(breaker.state()).as("a success in between resets the count").isEqualTo(State.CLOSED);
        breaker.beforeRequest(URL);

        breaker.onFailure("GET x answered HTTP 503");
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThatThrownBy(() -> breaker.beforeRequest(URL))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessage("GET " + URL + " not sent: the circuit breaker of source idr is open after 3 consecutive"
                        + " failed requests (last: GET x answered HTTP 503); it lets a trial request through after"
                        + " 2026-01-01T00:10:00Z");
    }

    @Test
    void halfOpenAfterTheWaitClosesOnASuccessfulTrialAndReopensOnAFailedOne() throws Exception {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure("HTTP 500");
        }
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        breaker.beforeRequest(URL);
        breaker.onFailure("still HTTP 500");
        assertThat(breaker.state()).as("one failed trial opens it again").isEqualTo(State.OPEN);

        now.set(now.get().plus(Duration.ofMinutes(10)));
        breaker.beforeRequest(URL);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        breaker.onFailure("HTTP 500");
        assertThat(breaker.state()).as("closed again: the count starts over").isEqualTo(State.CLOSED);
    }

    @Test
    void aThresholdOfZeroNeverOpens() {
        CircuitBreaker off = new CircuitBreaker("source idr", 0, Duration.ofMinutes(10), now::get);
        for (int i = 0; i < 100; i++) {
            off.onFailure("HTTP 500");
        }
        assertThat(off.state()).isEqualTo(State.CLOSED);
    }
}
