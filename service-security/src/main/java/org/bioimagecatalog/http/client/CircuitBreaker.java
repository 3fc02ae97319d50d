package org.bioimagecatalog.http.client;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The circuit breaker of one upstream (a harvested source, a collector), named as its messages say
 * ({@code "source idr"}). CLOSED: requests go through; {@code failureThreshold} consecutive failed requests (each
 * after all its retries) open it. OPEN: requests are refused at once, so a source that is down is not
 * hammered and a run stops early instead of failing record after record. After {@code openFor} it is HALF_OPEN:
 * the next request is a trial, whose success closes the breaker and whose failure opens it again.
 * An answer such as 404 is a success here: the source is up and said no.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final String name;
    private final int failureThreshold;
    private final Duration openFor;
    private final Supplier<Instant> clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private String lastFailure;

    public CircuitBreaker(String name, int failureThreshold, Duration openFor, Supplier<Instant> clock) {
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    public CircuitBreaker(String name, int failureThreshold, Duration openFor) {
        this(name, failureThreshold, openFor, Instant::now);
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.get().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Refuses a request while the breaker is open; lets one through (the trial) once it is half-open. */
    public synchronized void beforeRequest(java.net.URI uri) throws CircuitOpenException {
        if (state() == State.OPEN) {
            throw new CircuitOpenException(uri, "GET " + uri + " not sent: " + describe());
        }
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
    }

    public synchronized void onFailure(String reason) {
        consecutiveFailures++;
        lastFailure = reason;
        if (state() == State.HALF_OPEN || failureThreshold > 0 && consecutiveFailures >= failureThreshold) {
            openedAt = clock.get();
        }
    }

    public synchronized boolean isOpen() {
        return state() == State.OPEN;
    }

    /** Why it is open and until when, for a run's failure reason. */
    public synchronized String describe() {
        if (openedAt == null) {
            return "the circuit breaker of " + name + " is closed";
        }
        return "the circuit breaker of " + name + " is open after " + consecutiveFailures
                + " consecutive failed requests (last: " + lastFailure + "); it lets a trial request through after "
                + openedAt.plus(openFor);
    }
}
