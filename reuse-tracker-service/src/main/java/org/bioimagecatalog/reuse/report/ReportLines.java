package org.bioimagecatalog.reuse.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The figures of the reports computed by PostgreSQL: the datasets whose jsonb column ({@code sources} or
 * {@code producers}) contains a value, each with its link counts, most reused first, paged (or streamed) in SQL,
 * and the totals over all of them. No dataset list and no link is loaded into memory to count it, and no id list
 * is bound (a large archive's ids would pass PostgreSQL's bind-parameter limit): the datasets are joined.
 * The counts are {@link org.bioimagecatalog.reuse.summary.ReuseFigures}'s: a PRIMARY link is primary, any other
 * link a reuse, or a self-reuse when by the dataset's producers; the trend counts reuses by others per year.
 */
@ApplicationScoped
public class ReportLines {
    /** Rows fetched per round trip when streaming: the memory a CSV export holds at a time. */
    static final int FETCH_SIZE = 500;

    private final EntityManager em;
    private final String schema;

    public ReportLines(EntityManager em,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.em = em;
        this.schema = schema;
    }

    /** Which datasets a report covers: those whose {@code column} contains {@code containedJson}. */
    public record Selection(String column, String containedJson) {
        public Selection {
            if (!column.equals("sources") && !column.equals("producers")) {
                throw new IllegalArgumentException("not a report column: " + column);
            }
        }
    }

    /** The first {@code limit} lines, most reused first; call inside a transaction. */
    public List<DatasetFigures> first(Selection selection, long limit) {
        return stream(selection, limit).toList();
    }

    /** All lines, most reused first, fetched {@link #FETCH_SIZE} at a time; close the stream, inside a transaction. */
    @SuppressWarnings("unchecked")
    public Stream<DatasetFigures> stream(Selection selection, long limit) {
        return ((Stream<Object[]>) em.createNativeQuery("select d.dataset_id, d.title,"
                        + " array_to_string(array(select jsonb_array_elements_text(d.sources)), chr(31)), d.withdrawn,"
                        + " count(l.id) as citations,"
                        + " count(l.id) filter (where l.relation = 'PRIMARY') as primary_links,"
                        + " count(l.id) filter (where l.relation <> 'PRIMARY' and not l.self_reuse) as reuses,"
                        + " count(l.id) filter (where l.relation <> 'PRIMARY' and l.self_reuse) as self_reuses,"
                        + " (select string_agg(y.year || ':' || y.n, ';' order by y.year) from (select p.year, count(*) n"
                        + "   from " + schema + ".citation_link r join " + schema + ".publication p on p.id = r.publication_id"
                        + "   where r.dataset_id = d.dataset_id and r.relation = 'REUSE' and not r.self_reuse"
                        + "   and p.year is not null group by p.year) y) as by_year"
                        + " from " + schema + ".tracked_dataset d"
                        + " left join " + schema + ".citation_link l on l.dataset_id = d.dataset_id"
                        + " where d." + selection.column() + " @> cast(?1 as jsonb)"
                        + " group by d.dataset_id"
                        + " order by reuses desc, citations desc, d.dataset_id limit ?2")
                .setParameter(1, selection.containedJson()).setParameter(2, limit)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream()).map(ReportLines::line);
    }

    /** The totals over every dataset of the selection. */
    public ProducerReport.Totals totals(Selection selection) {
        Object[] row = (Object[]) em.createNativeQuery("select count(distinct d.dataset_id), count(l.id),"
                        + " count(l.id) filter (where l.relation = 'PRIMARY'),"
                        + " count(l.id) filter (where l.relation <> 'PRIMARY' and not l.self_reuse),"
                        + " count(l.id) filter (where l.relation <> 'PRIMARY' and l.self_reuse)"
                        + " from " + schema + ".tracked_dataset d"
                        + " left join " + schema + ".citation_link l on l.dataset_id = d.dataset_id"
                        + " where d." + selection.column() + " @> cast(?1 as jsonb)")
                .setParameter(1, selection.containedJson()).getSingleResult();
        return new ProducerReport.Totals(integer(row[0]), integer(row[1]), integer(row[2]), integer(row[3]),
                integer(row[4]));
    }

    /** Reuses by others per year of the citing work, over every dataset of the selection. */
    @SuppressWarnings("unchecked")
    public SortedMap<Integer, Integer> reusesByYear(Selection selection) {
        SortedMap<Integer, Integer> byYear = new TreeMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select p.year, count(*)"
                        + " from " + schema + ".tracked_dataset d"
                        + " join " + schema + ".citation_link l on l.dataset_id = d.dataset_id"
                        + " join " + schema + ".publication p on p.id = l.publication_id"
                        + " where d." + selection.column() + " @> cast(?1 as jsonb)"
                        + " and l.relation = 'REUSE' and not l.self_reuse and p.year is not null group by p.year")
                .setParameter(1, selection.containedJson()).getResultList()) {
            byYear.put(integer(row[0]), integer(row[1]));
        }
        return byYear;
    }

    /** The name a producer's datasets give for the ORCID, if any. */
    @SuppressWarnings("unchecked")
    public String producerName(Selection selection, String orcid) {
        List<String> names = em.createNativeQuery("select p->>'name' from " + schema + ".tracked_dataset d,"
                        + " jsonb_array_elements(d.producers) p where d." + selection.column() + " @> cast(?1 as jsonb)"
                        + " and p->>'orcid' = ?2 and p->>'name' is not null order by d.dataset_id limit 1")
                .setParameter(1, selection.containedJson()).setParameter(2, orcid).getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    private static DatasetFigures line(Object[] row) {
        String sources = (String) row[2];
        SortedMap<Integer, Integer> byYear = new TreeMap<>();
        if (row[8] != null) {
            for (String pair : ((String) row[8]).split(";")) {
                int colon = pair.indexOf(':');
                byYear.put(Integer.valueOf(pair.substring(0, colon)), Integer.valueOf(pair.substring(colon + 1)));
            }
        }
        return new DatasetFigures((String) row[0], (String) row[1],
                sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split("\u001f")),
                (Boolean) row[3], integer(row[4]), integer(row[5]), integer(row[6]), integer(row[7]), byYear);
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }
}
