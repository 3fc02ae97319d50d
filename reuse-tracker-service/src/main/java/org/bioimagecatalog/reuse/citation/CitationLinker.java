package org.bioimagecatalog.reuse.citation;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.jboss.logging.Logger;

/**
 * Records that a work cites a dataset, found by one route (a submission or a collector). The same pair found
 * by several routes is one link with one evidence entry per route; finding it again by the same route changes
 * nothing. A PRIMARY link is never demoted to REUSE. The datasets whose figures changed are marked
 * summary-stale in the caller's transaction (the publisher announces them after commit).
 * Must run inside the caller's transaction.
 */
@ApplicationScoped
public class CitationLinker {
    private static final Logger LOG = Logger.getLogger(CitationLinker.class);

    private final PublicationRegistry publications;
    private final MeterRegistry meters;

    public CitationLinker(PublicationRegistry publications, MeterRegistry meters) {
        this.publications = publications;
        this.meters = meters;
    }

    /** One finding: this work cites this dataset, according to this evidence. */
    public record Finding(String datasetId, PublicationRef publication, String journal, List<Author> authors,
            LinkRelation relation, EvidenceKind kind, String detail, HowFound howFound) {}

    /**
     * @param created whether the link is new
     * @param evidenceAdded whether this route's evidence is new on the link
     * @param staleDatasets datasets whose summary must be recomputed
     */
    public record Outcome(CitationLink link, boolean created, boolean evidenceAdded, Set<String> staleDatasets) {}

    public Outcome record(TrackedDataset dataset, Finding finding, Instant now) {
        PublicationRegistry.Resolution resolution = publications.resolve(finding.publication(), now);
        PublicationEntity publication = resolution.publication();
        if (publication.journal == null && finding.journal() != null && !finding.journal().isBlank()) {
            publication.journal = finding.journal().strip();
        }
        Set<String> stale = new TreeSet<>(resolution.affectedDatasetIds());
        CitationLink link = CitationLink.findFor(publication, dataset.datasetId).orElse(null);
        boolean created = link == null;
        if (created) {
            link = CitationLink.create(publication, dataset.datasetId, finding.relation(), finding.kind(), now);
            link.selfReuse = finding.relation() == LinkRelation.REUSE && SelfReuse.isSelfReuse(dataset.producers,
                    authorsOf(finding, publication));
            link.persist();
            meters.counter("bic.reuse.links.recorded", "relation", finding.relation().name()).increment();
            LOG.infof("dataset %s: %s link to publication %d (doi=%s pmid=%s) from %s%s", dataset.datasetId,
                    finding.relation(), publication.id, publication.doi, publication.pmid, finding.kind().code(),
                    link.selfReuse ? " (self-reuse)" : "");
            stale.add(dataset.datasetId);
        } else if (finding.relation() == LinkRelation.PRIMARY && link.relation != LinkRelation.PRIMARY) {
            link.relation = LinkRelation.PRIMARY;
            link.selfReuse = false;
            link.updatedAt = now;
            stale.add(dataset.datasetId);
        }
        if (link.howFound == null && finding.howFound() != null) {
            link.howFound = finding.howFound();
            link.updatedAt = now;
        }
        boolean evidenceAdded = link.evidence(finding.kind()).isEmpty();
        if (evidenceAdded) {
            link.addEvidence(finding.kind(), finding.detail(), now);
            link.updatedAt = now;
            meters.counter("bic.reuse.evidence.recorded", "kind", finding.kind().code()).increment();
        }
        TrackedDataset.markSummaryStale(stale);
        return new Outcome(link, created, evidenceAdded, stale);
    }

    private static List<Author> authorsOf(Finding finding, PublicationEntity publication) {
        return finding.authors().isEmpty() ? SelfReuse.fromAuthorList(publication.authors) : finding.authors();
    }
}
