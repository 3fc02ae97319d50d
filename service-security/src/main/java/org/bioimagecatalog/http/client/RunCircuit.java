package org.bioimagecatalog.http.client;

/**
 * The circuit breaker of the run executing on this thread (a harvest of one source, a collector run). Connectors
 * and collectors call {@link PoliteHttpClient} without knowing which run they serve; the run binds its breaker to
 * its own thread for its duration (a run reads on that one thread), and the client reports to it.
 */
public final class RunCircuit {
    private static final ThreadLocal<CircuitBreaker> CURRENT = new ThreadLocal<>();

    private RunCircuit() {}

    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    public static Binding bind(CircuitBreaker breaker) {
        CircuitBreaker previous = CURRENT.get();
        CURRENT.set(breaker);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    static CircuitBreaker current() {
        return CURRENT.get();
    }
}
