-- The list and OAI page queries of catalog-service at the scale loaded by catalog-db-load.sql, for bin/bench
-- catalog-db: per filter, the EXPLAIN (ANALYZE, BUFFERS) plan of the first page (written to :plans) and the p50/p95
-- of the first page, of a page deep in the keyset (ids after 'bic-8'), of the count estimate and of an exact count.
-- The WHERE clauses are those dataset.DatasetQueries and oai.OaiProvider build (parameters inlined); keep them equal.
CREATE TEMP TABLE probe (n int, api text, label text, cond text, page_size int);
INSERT INTO probe VALUES
 (1, 'list', 'no filter', 'true', 20),
 (2, 'list', 'source=idr (8%)', 'exists (select 1 from source_record s where s.dataset_id = d.id and s.source = ''idr'' and s.deleted = false)', 20),
 (3, 'list', 'source=bbbc (0.05%)', 'exists (select 1 from source_record s where s.dataset_id = d.id and s.source = ''bbbc'' and s.deleted = false)', 20),
 (4, 'list', 'organism=9606 (36%)', 'd.document->''metadata''->''organisms'' @> cast(''[{"ncbiTaxonId":"9606"}]'' as jsonb)', 20),
 (5, 'list', 'organism=101042 (rare)', 'd.document->''metadata''->''organisms'' @> cast(''[{"ncbiTaxonId":"101042"}]'' as jsonb)', 20),
 (6, 'list', 'imagingMethod=FBbi:00000246 (30%)', 'd.document->''metadata''->''imagingMethods'' @> cast(''[{"fbbiId":"FBbi:00000246"}]'' as jsonb)', 20),
 (7, 'list', 'imagingMethod=FBbi:00010042 (rare)', 'd.document->''metadata''->''imagingMethods'' @> cast(''[{"fbbiId":"FBbi:00010042"}]'' as jsonb)', 20),
 (8, 'list', 'imagingMethod=Confocal Microscopy (label, 20%)', 'dataset_method_labels(d.document->''metadata''->''imagingMethods'') @> array[lower(''Confocal Microscopy'')]', 20),
 (9, 'list', 'imagingMethod=method FBbi:00010042 (label, rare)', 'dataset_method_labels(d.document->''metadata''->''imagingMethods'') @> array[lower(''method FBbi:00010042'')]', 20),
 (10, 'list', 'license=cc-by-4.0 (55%)', 'lower(d.document->''metadata''->''license''->>''spdx'') = lower(''cc-by-4.0'')', 20),
 (11, 'list', 'license=LicenseRef-rare-7 (rare)', 'lower(d.document->''metadata''->''license''->>''spdx'') = lower(''LicenseRef-rare-7'')', 20),
 (12, 'list', 'releasedFrom=2025-12-01 (0.8%)', 'd.document->''metadata''->>''released'' >= ''2025-12-01''', 20),
 (13, 'list', 'releasedFrom=2015-01-01&releasedTo=2015-12-31 (4.5%)', 'd.document->''metadata''->>''released'' >= ''2015-01-01'' and d.document->''metadata''->>''released'' <= ''2015-12-31''', 20),
 (14, 'list', 'releasedTo=2006-06-30 (2%)', 'd.document->''metadata''->>''released'' <= ''2006-06-30''', 20),
 (15, 'list', 'minQuality=90 (8%)', 'd.quality_score >= 90', 20),
 (16, 'list', 'minQuality=95 (1.3%)', 'd.quality_score >= 95', 20),
 (17, 'list', 'updatedSince=2026-11-24 (1%)', 'd.updated_at >= ''2026-11-24T00:00:00Z''', 20),
 (18, 'list', 'updatedSince=2025-06-01 (75%)', 'd.updated_at >= ''2025-06-01T00:00:00Z''', 20),
 (19, 'list', 'organism=9606&license=CC0-1.0&minQuality=80', 'd.document->''metadata''->''organisms'' @> cast(''[{"ncbiTaxonId":"9606"}]'' as jsonb) and lower(d.document->''metadata''->''license''->>''spdx'') = lower(''CC0-1.0'') and d.quality_score >= 80', 20),
 (20, 'oai', 'ListRecords, no arguments', 'true', 100),
 (21, 'oai', 'set=source:idr', 'exists (select 1 from source_record s where s.dataset_id = d.id and s.source = ''idr'')', 100),
 (22, 'oai', 'set=source:bbbc', 'exists (select 1 from source_record s where s.dataset_id = d.id and s.source = ''bbbc'')', 100),
 (23, 'oai', 'from=2026-11-24 (1%)', 'd.updated_at >= ''2026-11-24T00:00:00Z''', 100),
 (24, 'oai', 'from=2026-01-01&until=2026-01-31 (4%)', 'd.updated_at >= ''2026-01-01T00:00:00Z'' and d.updated_at <= ''2026-01-31T23:59:59Z''', 100),
 (25, 'oai', 'until=2025-01-01 (12%)', 'd.updated_at <= ''2025-01-01T00:00:00Z''', 100),
 (26, 'oai', 'set=source:idr&from=2026-11-24', 'exists (select 1 from source_record s where s.dataset_id = d.id and s.source = ''idr'') and d.updated_at >= ''2026-11-24T00:00:00Z''', 100);
UPDATE probe SET cond = 'd.withdrawn = false and ' || cond WHERE api = 'list';

-- one page as DatasetQueries.pageRows reads it (the ids first, then their rows), every column, the document turned
-- into text (the service parses it)
CREATE FUNCTION pg_temp.page_query(cond text, after text, size int) RETURNS text LANGUAGE sql AS $$
  SELECT 'select p.* from dataset p where p.id in (select d.id from dataset d where ' || cond
      || coalesce(' and d.id > ' || quote_literal(after), '') || ' order by d.id limit ' || (size + 1)
      || ') order by p.id' $$;

CREATE FUNCTION pg_temp.page_sql(cond text, after text, size int) RETURNS text LANGUAGE sql AS $$
  SELECT 'select sum(octet_length(x.document::text)) from (' || pg_temp.page_query(cond, after, size) || ') x' $$;

CREATE FUNCTION pg_temp.timed(q text, runs int) RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; ms float8[] := '{}';
BEGIN
  FOR i IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    ms := ms || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  RETURN ms;
END $$;

CREATE FUNCTION pg_temp.pct(ms float8[], p float8) RETURNS numeric LANGUAGE sql AS $$
  SELECT round(percentile_cont(p) WITHIN GROUP (ORDER BY t)::numeric, 2) FROM unnest(ms) t $$;

CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
  FOR line IN EXECUTE 'explain (analyze, buffers, costs off) ' || q LOOP RETURN NEXT line; END LOOP;
END $$;

CREATE FUNCTION pg_temp.estimate(cond text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN
  EXECUTE 'explain (format json) select 1 from dataset d where ' || cond INTO j;
  RETURN (j -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
END $$;

CREATE FUNCTION pg_temp.exact(cond text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  EXECUTE 'select count(*) from dataset d where ' || cond INTO n;
  RETURN n;
END $$;

-- warm the cache as a running service would have it
SELECT count(pg_temp.timed(pg_temp.page_sql(cond, NULL, page_size), 2)) AS warmed FROM probe \gset

\o :plans
SELECT E'\n### ' || api || ': ' || label || E'\n\n```\n' || string_agg(line, E'\n') || E'\n```'
  FROM probe, LATERAL pg_temp.plan(pg_temp.page_query(cond, NULL, page_size)) line
 GROUP BY n, api, label ORDER BY n;
\o

SELECT format('RESULT catalog-db %s %-48s page1 p50 %6s ms p95 %6s ms | deep page p50 %6s ms | estimate %8s in %5s ms | exact %8s in %7s ms',
              p.api, p.label, pg_temp.pct(f.ms, 0.5), pg_temp.pct(f.ms, 0.95), pg_temp.pct(k.ms, 0.5),
              pg_temp.estimate(p.cond), pg_temp.pct(e.ms, 0.5), c.n, pg_temp.pct(x.ms, 0.5))
  FROM probe p,
       LATERAL (SELECT pg_temp.timed(pg_temp.page_sql(p.cond, NULL, p.page_size), :runs) AS ms) f,
       LATERAL (SELECT pg_temp.timed(pg_temp.page_sql(p.cond, 'bic-8', p.page_size), :runs) AS ms) k,
       LATERAL (SELECT pg_temp.timed('explain (format json) select 1 from dataset d where ' || p.cond, :runs) AS ms) e,
       LATERAL (SELECT pg_temp.timed('select count(*) from dataset d where ' || p.cond, 3) AS ms) x,
       LATERAL (SELECT pg_temp.exact(p.cond) AS n) c
 ORDER BY p.n;

-- GET /api/v1/sources (issue 19): the aggregate over every record and dataset it ran on each call before V9, against
-- the read of the per-archive summary rows it runs now; and whether the two give the same figures
CREATE TEMP VIEW sources_before AS
  WITH per_source AS (
      SELECT s.source, count(*) FILTER (WHERE NOT s.deleted) AS records, count(*) FILTER (WHERE s.deleted) AS deleted,
             max(s.last_seen) AS last_harvest
        FROM source_record s GROUP BY s.source),
  live AS (
      SELECT DISTINCT s.source, d.id, d.quality_score
        FROM source_record s JOIN dataset d ON d.id = s.dataset_id
       WHERE NOT s.deleted AND NOT d.withdrawn)
  SELECT p.source, p.records, p.deleted, p.last_harvest,
         (SELECT count(*) FROM live l WHERE l.source = p.source) AS datasets,
         round((SELECT avg(l.quality_score) FROM live l WHERE l.source = p.source), 1) AS average_quality
    FROM per_source p;
CREATE TEMP VIEW sources_now AS
  SELECT source, records, deleted, last_harvest, datasets, round(quality_sum::numeric / nullif(quality_n, 0), 1)
    FROM source_summary WHERE records > 0 OR deleted > 0;
SELECT format('RESULT catalog-db sources %-52s p50 %8s ms p95 %8s ms', 'aggregate over every record (before V9)',
              pg_temp.pct(b.ms, 0.5), pg_temp.pct(b.ms, 0.95))
  FROM (SELECT pg_temp.timed('select * from sources_before order by source', least(:runs, 5)) AS ms) b;
SELECT format('RESULT catalog-db sources %-52s p50 %8s ms p95 %8s ms', 'source_summary rows (V9)',
              pg_temp.pct(n.ms, 0.5), pg_temp.pct(n.ms, 0.95))
  FROM (SELECT pg_temp.timed('select * from sources_now order by source', :runs) AS ms) n;
SELECT format('RESULT catalog-db sources %-52s %s', 'same figures both ways',
              CASE WHEN NOT EXISTS (SELECT * FROM sources_before EXCEPT SELECT * FROM sources_now)
                    AND NOT EXISTS (SELECT * FROM sources_now EXCEPT SELECT * FROM sources_before) THEN 'yes' ELSE 'NO' END);
