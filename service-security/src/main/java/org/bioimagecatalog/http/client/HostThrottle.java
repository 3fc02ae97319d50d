package org.bioimagecatalog.http.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness shared by every run of this replica: at most {@code concurrency} requests in flight to a
 * host, and request starts spaced at least {@code 1 / requestsPerSecond} apart. A host is scheme + host + port, so a
 * mirror on another port is another host. Non-positive values switch a limit off.
 */
public final class HostThrottle {
    private final int concurrency;
    private final long intervalNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostThrottle(int concurrency, double requestsPerSecond) {
        this.concurrency = concurrency;
        this.intervalNanos = requestsPerSecond > 0 ? Math.round(1_000_000_000d / requestsPerSecond) : 0;
    }

    /** No limits at all (unit tests of other behaviour, benchmarks of parsing). */
    public static HostThrottle unlimited() {
        return new HostThrottle(0, 0);
    }

    /** A slot to send one request to the URI's host; close it when the answer has been read. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Permit acquire(URI uri) throws InterruptedException {
        Host host = hosts.computeIfAbsent(hostOf(uri), h -> new Host(concurrency));
        if (host.inFlight != null) {
            host.inFlight.acquire();
        }
        try {
            long wait = host.reserve(System.nanoTime(), intervalNanos) - System.nanoTime();
            if (wait > 0) {
                // the host's rate limit: this request's start was reserved for later
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            release(host);
            throw e;
        }
        return () -> release(host);
    }

    private static void release(Host host) {
        if (host.inFlight != null) {
            host.inFlight.release();
        }
    }

    static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** One host's state: its in-flight slots and when the next request may start. */
    static final class Host {
        final Semaphore inFlight;
        private long nextStart = Long.MIN_VALUE;

        Host(int concurrency) {
            this.inFlight = concurrency > 0 ? new Semaphore(concurrency, true) : null;
        }

        /** Reserves the earliest start at or after {@code now} that keeps starts {@code interval} apart. */
        synchronized long reserve(long now, long interval) {
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + interval;
            return start;
        }
    }
}
