package org.bioimagecatalog.reuse.citation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Keeps one row per work. A reference is matched against stored works by any of its ids; when it shows that
 * two rows are one work (one was known by DOI only, the other by PMID only) the rows are merged, their
 * links moved to the older row. Rows whose ids contradict each other (two different DOIs) are never merged:
 * the source data is wrong somewhere, and a wrong merge would be worse than a duplicate.
 * Must run inside the caller's transaction. Created at start-up so that its counter is on /q/metrics from the start.
 */
@Startup
@ApplicationScoped
public class PublicationRegistry {
    private static final Logger LOG = Logger.getLogger(PublicationRegistry.class);

    private final Counter merged;

    public PublicationRegistry(MeterRegistry meters) {
        this.merged = Counter.builder("bic.reuse.publications.merged")
                .description("Publication rows found to be the same work and merged").register(meters);
    }

    /**
     * The stored work, and the datasets whose figures this resolution changed: their links moved to it when
     * rows were merged, or the work gained the year their per-year counts use.
     *
     * @param merged rows were merged (and so deleted): a row that another reference resolved to may be gone
     * @param ambiguous the reference matched works whose ids contradict each other, so which one it resolves to
     *     depends on the rows stored, which resolving other references can add to
     */
    public record Resolution(PublicationEntity publication, Set<String> affectedDatasetIds, boolean merged,
            boolean ambiguous) {

        /**
         * Whether resolving other references after this one may change what this or an earlier reference resolves
         * to. Otherwise the work holds every id of the reference, and no other row can take one of them.
         */
        public boolean unsettled() {
            return merged || ambiguous;
        }
    }

    public Resolution resolve(PublicationRef ref, Instant now) {
        List<PublicationEntity> matches = PublicationEntity.listSharingAnyId(ref);
        if (matches.isEmpty()) {
            PublicationEntity created = PublicationEntity.create(ref, now);
            created.persist();
            return new Resolution(created, Set.of(), false, false);
        }
        if (!idsAgree(matches, ref)) {
            PublicationEntity best = bestMatch(matches, ref);
            LOG.warnf("publication %s matches %d stored works with contradicting ids; linking to publication %d",
                    ref, matches.size(), best.id);
            boolean yearAdded = fillGaps(best, ref, matches, now);
            return new Resolution(best, yearAdded ? datasetsLinkedTo(best) : Set.of(), false, true);
        }
        PublicationEntity survivor = matches.get(0);
        Set<String> affected = new TreeSet<>();
        List<PublicationRef> absorbed = matches.subList(1, matches.size()).stream().map(PublicationRegistry::refOf).toList();
        for (PublicationEntity duplicate : matches.subList(1, matches.size())) {
            affected.addAll(mergeInto(duplicate, survivor, now));
        }
        // the duplicates are deleted (and flushed) by now, so their ids are free to move to the survivor
        boolean yearAdded = false;
        for (PublicationRef duplicate : absorbed) {
            yearAdded |= fillGaps(survivor, duplicate, List.of(survivor), now);
        }
        yearAdded |= fillGaps(survivor, ref, List.of(survivor), now);
        if (yearAdded) {
            affected.addAll(datasetsLinkedTo(survivor));
        }
        return new Resolution(survivor, affected, matches.size() > 1, false);
    }

    private static Set<String> datasetsLinkedTo(PublicationEntity publication) {
        Set<String> datasets = new TreeSet<>();
        CitationLink.listForPublication(publication).forEach(link -> datasets.add(link.datasetId));
        return datasets;
    }

    private static boolean idsAgree(List<PublicationEntity> matches, PublicationRef ref) {
        return agree(matches, ref.doi(), p -> p.doi) && agree(matches, ref.pmid(), p -> p.pmid)
                && agree(matches, ref.pmcid(), p -> p.pmcid);
    }

    private static boolean agree(List<PublicationEntity> matches, String refValue, Function<PublicationEntity, String> id) {
        Set<String> values = new TreeSet<>();
        if (refValue != null) {
            values.add(refValue);
        }
        matches.stream().map(id).filter(Objects::nonNull).forEach(values::add);
        return values.size() <= 1;
    }

    /** The DOI is the strongest id (it names the version of record), then the PMID, then the PMCID. */
    private static PublicationEntity bestMatch(List<PublicationEntity> matches, PublicationRef ref) {
        return matches.stream().filter(p -> ref.doi() != null && ref.doi().equals(p.doi)).findFirst()
                .or(() -> matches.stream().filter(p -> ref.pmid() != null && ref.pmid().equals(p.pmid)).findFirst())
                .orElseGet(() -> matches.get(0));
    }

    /** Moves the duplicate's links to the survivor (joining evidence where both link the same dataset). */
    private Set<String> mergeInto(PublicationEntity duplicate, PublicationEntity survivor, Instant now) {
        Set<String> datasets = new TreeSet<>();
        for (CitationLink link : CitationLink.listForPublication(duplicate)) {
            datasets.add(link.datasetId);
            CitationLink kept = CitationLink.findFor(survivor, link.datasetId).orElse(null);
            if (kept == null) {
                link.publication = survivor;
                link.updatedAt = now;
                continue;
            }
            for (LinkEvidence evidence : link.evidence) {
                if (kept.evidence(evidence.kind).isEmpty()) {
                    kept.addEvidence(evidence.kind, evidence.detail, evidence.observedAt);
                }
            }
            if (link.relation == LinkRelation.PRIMARY) {
                kept.relation = LinkRelation.PRIMARY;
                kept.selfReuse = false;
            }
            kept.updatedAt = now;
            link.delete();
        }
        // Hibernate runs deletes last within a flush: flush the moves first so the duplicate has no links left
        PublicationEntity.flush();
        LOG.infof("publication %d (%s) merged into publication %d (%s)", duplicate.id, refOf(duplicate), survivor.id,
                refOf(survivor));
        duplicate.delete();
        PublicationEntity.flush();
        merged.increment();
        return datasets;
    }

    /**
     * Completes what the stored work lacks; an id is taken only if no other stored work holds it. Returns
     * whether the year was added, the one completion that changes reuse figures (counts per year).
     */
    private static boolean fillGaps(PublicationEntity work, PublicationRef ref, List<PublicationEntity> holders, Instant now) {
        boolean changed = false;
        if (work.doi == null && ref.doi() != null && holders.stream().noneMatch(p -> ref.doi().equals(p.doi))) {
            work.doi = ref.doi();
            changed = true;
        }
        if (work.pmid == null && ref.pmid() != null && holders.stream().noneMatch(p -> ref.pmid().equals(p.pmid))) {
            work.pmid = ref.pmid();
            changed = true;
        }
        if (work.pmcid == null && ref.pmcid() != null && holders.stream().noneMatch(p -> ref.pmcid().equals(p.pmcid))) {
            work.pmcid = ref.pmcid();
            changed = true;
        }
        if (work.title == null && ref.title() != null) {
            work.title = ref.title();
            changed = true;
        }
        boolean yearAdded = work.year == null && ref.year() != null;
        if (yearAdded) {
            work.year = ref.year();
            changed = true;
        }
        if (work.authors == null && ref.authors() != null) {
            work.authors = ref.authors();
            changed = true;
        }
        if (changed) {
            work.updatedAt = now;
        }
        return yearAdded;
    }

    private static PublicationRef refOf(PublicationEntity p) {
        return new PublicationRef(p.doi, p.pmid, p.pmcid, p.title, p.year, p.authors);
    }
}
