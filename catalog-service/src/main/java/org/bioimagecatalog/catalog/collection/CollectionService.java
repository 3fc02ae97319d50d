package org.bioimagecatalog.catalog.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bioimagecatalog.catalog.api.InvalidParameterException;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.jboss.logging.Logger;

/**
 * Curated collections: create, edit, add and remove datasets, delete. Only live datasets can be added; a
 * dataset merged into another later is shown through its survivor. Deleting keeps the row so the citable id
 * answers 410 and is never handed out again.
 */
@ApplicationScoped
public class CollectionService {
    private static final Logger LOG = Logger.getLogger(CollectionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One page of collections in id order. */
    public record Slice(List<CuratedCollection> items, boolean more, long total) {}

    @Inject
    EntityManager em;

    @Transactional
    public String create(CollectionRequests.Details details, String keyName) {
        Set<String> datasetIds = new LinkedHashSet<>();
        List<CollectionRequests.Item> items = details.datasets() == null ? List.of() : details.datasets();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new InvalidParameterException("datasets[" + i + "]", "must be an object {datasetId, note}");
            }
            requireLive("datasets[" + i + "].datasetId", items.get(i).datasetId());
            if (!datasetIds.add(items.get(i).datasetId())) {
                throw new InvalidParameterException("datasets[" + i + "].datasetId",
                        "the dataset " + items.get(i).datasetId() + " is listed twice");
            }
        }
        String id = newId();
        Instant now = Instant.now();
        em.createNativeQuery("insert into collection (id, title, description, curator, created_by, created_at,"
                        + " updated_at) values (:id, :title, :description, :curator, :by, :now, :now)")
                .setParameter("id", id).setParameter("title", details.title().strip())
                .setParameter("description", blankToNull(details.description()))
                .setParameter("curator", curator(details.curator(), keyName))
                .setParameter("by", keyName).setParameter("now", now).executeUpdate();
        for (CollectionRequests.Item item : items) {
            insertItem(id, item, keyName, now);
        }
        LOG.infof("collection %s created by %s with %d datasets", id, keyName, items.size());
        return id;
    }

    @Transactional
    public void update(String id, CollectionRequests.Details details, String keyName) {
        if (details.datasets() != null && !details.datasets().isEmpty()) {
            throw new InvalidParameterException("datasets",
                    "datasets are added and removed under /api/v1/collections/" + id + "/datasets");
        }
        lockLive(id);
        em.createNativeQuery("update collection set title = :title, description = :description, curator = :curator,"
                        + " updated_at = :now, version = version + 1 where id = :id")
                .setParameter("id", id).setParameter("title", details.title().strip())
                .setParameter("description", blankToNull(details.description()))
                .setParameter("curator", curator(details.curator(), keyName))
                .setParameter("now", Instant.now()).executeUpdate();
    }

    /** Adds a dataset, or replaces its note when it is already in; true when it was added. */
    @Transactional
    public boolean addDataset(String id, CollectionRequests.Item item, String keyName) {
        lockLive(id);
        requireLive("datasetId", item.datasetId());
        Instant now = Instant.now();
        int updated = em.createNativeQuery("update collection_item set note = :note"
                        + " where collection_id = :id and dataset_id = :dataset")
                .setParameter("note", blankToNull(item.note())).setParameter("id", id)
                .setParameter("dataset", item.datasetId()).executeUpdate();
        if (updated == 0) {
            insertItem(id, item, keyName, now);
        }
        touch(id, now);
        return updated == 0;
    }

    @Transactional
    public void removeDataset(String id, String datasetId) {
        lockLive(id);
        int removed = em.createNativeQuery("delete from collection_item where collection_id = :id and dataset_id = :dataset")
                .setParameter("id", id).setParameter("dataset", datasetId).executeUpdate();
        if (removed == 0) {
            throw new CollectionNotFoundException("the dataset " + datasetId + " is not in the collection " + id);
        }
        touch(id, Instant.now());
    }

    @Transactional
    public void delete(String id, String keyName) {
        lockLive(id);
        em.createNativeQuery("update collection set deleted_at = :now, updated_at = :now where id = :id")
                .setParameter("id", id).setParameter("now", Instant.now()).executeUpdate();
        LOG.infof("collection %s deleted by %s", id, keyName);
    }

    /** The collection with its datasets; 404 for an unknown id, 410 for a deleted one. */
    @Transactional
    public CuratedCollection get(String id) {
        Object[] row = row(id);
        return collection(row, entries(id));
    }

    @Transactional
    public Slice page(String afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where c.deleted_at is null and c.id > :after order by c.id")
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<CuratedCollection> items = (more ? rows.subList(0, limit) : rows).stream()
                .map(r -> collection(r, List.of())).toList();
        long total = ((Number) em.createNativeQuery("select count(*) from collection where deleted_at is null")
                .getSingleResult()).longValue();
        return new Slice(items, more, total);
    }

    private static final String SELECT = "select c.id, c.title, c.description, c.curator, c.created_by, c.created_at,"
            + " c.updated_at, c.version, (select count(*) from collection_item i where i.collection_id = c.id),"
            + " c.deleted_at from collection c";

    private Object[] row(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where c.id = :id").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw new CollectionNotFoundException("no collection has the id " + id);
        }
        if (rows.get(0)[9] != null) {
            throw new CollectionDeletedException(id);
        }
        return rows.get(0);
    }

    private void lockLive(String id) {
        @SuppressWarnings("unchecked")
        List<Object> deleted = em.createNativeQuery("select deleted_at from collection where id = :id for update")
                .setParameter("id", id).getResultList();
        if (deleted.isEmpty()) {
            throw new CollectionNotFoundException("no collection has the id " + id);
        }
        if (deleted.get(0) != null) {
            throw new CollectionDeletedException(id);
        }
    }

    private List<CuratedCollection.Entry> entries(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select dataset_id, note, added_by, added_at from collection_item"
                + " where collection_id = :id order by position").setParameter("id", id).getResultList();
        List<CuratedCollection.Entry> entries = new ArrayList<>();
        for (Object[] r : rows) {
            Dataset dataset = Dataset.findById(r[0]);
            entries.add(new CuratedCollection.Entry((String) r[0], (String) r[1], (String) r[2], instant(r[3]),
                    dataset, current(dataset)));
        }
        return entries;
    }

    /** The live dataset holding the records now: follows merges, null when withdrawn. */
    private static Dataset current(Dataset dataset) {
        Dataset at = dataset;
        for (int hops = 0; hops < 20 && at != null && at.mergedInto != null; hops++) {
            at = Dataset.findById(at.mergedInto);
        }
        return at == null || at.withdrawn ? null : at;
    }

    private static CuratedCollection collection(Object[] r, List<CuratedCollection.Entry> entries) {
        return new CuratedCollection((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), instant(r[6]), ((Number) r[7]).intValue(), ((Number) r[8]).longValue(), entries);
    }

    private static void requireLive(String field, String datasetId) {
        Dataset dataset = Dataset.findById(datasetId);
        if (dataset == null) {
            throw new InvalidParameterException(field, "no dataset has the id " + datasetId);
        }
        if (dataset.mergedInto != null) {
            Dataset survivor = current(dataset);
            throw new InvalidParameterException(field, "the dataset " + datasetId + " was merged into another"
                    + (survivor == null ? "" : "; add " + survivor.id));
        }
        if (dataset.withdrawn) {
            throw new InvalidParameterException(field, "the dataset " + datasetId + " was withdrawn");
        }
    }

    private void insertItem(String id, CollectionRequests.Item item, String keyName, Instant now) {
        em.createNativeQuery("insert into collection_item (collection_id, dataset_id, note, added_by, added_at)"
                        + " values (:id, :dataset, :note, :by, :now)")
                .setParameter("id", id).setParameter("dataset", item.datasetId())
                .setParameter("note", blankToNull(item.note())).setParameter("by", keyName)
                .setParameter("now", now).executeUpdate();
    }

    private void touch(String id, Instant now) {
        em.createNativeQuery("update collection set updated_at = :now, version = version + 1 where id = :id")
                .setParameter("id", id).setParameter("now", now).executeUpdate();
    }

    /** {@code col-} and 12 random hex digits: short enough to cite, never derived from mutable content. */
    private String newId() {
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            String id = "col-" + HexFormat.of().formatHex(bytes);
            if (((Number) em.createNativeQuery("select count(*) from collection where id = :id")
                    .setParameter("id", id).getSingleResult()).longValue() == 0) {
                return id;
            }
        }
        throw new IllegalStateException("no free collection id after 5 attempts");
    }

    private static String curator(String given, String keyName) {
        String curator = blankToNull(given);
        return curator != null ? curator : keyName;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
