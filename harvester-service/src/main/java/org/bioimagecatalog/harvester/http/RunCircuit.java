package org.bioimagecatalog.harvester.http;

/**
 * The circuit breaker of the source whose run executes on this thread. Connectors are shared by every source and
 * call {@link PoliteHttpClient} without knowing which source they serve; the run binds its source's breaker to its
 * own thread for its duration (a run reads its source on that one thread), and the client reports to it.
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
