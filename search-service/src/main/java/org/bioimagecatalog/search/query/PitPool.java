package org.bioimagecatalog.search.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bioimagecatalog.search.SearchConfig;

/**
 * The points in time this service has open, at most {@code bic.search.query.pit-max-open}. Following a cursor
 * of a first page reuses the point in time already open for the same search (same text, filters and order), so
 * 30 follows of one cursor open one search context, not 30. When the cap is reached and no entry has expired,
 * {@link #acquire} answers empty and the caller continues with {@code search_after} on the alias, without a
 * point in time: pages then follow the live index (a dataset indexed meanwhile may shift them) but an anonymous
 * client cannot exhaust the cluster's search contexts, and nobody gets an error. An entry expires with the
 * point in time's own {@code keep_alive}, renewed by every page read through it; the last page closes it.
 */
@ApplicationScoped
public class PitPool {
    private final int maxOpen;
    private final Duration keepAlive;
    private final Clock clock;
    /** search key → open point in time; guarded by {@code this} (a few dozen entries, short sections). */
    private final Map<String, Entry> bySearch = new LinkedHashMap<>();

    private record Entry(String pitId, long expiresAtMillis) {}

    @Inject
    public PitPool(SearchConfig config) {
        this(config.query().pitMaxOpen(), keepAlive(config.query().pitKeepAlive()), Clock.systemUTC());
    }

    PitPool(int maxOpen, Duration keepAlive, Clock clock) {
        this.maxOpen = maxOpen;
        this.keepAlive = keepAlive;
        this.clock = clock;
    }

    /**
     * The point in time open for {@code searchKey}, else a new one from {@code opener} while under the cap, else
     * empty. The opener runs inside the pool's lock, so two concurrent first follows open one point in time.
     */
    public synchronized Optional<String> acquire(String searchKey, Supplier<String> opener) {
        long now = clock.millis();
        evictExpired(now);
        Entry open = bySearch.get(searchKey);
        if (open != null) {
            bySearch.put(searchKey, new Entry(open.pitId(), now + keepAlive.toMillis()));
            return Optional.of(open.pitId());
        }
        if (bySearch.size() >= maxOpen) {
            return Optional.empty();
        }
        String pitId = opener.get();
        bySearch.put(searchKey, new Entry(pitId, now + keepAlive.toMillis()));
        return Optional.of(pitId);
    }

    /** A page was read through {@code pitId}: its keep_alive was renewed. */
    public synchronized void renewed(String pitId) {
        long now = clock.millis();
        bySearch.replaceAll((key, e) -> e.pitId().equals(pitId) ? new Entry(pitId, now + keepAlive.toMillis()) : e);
    }

    /** Forgets {@code pitId}; true when the pool held it (the caller then closes it). */
    public synchronized boolean release(String pitId) {
        return bySearch.values().removeIf(e -> e.pitId().equals(pitId));
    }

    public synchronized int open() {
        evictExpired(clock.millis());
        return bySearch.size();
    }

    private void evictExpired(long now) {
        for (Iterator<Entry> it = bySearch.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMillis() <= now) {
                it.remove();
            }
        }
    }

    /** Elasticsearch time units as the keep_alive setting uses them: {@code 90s}, {@code 2m}, {@code 1h}. */
    static Duration keepAlive(String value) {
        String v = value.strip();
        long amount = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        return switch (v.replaceAll("^\\d+", "")) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a time value: " + value);
        };
    }
}
