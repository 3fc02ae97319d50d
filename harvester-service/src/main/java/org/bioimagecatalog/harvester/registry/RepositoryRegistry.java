package org.bioimagecatalog.harvester.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.harvester.run.HarvestExecutor;
import org.bioimagecatalog.harvester.run.HarvestRun;
import org.bioimagecatalog.harvester.run.HarvestRunService;
import org.bioimagecatalog.harvester.run.HarvestSource;
import org.bioimagecatalog.harvester.run.HarvestSources;
import org.bioimagecatalog.harvester.run.ScheduledHarvests;

/**
 * Joins the configured repository list ({@link RepositoryRegistryConfig}) to the configured harvest sources, their
 * last runs and the number of records published per source, so one answer says how each repository is covered.
 */
@ApplicationScoped
public class RepositoryRegistry {

    @Inject
    RepositoryRegistryConfig registry;

    @Inject
    HarvestSources sources;

    @Inject
    HarvestRunService runs;

    @Inject
    EntityManager em;

    @Inject
    ScheduledHarvests scheduledHarvests;

    @Transactional
    public List<RepositoryResponse> repositories() {
        List<RepositoryResponse> result = new ArrayList<>();
        registry.repositories().forEach((id, repository) -> {
            List<RepositoryResponse.Source> listed = new ArrayList<>();
            List<HarvestSource> configured = new ArrayList<>();
            for (String name : repository.sources().orElse(List.of())) {
                Optional<HarvestSource> source = sources.all().stream().filter(s -> s.name().equals(name)).findFirst();
                source.ifPresent(configured::add);
                listed.add(new RepositoryResponse.Source(name, source.map(HarvestSource::type).orElse(null),
                        source.flatMap(HarvestSource::location).orElse(null), source.isPresent()));
            }
            HarvestRun lastRun = configured.stream().map(s -> runs.lastRun(s.name())).flatMap(Optional::stream)
                    .max(Comparator.comparing(HarvestRun::startedAt)).orElse(null);
            String schedule = configured.stream().map(s -> scheduledHarvests.describe(s).map(d -> s.name() + ": " + d))
                    .flatMap(Optional::stream).collect(java.util.stream.Collectors.joining("; "));
            // a repository's sources may share an archive (idr and idr-crates both key idr:…): count each once
            long records = configured.stream().map(HarvestSource::archive).distinct().mapToLong(this::records).sum();
            result.add(new RepositoryResponse(id, repository.name(), repository.route(), !configured.isEmpty(),
                    repository.note().orElse(null), listed,
                    schedule.isEmpty() ? "manual (POST /api/v1/harvest/runs)" : schedule,
                    lastRun, records));
        });
        result.sort(Comparator.comparing(r -> r.name().toLowerCase()));
        return result;
    }

    private long records(String archive) {
        return ((Number) em.createNativeQuery("select count(*) from {h-schema}published_record"
                        + " where record_key like :prefix and content_hash <> :deleted")
                .setParameter("prefix", archive.replace("%", "\\%").replace("_", "\\_") + ":%")
                .setParameter("deleted", HarvestExecutor.DELETED_HASH)
                .getSingleResult()).longValue();
    }
}
