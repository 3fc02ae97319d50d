package org.bioimagecatalog.catalog.harmony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.catalog.merge.CanonicalNormaliser;

/**
 * Computes the {@link HarmonyReport} in PostgreSQL, with aggregates over the jsonb documents of the live
 * datasets: nothing is loaded row by row, so the cost is one scan of the table whatever its size.
 */
@ApplicationScoped
public class HarmonyQueries {
    static final List<String> FIELDS = List.of("organisms", "imagingMethods", "cellLines", "formats", "license");

    /** Every term value of every live dataset as (field, id, display name, label). */
    private static final String TERMS = """
            with live as (select document -> 'metadata' m from dataset d where withdrawn = false %s),
            terms as (
              select 'organisms' field, e ->> 'ncbiTaxonId' id, e ->> 'name' name, e ->> 'label' label
                from live, jsonb_array_elements(m -> 'organisms') e where jsonb_typeof(m -> 'organisms') = 'array'
              union all
              select 'imagingMethods', e ->> 'fbbiId', e ->> 'name', e ->> 'label'
                from live, jsonb_array_elements(m -> 'imagingMethods') e where jsonb_typeof(m -> 'imagingMethods') = 'array'
              union all
              select 'cellLines', e ->> 'cellosaurusId', e ->> 'name', e ->> 'label'
                from live, jsonb_array_elements(m -> 'cellLines') e where jsonb_typeof(m -> 'cellLines') = 'array'
              union all
              select 'formats', case when jsonb_typeof(e) = 'object' then e ->> 'id' end,
                     case when jsonb_typeof(e) = 'object' then e ->> 'name' end,
                     case when jsonb_typeof(e) = 'object' then e ->> 'label' else e #>> '{}' end
                from live, jsonb_array_elements(m -> 'formats') e where jsonb_typeof(m -> 'formats') = 'array'
              union all
              select 'license', m -> 'license' ->> 'spdx', m -> 'license' ->> 'spdx', m -> 'license' ->> 'label'
                from live where jsonb_typeof(m -> 'license') = 'object'
            )
            """;

    /** Restricts the datasets to those holding a live record of the archive bound as {@code :source}. */
    private static final String OF_SOURCE = """
            and exists (select 1 from source_record s where s.dataset_id = d.id and s.source = :source and s.deleted = false)""";

    private final EntityManager em;
    private final CanonicalNormaliser normaliser;

    public HarmonyQueries(EntityManager em, CanonicalNormaliser normaliser) {
        this.em = em;
        this.normaliser = normaliser;
    }

    /**
     * @param top how many unresolved labels to list per field
     * @param source only the datasets holding a record of this archive (a merged dataset counts for each of its
     *        archives, with all its values), or null for the whole catalog
     */
    @Transactional
    public HarmonyReport report(int top, String source) {
        String where = source == null ? "" : OF_SOURCE;
        String terms = TERMS.formatted(where);
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] row : rows(source, terms + "select field, count(*), count(id) from terms group by field")) {
            counts.put((String) row[0], new long[] {number(row[1]), number(row[2])});
        }
        Map<String, Long> severalNames = new HashMap<>();
        for (Object[] row : rows(source, terms + """
                select field, count(*) from (
                  select field, id from terms where id is not null
                   group by field, id having count(distinct coalesce(name, label)) > 1) x
                 group by field""")) {
            severalNames.put((String) row[0], number(row[1]));
        }
        Map<String, List<HarmonyReport.LabelCount>> unresolved = new LinkedHashMap<>();
        for (Object[] row : rows(source, terms + """
                select field, label, n from (
                  select field, label, count(*) n, row_number() over (partition by field order by count(*) desc, label) r
                    from terms where id is null and label is not null group by field, label) x
                 where r <= %d order by field, n desc, label""".formatted(top))) {
            unresolved.computeIfAbsent((String) row[0], f -> new ArrayList<>())
                    .add(new HarmonyReport.LabelCount((String) row[1], number(row[2])));
        }
        List<HarmonyReport.Field> fields = new ArrayList<>();
        for (String field : FIELDS) {
            long[] c = counts.getOrDefault(field, new long[2]);
            fields.add(new HarmonyReport.Field(field, c[0], c[1],
                    c[0] == 0 ? null : Math.round(1000.0 * c[1] / c[0]) / 1000.0,
                    severalNames.getOrDefault(field, 0L), unresolved.getOrDefault(field, List.of())));
        }
        int version = normaliser.version();
        Object[] totals = (Object[]) bound(em.createNativeQuery("""
                select count(*), count(*) filter (where normaliser_version < :v) from dataset d where withdrawn = false
                """ + where), source).setParameter("v", version).getSingleResult();
        long multiArchive = number(bound(em.createNativeQuery("""
                select count(*) from dataset d where d.withdrawn = false and (select count(distinct s.source)
                  from source_record s where s.dataset_id = d.id and s.deleted = false) > 1
                """ + where), source).getSingleResult());
        return new HarmonyReport(number(totals[0]), version, number(totals[1]), fields,
                severalNames.values().stream().mapToLong(Long::longValue).sum(), multiArchive);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String source, String sql) {
        return bound(em.createNativeQuery(sql), source).getResultList();
    }

    private static Query bound(Query query, String source) {
        return source == null ? query : query.setParameter("source", source);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
