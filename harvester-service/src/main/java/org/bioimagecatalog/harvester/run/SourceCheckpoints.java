package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the last successful run of a source stopped (an OAI-PMH responseDate, a DataCite "updated since" time),
 * per source and location, so that the next run asks only for what changed. Table {@code source_checkpoint}.
 */
@ApplicationScoped
public class SourceCheckpoints {

    @Inject
    EntityManager em;

    @Transactional
    public Optional<String> find(String source, String location) {
        return em.createNativeQuery("select checkpoint from {h-schema}source_checkpoint"
                        + " where source = :source and location = :location", String.class)
                .setParameter("source", source).setParameter("location", location)
                .getResultStream().findFirst().map(String.class::cast);
    }

    @Transactional
    public void save(String source, String location, String checkpoint, UUID runId) {
        em.createNativeQuery("insert into {h-schema}source_checkpoint (source, location, checkpoint, run_id, updated_at)"
                        + " values (:source, :location, :checkpoint, :run, :now)"
                        + " on conflict (source, location) do update set checkpoint = excluded.checkpoint,"
                        + " run_id = excluded.run_id, updated_at = excluded.updated_at")
                .setParameter("source", source).setParameter("location", location)
                .setParameter("checkpoint", checkpoint).setParameter("run", runId)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }
}
