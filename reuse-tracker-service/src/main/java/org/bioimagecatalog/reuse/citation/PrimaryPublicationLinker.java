package org.bioimagecatalog.reuse.citation;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Makes a dataset's PRIMARY links match the primary publications its archive lists. Only the
 * {@code harvested-primary} evidence is this class's to add or drop: when a paper leaves the record, the
 * link keeps any evidence other collectors found and disappears only when none is left.
 * Idempotent: the same list twice changes nothing the second time. Must run inside the caller's transaction.
 */
@ApplicationScoped
public class PrimaryPublicationLinker {
    private static final Logger LOG = Logger.getLogger(PrimaryPublicationLinker.class);

    private final PublicationRegistry publications;
    private final MeterRegistry meters;

    public PrimaryPublicationLinker(PublicationRegistry publications, MeterRegistry meters) {
        this.publications = publications;
        this.meters = meters;
    }

    /**
     * @param linksChanged whether any link of this dataset was added, removed, re-typed or moved
     * @param otherDatasets other datasets whose figures may have changed (publication rows merged or completed)
     */
    public record Outcome(boolean linksChanged, Set<String> otherDatasets) {}

    /**
     * @param newDataset the dataset was created in this transaction, so it has no links yet (nothing to read)
     */
    public Outcome reconcile(String datasetId, List<PublicationRef> primaries, String detail, Instant now,
            boolean newDataset) {
        Set<String> affected = new TreeSet<>();
        List<PublicationRegistry.Resolution> resolutions = new ArrayList<>(primaries.size());
        primaries.forEach(ref -> resolutions.add(publications.resolve(ref, now)));
        if (primaries.size() > 1 && resolutions.stream().anyMatch(PublicationRegistry.Resolution::unsettled)) {
            // resolving one reference may merge away a row an earlier reference resolved to (or add a row that
            // changes an ambiguous match): resolve them all again to get the surviving rows
            resolutions.forEach(resolution -> affected.addAll(resolution.affectedDatasetIds()));
            resolutions.clear();
            primaries.forEach(ref -> resolutions.add(publications.resolve(ref, now)));
        }
        Map<Long, PublicationEntity> wanted = new LinkedHashMap<>();
        for (PublicationRegistry.Resolution resolution : resolutions) {
            affected.addAll(resolution.affectedDatasetIds());
            wanted.putIfAbsent(resolution.publication().id, resolution.publication());
        }
        boolean changed = affected.remove(datasetId);
        // read once, after the merges: links moved to a surviving row are found under it
        List<CitationLink> links = newDataset ? List.of() : CitationLink.listForDataset(datasetId);
        Map<Long, CitationLink> linkByPublication = new HashMap<>();
        links.forEach(link -> linkByPublication.put(link.publication.id, link));
        for (PublicationEntity publication : wanted.values()) {
            changed |= ensurePrimaryLink(publication, linkByPublication.get(publication.id), datasetId, detail, now);
        }
        changed |= dropWithdrawnPrimaries(links, datasetId, wanted.keySet(), now);
        return new Outcome(changed, affected);
    }

    private boolean ensurePrimaryLink(PublicationEntity publication, CitationLink link, String datasetId, String detail,
            Instant now) {
        if (link == null) {
            link = CitationLink.create(publication, datasetId, LinkRelation.PRIMARY, EvidenceKind.HARVESTED_PRIMARY, now);
            link.addEvidence(EvidenceKind.HARVESTED_PRIMARY, detail, now);
            link.persist();
            countLinkRecorded(LinkRelation.PRIMARY);
            countEvidence(EvidenceKind.HARVESTED_PRIMARY);
            LOG.infof("dataset %s: PRIMARY link to publication %d (doi=%s pmid=%s)", datasetId, publication.id,
                    publication.doi, publication.pmid);
            return true;
        }
        boolean changed = false;
        if (link.relation != LinkRelation.PRIMARY || link.selfReuse) {
            // the archive's own word that this is the describing paper outranks a collector's guess of reuse
            link.relation = LinkRelation.PRIMARY;
            link.selfReuse = false;
            changed = true;
        }
        LinkEvidence harvested = link.evidence(EvidenceKind.HARVESTED_PRIMARY).orElse(null);
        if (harvested == null) {
            link.addEvidence(EvidenceKind.HARVESTED_PRIMARY, detail, now);
            countEvidence(EvidenceKind.HARVESTED_PRIMARY);
            changed = true;
        } else if (!Objects.equals(harvested.detail, detail)) {
            // only the wording (which source records list it) changed: the link itself did not
            harvested.detail = detail;
        }
        if (changed) {
            link.updatedAt = now;
        }
        return changed;
    }

    private boolean dropWithdrawnPrimaries(List<CitationLink> links, String datasetId, Set<Long> keep, Instant now) {
        boolean changed = false;
        for (CitationLink link : links) {
            if (keep.contains(link.publication.id) || !link.removeEvidence(EvidenceKind.HARVESTED_PRIMARY)) {
                continue;
            }
            changed = true;
            if (link.evidence.isEmpty()) {
                link.delete();
                meters.counter("bic.reuse.links.removed").increment();
                LOG.infof("dataset %s: link to publication %d removed (no evidence left)", datasetId, link.publication.id);
            } else {
                link.updatedAt = now;
                LOG.infof("dataset %s: publication %d no longer listed as primary; link kept on other evidence",
                        datasetId, link.publication.id);
            }
        }
        return changed;
    }

    private void countLinkRecorded(LinkRelation relation) {
        meters.counter("bic.reuse.links.recorded", "relation", relation.name()).increment();
    }

    private void countEvidence(EvidenceKind kind) {
        meters.counter("bic.reuse.evidence.recorded", "kind", kind.code()).increment();
    }
}
