package org.bioimagecatalog.catalog.harmony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.SourceRecord;
import org.bioimagecatalog.catalog.merge.DatasetMerger;
import org.bioimagecatalog.catalog.merge.MatchKeys;

/**
 * One batch of a re-normalisation: the next live datasets (in id order) built by an older normaliser are
 * re-merged from their stored source records, which normalises them with the current vocabularies. The merger
 * publishes a new version only where the canonical content changed, and stamps every dataset it wrote with the
 * version. Records matched under an older {@link MatchKeys} rule get their keys again on the way, so alias
 * rules apply without a harvest too.
 *
 * <p>Each batch is one transaction under the merge lock (the advisory lock ingestion and curation take): two
 * replicas re-normalising at once take turns, and the second finds the first's batches done.
 */
@ApplicationScoped
public class Renormaliser {
    private final EntityManager em;
    private final DatasetMerger merger;

    public Renormaliser(EntityManager em, DatasetMerger merger) {
        this.em = em;
        this.merger = merger;
    }

    /** What one batch did; {@code lastId} is where the next batch starts, null when none was left. */
    public record Batch(String lastId, int datasets, int republished, int mergedAway) {}

    /** Live datasets built by a normaliser older than {@code version}. */
    @Transactional
    public long pending(int version) {
        return ((Number) em.createNativeQuery(
                "select count(*) from dataset where withdrawn = false and normaliser_version < :v")
                .setParameter("v", version).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch next(int version, String afterId, int size) {
        merger.lock();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("""
                select id from dataset where withdrawn = false and normaliser_version < :v and id > :after
                 order by id limit :n""")
                .setParameter("v", version).setParameter("after", afterId == null ? "" : afterId)
                .setParameter("n", size).getResultList();
        if (ids.isEmpty()) {
            return new Batch(null, 0, 0, 0);
        }
        List<SourceRecord> records = SourceRecord.list("datasetId in ?1 order by recordKey", ids);
        List<String> keys = new ArrayList<>();
        for (SourceRecord record : records) {
            if (record.matchVersion < MatchKeys.VERSION) {
                merger.storeMatchKeys(record, record.metadataValue());
            }
            keys.add(record.recordKey);
        }
        int republished = 0;
        int mergedAway = 0;
        if (keys.isEmpty()) { // a live dataset always has records; nothing to re-merge if one had none
            return new Batch(ids.get(ids.size() - 1), ids.size(), 0, 0);
        }
        for (DatasetMerger.Change change : merger.remerge(keys, keys.get(0), "renormalise-v" + version)) {
            switch (change.kind()) {
                case CHANGED -> republished++;
                case MERGED_AWAY, WITHDRAWN -> mergedAway++;
                default -> { }
            }
        }
        return new Batch(ids.get(ids.size() - 1), ids.size(), republished, mergedAway);
    }
}
