package org.bioimagecatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** The read side of datasets: single reads, keyset pages, history and per-source figures. */
@ApplicationScoped
public class DatasetQueries {

    /** One page of datasets in id order; {@code more} says whether a next page exists. */
    public record Slice(List<Dataset> items, boolean more, long total) {}

    @Inject
    EntityManager em;

    /** The current dataset; 404 for an unknown id, 410 for a withdrawn one. */
    public Dataset current(String id) {
        Dataset dataset = Dataset.findById(id);
        if (dataset == null) {
            throw new DatasetNotFoundException(id);
        }
        if (dataset.withdrawn) {
            throw new DatasetWithdrawnException(id);
        }
        return dataset;
    }

    /**
     * Datasets with an id after {@code afterId} (null: from the start), optionally only those with a record
     * from {@code source}. Keyset paging on the primary key: stable under concurrent inserts and as fast on
     * page 1000 as on page 1.
     */
    public Slice page(String afterId, String source, int limit) {
        String filter = "d.withdrawn = false" + (source == null ? ""
                : " and exists (select 1 from SourceRecord s where s.datasetId = d.id"
                        + " and s.source = :source and s.deleted = false)");
        TypedQuery<Dataset> items = em.createQuery("select d from Dataset d where " + filter
                + (afterId == null ? "" : " and d.id > :after") + " order by d.id", Dataset.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from Dataset d where " + filter, Long.class);
        if (source != null) {
            items.setParameter("source", source);
            count.setParameter("source", source);
        }
        if (afterId != null) {
            items.setParameter("after", afterId);
        }
        List<Dataset> rows = items.setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        return new Slice(more ? rows.subList(0, limit) : rows, more, count.getSingleResult());
    }

    /** Every version of a dataset, newest first; also for a withdrawn dataset (its history stays readable). */
    public List<DatasetVersion> history(String id) {
        if (Dataset.findById(id) == null) {
            throw new DatasetNotFoundException(id);
        }
        return DatasetVersion.newestFirst(id);
    }

    public List<SourceStats> sources() {
        return em.createQuery("""
                select new org.bioimagecatalog.catalog.dataset.SourceStats(s.source,
                       sum(case when s.deleted = false then 1L else 0L end),
                       sum(case when s.deleted = true then 1L else 0L end),
                       max(s.lastSeen))
                  from SourceRecord s group by s.source order by s.source""", SourceStats.class)
                .getResultList();
    }
}
