-- Synthetic catalog datasets for bin/bench catalog-db and portal: :n datasets shaped like the published documents
-- (DatasetChanged: metadata, sourceRecords, quality), with skewed value distributions so that each list filter has
-- common and rare values. Run by psql into a schema migrated with catalog-service's Flyway scripts.
-- With -v publish=1 (bin/bench portal --catalog-size) each dataset also gets its first version in dataset_version and
-- an outbox row for datasets.v1, as the catalog's merge writes them, so that a running catalog-service publishes
-- every dataset to search-service and the reuse tracker: one id space on all sides.
-- Distributions (per dataset): organisms none 10%, Homo sapiens ~36%, Mus musculus ~18%, six model organisms,
-- ~9% a long tail of 2,000 rare taxa; a second organism for 10%. Imaging methods: five common FBbi terms and a long
-- tail of 500; licence CC-BY-4.0 55%, CC0-1.0 25%, four others, 3% a tail of 100 rare ones; released 2005-2026 (5%
-- none); quality 20-95 uniform; updated over the last two years; 2% withdrawn. Records: one primary per dataset
-- (zenodo 45%, bia 25%, datacite 10%, idr 8%, empiar 5%, ssbd 4%, cpg 3%, bbbc 0.05%) and a DataCite record for 15%.
-- The per-archive summary's triggers (V9) are off for the load: they update one row per archive for every row written,
-- and in one statement of a million rows that costs more than the load. The summary is rebuilt at the end instead.
SET session_replication_role = replica;
SELECT setseed(0.42) \gset

CREATE TEMP TABLE gen AS
SELECT g,
       'bic-' || substr(md5(g::text), 1, 12) AS id,
       random() AS r_org, random() AS r_org2, random() AS r_method, random() AS r_lic, random() AS r_rel,
       random() AS r_q, random() AS r_upd, random() AS r_wd, random() AS r_src, random() AS r_dc, random() AS r_tail
  FROM generate_series(1, :n) g;

CREATE TEMP TABLE shaped AS
SELECT id, g,
       CASE WHEN r_org < 0.10 THEN NULL
            WHEN r_org < 0.46 THEN '9606' WHEN r_org < 0.64 THEN '10090' WHEN r_org < 0.70 THEN '7955'
            WHEN r_org < 0.75 THEN '6239' WHEN r_org < 0.80 THEN '7227' WHEN r_org < 0.85 THEN '4932'
            WHEN r_org < 0.88 THEN '3702' WHEN r_org < 0.91 THEN '10116'
            ELSE (100000 + floor(r_tail * 2000))::int::text END AS taxon,
       CASE WHEN r_org2 < 0.10 THEN '562' END AS taxon2,
       CASE WHEN r_method < 0.30 THEN 'FBbi:00000246' WHEN r_method < 0.50 THEN 'FBbi:00000251'
            WHEN r_method < 0.60 THEN 'FBbi:00000243' WHEN r_method < 0.68 THEN 'FBbi:00000258'
            WHEN r_method < 0.75 THEN 'FBbi:00000369' WHEN r_method < 0.85 THEN NULL
            ELSE 'FBbi:0001' || lpad(floor(r_tail * 500)::int::text, 4, '0') END AS fbbi,
       CASE WHEN r_lic < 0.55 THEN 'CC-BY-4.0' WHEN r_lic < 0.80 THEN 'CC0-1.0' WHEN r_lic < 0.88 THEN 'CC-BY-NC-4.0'
            WHEN r_lic < 0.93 THEN 'CC-BY-SA-4.0' WHEN r_lic < 0.97 THEN 'CC-BY-NC-SA-3.0'
            ELSE 'LicenseRef-rare-' || floor(r_tail * 100)::int END AS spdx,
       CASE WHEN r_rel < 0.05 THEN NULL
            ELSE (date '2005-01-01' + floor(r_rel * 7700)::int)::text END AS released,
       20 + floor(r_q * 76)::int AS quality,
       timestamptz '2026-12-01 00:00:00+00' - r_upd * interval '730 days' AS updated_at,
       r_wd < 0.02 AS withdrawn,
       CASE WHEN r_src < 0.45 THEN 'zenodo' WHEN r_src < 0.70 THEN 'bia' WHEN r_src < 0.80 THEN 'datacite'
            WHEN r_src < 0.88 THEN 'idr' WHEN r_src < 0.93 THEN 'empiar' WHEN r_src < 0.97 THEN 'ssbd'
            WHEN r_src < 0.9995 THEN 'cpg' ELSE 'bbbc' END AS source,
       r_dc < 0.15 AS with_datacite
  FROM gen;

INSERT INTO dataset (id, version, content_hash, document, created_at, updated_at, withdrawn, quality_score,
                     quality_missing, normaliser_version)
SELECT s.id, 1, md5(s.id),
       jsonb_build_object(
           'key', s.id, 'datasetId', s.id, 'version', 1, 'schemaVersion', 1,
           'eventId', md5('event' || s.id), 'runId', 'synthetic', 'occurredAt', s.updated_at,
           'contentHash', md5(s.id) || md5(s.id),
           'quality', jsonb_build_object('score', s.quality, 'missing', '["creatorOrcid"]'::jsonb),
           'sourceRecords', jsonb_build_array(jsonb_build_object('key', s.source || ':S-' || s.g, 'source', s.source,
                   'nativeId', 'S-' || s.g, 'url', 'https://example.org/' || s.source || '/S-' || s.g))
               || CASE WHEN s.with_datacite THEN jsonb_build_array(jsonb_build_object('key', 'datacite:10.5555/' || s.g,
                   'source', 'datacite', 'nativeId', '10.5555/' || s.g, 'url', 'https://doi.org/10.5555/' || s.g))
                  ELSE '[]'::jsonb END,
           'metadata', jsonb_strip_nulls(jsonb_build_object(
               -- titles after real studies (IDR, EMPIAR, BIA), so that different search words match different shares
               'title', 'Synthetic study ' || s.g || ': ' || (ARRAY[
                   'HT29 colon-cancer cells imaged under RNAi perturbation',
                   'Nuclear pore scaffold structure analyzed by super-resolution microscopy',
                   'Phenotypic profiling of the human genome by time-lapse microscopy reveals cell division genes',
                   'FIB-SEM of hippocampal neurons from wild-type and knockout mice',
                   'Global analysis of SUMO chain function in budding yeast chromatin regulation',
                   'Regulation of meristem morphogenesis by cell wall synthases in Arabidopsis',
                   'Histopathology of mouse knockouts: tissue sections of twelve organs',
                   'Live imaging of zebrafish embryo development by light-sheet microscopy',
                   'Homologous chromosomes interact during meiotic prophase in fission yeast',
                   'Detection of nuclei within intact tissues and dense 3D cultures'])[1 + s.g % 10],
               'description', 'These images are of human HT29 colon cancer cells, a cell line that has been widely '
                   || 'used for the study of many normal and neoplastic processes. Cells were fixed, stained for DNA '
                   || 'and imaged in 384-well plates; the set consists of fields of view from a screen for mitotic '
                   || 'regulators, with ground-truth counts from two human counters. Study ' || s.g || '.',
               'keywords', '["ground truth", "RNAi screen", "mitosis"]'::jsonb,
               'organisms', CASE WHEN s.taxon IS NULL THEN '[]'::jsonb
                   ELSE jsonb_build_array(jsonb_build_object('label', 'taxon ' || s.taxon, 'ncbiTaxonId', s.taxon))
                       || CASE WHEN s.taxon2 IS NULL THEN '[]'::jsonb ELSE
                          jsonb_build_array(jsonb_build_object('label', 'Escherichia coli', 'ncbiTaxonId', s.taxon2)) END END,
               'imagingMethods', CASE WHEN s.fbbi IS NULL THEN '[]'::jsonb
                   ELSE jsonb_build_array(jsonb_build_object('label', CASE s.fbbi
                       WHEN 'FBbi:00000246' THEN 'fluorescence microscopy' WHEN 'FBbi:00000251' THEN 'confocal microscopy'
                       WHEN 'FBbi:00000243' THEN 'bright-field microscopy'
                       WHEN 'FBbi:00000258' THEN 'transmission electron microscopy'
                       WHEN 'FBbi:00000369' THEN 'light sheet fluorescence microscopy'
                       ELSE 'method ' || s.fbbi END, 'fbbiId', s.fbbi)) END,
               'license', jsonb_build_object('spdx', s.spdx, 'label', s.spdx),
               'released', s.released,
               'formats', '[{"label": "TIFF"}, {"label": "OME-Zarr"}]'::jsonb,
               'identifiers', jsonb_build_array(jsonb_build_object('scheme', s.source, 'value', 'S-' || s.g)),
               'landingPage', 'https://example.org/' || s.source || '/S-' || s.g))),
       s.updated_at - interval '30 days', s.updated_at, s.withdrawn, s.quality, '{creatorOrcid}', 1
  FROM shaped s;

INSERT INTO source_record (key, source, native_id, source_url, content_hash, metadata, deleted, dataset_id,
                           first_seen, last_seen, last_run_id, match_version)
SELECT s.source || ':S-' || s.g, s.source, 'S-' || s.g, 'https://example.org/' || s.source || '/S-' || s.g,
       md5(s.id), NULL::jsonb, false, s.id, s.updated_at, s.updated_at, 'synthetic', 1
  FROM shaped s
UNION ALL
SELECT 'datacite:10.5555/' || s.g, 'datacite', '10.5555/' || s.g, 'https://doi.org/10.5555/' || s.g,
       md5('dc' || s.id), NULL::jsonb, false, s.id, s.updated_at, s.updated_at, 'synthetic', 1
  FROM shaped s WHERE s.with_datacite;

\if :{?publish}
INSERT INTO dataset_version (dataset_id, version, changed_at, source_key, run_id, content_hash, changed_fields, withdrawn,
                             document)
SELECT d.id, 1, d.created_at, d.document->'sourceRecords'->0->>'key', 'synthetic', d.content_hash,
       ARRAY(SELECT jsonb_object_keys(d.document->'metadata') UNION SELECT 'sourceRecords' ORDER BY 1), false, d.document
  FROM dataset d;
-- a withdrawn dataset leaves as a tombstone (null payload), as the merge's withdrawal does
INSERT INTO outbox (topic, key, payload)
SELECT 'datasets.v1', d.id, CASE WHEN d.withdrawn THEN NULL ELSE d.document::text END
  FROM dataset d ORDER BY d.updated_at;
ANALYZE dataset_version;
-- without statistics on the 100k pending rows the outbox publisher sent about 100 rows/s, and 2,500/s from the moment
-- autovacuum analysed the table (a minute later; seen in two runs of bin/bench portal --catalog-size 100000)
ANALYZE outbox;
\endif
SET session_replication_role = DEFAULT;
DO $$ BEGIN PERFORM source_summary_rebuild(); END $$;
ANALYZE dataset;
ANALYZE source_record;
