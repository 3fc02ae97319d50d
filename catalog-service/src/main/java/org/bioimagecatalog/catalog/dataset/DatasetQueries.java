package org.bioimagecatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;

/** The read side of datasets: single reads, keyset pages, history and per-source figures. */
@ApplicationScoped
public class DatasetQueries {

    /** One page of datasets in id order; {@code more} says whether a next page exists. */
    public record Slice(List<Dataset> items, boolean more, RowCount.Total total) {}

    @Inject
    EntityManager em;

    @Inject
    RowCount rowCount;

    /** The current dataset; 404 for an unknown id, 410 for a withdrawn one. */
    public Dataset current(String id) {
        Dataset dataset = Dataset.findById(id);
        if (dataset == null) {
            throw new DatasetNotFoundException(id);
        }
        if (dataset.mergedInto != null) {
            throw new DatasetMovedException(id, survivor(dataset));
        }
        if (dataset.withdrawn) {
            throw new DatasetWithdrawnException(id);
        }
        return dataset;
    }

    /** Follows a chain of merges (a into b, b into c) to the dataset that holds the records now. */
    private static String survivor(Dataset merged) {
        Dataset current = merged;
        for (int hops = 0; hops < 20 && current.mergedInto != null; hops++) {
            Dataset next = Dataset.findById(current.mergedInto);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current.mergedInto != null ? current.mergedInto : current.id;
    }

    /**
     * Datasets with an id after {@code afterId} (null: from the start) that pass the filter. Keyset paging on
     * the primary key: stable under concurrent inserts and as fast on page 1000 as on page 1. Filters read
     * the published document (jsonb containment for organisms and FBbi ids) and the quality column; each has its
     * index and statistics (V8; keep the expressions as the indexes spell them). The total is exact when asked
     * ({@code exactCount}) or cheap, else the planner's estimate (RowCount).
     */
    public Slice page(String afterId, DatasetFilter filter, int limit, boolean exactCount) {
        StringBuilder where = new StringBuilder("d.withdrawn = false");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.source() != null) {
            where.append(" and exists (select 1 from source_record s where s.dataset_id = d.id"
                    + " and s.source = :source and s.deleted = false)");
            params.put("source", filter.source());
        }
        if (filter.organismTaxon() != null) {
            where.append(" and d.document->'metadata'->'organisms' @> cast(:organism as jsonb)");
            params.put("organism", ModelJson.write(List.of(Map.of("ncbiTaxonId", filter.organismTaxon()))));
        }
        if (filter.imagingMethod() != null && filter.imagingMethodIsFbbiId()) {
            where.append(" and d.document->'metadata'->'imagingMethods' @> cast(:fbbi as jsonb)");
            // written by Jackson: a backslash or control character in the value must not break the JSON
            params.put("fbbi", ModelJson.write(List.of(Map.of("fbbiId", filter.imagingMethod()))));
        } else if (filter.imagingMethod() != null) {
            where.append(" and dataset_method_labels(d.document->'metadata'->'imagingMethods') @> array[lower(:method)]");
            params.put("method", filter.imagingMethod());
        }
        if (filter.license() != null) {
            where.append(" and lower(d.document->'metadata'->'license'->>'spdx') = lower(:license)");
            params.put("license", filter.license());
        }
        if (filter.releasedFrom() != null) {
            where.append(" and d.document->'metadata'->>'released' >= :releasedFrom");
            params.put("releasedFrom", filter.releasedFrom().toString());
        }
        if (filter.releasedTo() != null) {
            where.append(" and d.document->'metadata'->>'released' <= :releasedTo");
            params.put("releasedTo", filter.releasedTo().toString());
        }
        if (filter.minQuality() != null) {
            where.append(" and d.quality_score >= :minQuality");
            params.put("minQuality", filter.minQuality());
        }
        if (filter.updatedSince() != null) {
            where.append(" and d.updated_at >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        String fromWhere = "from dataset d where " + where;
        List<Dataset> rows = pageRows(em, fromWhere, params, afterId, limit + 1);
        boolean more = rows.size() > limit;
        RowCount.Total total = afterId == null && !more ? new RowCount.Total(rows.size(), true)
                : rowCount.of(fromWhere, params, exactCount);
        return new Slice(more ? rows.subList(0, limit) : rows, more, total);
    }

    /**
     * Up to {@code size} rows of {@code fromWhere} (alias d) after {@code afterId}, in id order. The ids are chosen
     * first and only then the rows read: where the filter's index gives thousands of candidates to sort, the sort
     * holds ids rather than whole documents.
     */
    @SuppressWarnings("unchecked")
    public static List<Dataset> pageRows(EntityManager em, String fromWhere, Map<String, Object> params,
            String afterId, int size) {
        Query page = em.createNativeQuery("select p.* from dataset p where p.id in (select d.id " + fromWhere
                + (afterId == null ? "" : " and d.id > :after") + " order by d.id limit :size) order by p.id",
                Dataset.class);
        params.forEach(page::setParameter);
        if (afterId != null) {
            page.setParameter("after", afterId);
        }
        return page.setParameter("size", size).getResultList();
    }

    /** Every version of a dataset, newest first; also for a withdrawn dataset (its history stays readable). */
    public List<DatasetVersion> history(String id) {
        if (Dataset.findById(id) == null) {
            throw new DatasetNotFoundException(id);
        }
        return DatasetVersion.newestFirst(id);
    }

    /**
     * Per archive: its records, the live datasets they are part of and those datasets' average quality (each dataset
     * counted once, however many records of the archive it merges). Read from {@code source_summary}, which triggers
     * keep in the transaction of every write (V9): exact as of the last commit, a handful of rows at any size.
     */
    public List<SourceStats> sources() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select source, records, deleted, last_harvest, datasets, quality_sum, quality_n
                  from source_summary where records > 0 or deleted > 0 order by source""").getResultList();
        return rows.stream().map(r -> new SourceStats((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), instant(r[3]), ((Number) r[4]).longValue(),
                average(((Number) r[5]).longValue(), ((Number) r[6]).longValue()))).toList();
    }

    /** One decimal; null when no dataset has a score. */
    static Double average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count * 10) / 10.0;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
