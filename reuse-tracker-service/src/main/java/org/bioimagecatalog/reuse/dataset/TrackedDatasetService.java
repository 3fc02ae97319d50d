package org.bioimagecatalog.reuse.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.reuse.citation.PrimaryPublicationLinker;
import org.jboss.logging.Logger;

/** Applies datasets.v1 to the tracker's tables, one transaction per event. */
@ApplicationScoped
public class TrackedDatasetService {
    private static final Logger LOG = Logger.getLogger(TrackedDatasetService.class);

    private final PrimaryPublicationLinker primaryLinks;

    public TrackedDatasetService(PrimaryPublicationLinker primaryLinks) {
        this.primaryLinks = primaryLinks;
    }

    /**
     * Upserts the dataset and its PRIMARY links; returns the datasets whose reuse summary may have changed
     * (marked stale in the same transaction, so that a crash before publishing loses nothing).
     */
    @Transactional
    public Set<String> apply(DatasetChanged event) {
        Instant now = Instant.now();
        DatasetProfile profile = DatasetProfile.of(event);
        TrackedDataset dataset = TrackedDataset.<TrackedDataset>findByIdOptional(event.datasetId()).orElse(null);
        boolean created = dataset == null;
        if (created) {
            dataset = new TrackedDataset();
            dataset.datasetId = event.datasetId();
            // its figures were never computed: the publisher computes them, and announces them unless they are zero
            dataset.summaryStale = true;
        }
        if (updateFacts(dataset, profile, event) || created) {
            dataset.updatedAt = now;
        }
        if (created) {
            // persisted with its facts, so that it is one insert. Links reference the row: Hibernate runs queued
            // inserts before the immediate (identity) insert of a publication or link, so the row comes first
            dataset.persist();
        }
        PrimaryPublicationLinker.Outcome outcome = primaryLinks.reconcile(dataset.datasetId,
                profile.primaryPublications(), profile.primaryEvidenceDetail(), now, created);
        Set<String> stale = new TreeSet<>(outcome.otherDatasets());
        TrackedDataset.markSummaryStale(stale);
        if (outcome.linksChanged()) {
            dataset.summaryStale = true;
            dataset.updatedAt = now;
        }
        if (dataset.summaryStale) {
            stale.add(dataset.datasetId);
        }
        return stale;
    }

    /** Marks a dataset the catalog withdrew; its links stay, so that credit already given is not erased. */
    @Transactional
    public boolean withdraw(String datasetId) {
        TrackedDataset dataset = TrackedDataset.findById(datasetId);
        if (dataset == null) {
            return false;
        }
        if (!dataset.withdrawn) {
            dataset.withdrawn = true;
            dataset.updatedAt = Instant.now();
            LOG.infof("dataset %s withdrawn by the catalog; its links are kept", datasetId);
        }
        return true;
    }

    /** Copies the profile onto the row; true when anything differed (so a replay leaves updated_at alone). */
    private static boolean updateFacts(TrackedDataset dataset, DatasetProfile profile, DatasetChanged event) {
        boolean changed = false;
        if (!Objects.equals(dataset.title, profile.title())) {
            dataset.title = profile.title();
            changed = true;
        }
        if (!Objects.equals(dataset.sources, profile.sources())) {
            dataset.sources = profile.sources();
            changed = true;
        }
        if (!Objects.equals(dataset.identifiers, profile.identifiers())) {
            dataset.identifiers = profile.identifiers();
            changed = true;
        }
        if (!Objects.equals(dataset.producers, profile.producers())) {
            dataset.producers = profile.producers();
            changed = true;
        }
        if (dataset.withdrawn) {
            dataset.withdrawn = false;
            changed = true;
        }
        if (!Objects.equals(dataset.catalogVersion, event.version())) {
            dataset.catalogVersion = event.version();
            changed = true;
        }
        if (!Objects.equals(dataset.contentHash, event.contentHash())) {
            dataset.contentHash = event.contentHash();
            changed = true;
        }
        return changed;
    }
}
