package org.bioimagecatalog.catalog.taxonomy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.vocab.Taxon;
import org.bioimagecatalog.model.vocab.TaxonResolver;

/**
 * The answers of the online taxonomy step in PostgreSQL ({@code taxon_lookups}), misses included: a fresh entry
 * answers without asking NCBI; a stale one (older than the hit or miss time-to-live) is asked again.
 */
@ApplicationScoped
public class TaxonLookupCache {
    /** A cached answer: the taxon, or empty for "no such taxon, or not uniquely". */
    public record Entry(Optional<Taxon> taxon, Instant fetchedAt) {}

    private final AgroalDataSource db;
    private final TaxonomyConfig config;

    TaxonLookupCache(AgroalDataSource db, TaxonomyConfig config) {
        this.db = db;
        this.config = config;
    }

    /** The fresh answer for a look-up, if one is cached. */
    public Optional<Entry> fresh(String kind, String key) {
        return stored(kind, key).filter(e -> {
            Duration ttl = e.taxon().isPresent() ? config.cache().hitTtl() : config.cache().missTtl();
            return e.fetchedAt().plus(ttl).isAfter(Instant.now());
        });
    }

    public Optional<Entry> stored(String kind, String key) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT taxon::text, fetched_at FROM taxon_lookups WHERE kind = ? AND lookup_key = ?")) {
            s.setString(1, kind);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String json = r.getString(1);
                return Optional.of(new Entry(Optional.ofNullable(json).map(j -> ModelJson.read(j, Taxon.class)),
                        r.getTimestamp(2).toInstant()));
            }
        } catch (SQLException e) {
            // the cache is an optimisation: without it the value stays unresolved until the next normalisation
            throw new TaxonResolver.Unavailable("taxon cache unreadable: " + e.getMessage(), e);
        }
    }

    public void put(String kind, String key, Optional<Taxon> taxon) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO taxon_lookups (kind, lookup_key, taxon, fetched_at) VALUES (?, ?, ?::jsonb, ?)
                        ON CONFLICT (kind, lookup_key) DO UPDATE SET taxon = EXCLUDED.taxon, fetched_at = EXCLUDED.fetched_at""")) {
            s.setString(1, kind);
            s.setString(2, key);
            s.setString(3, taxon.map(ModelJson::write).orElse(null));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new TaxonResolver.Unavailable("taxon cache unwritable: " + e.getMessage(), e);
        }
    }
}
