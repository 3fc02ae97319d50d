-- Indexes for every filter of GET /api/v1/datasets and of the OAI-PMH lists, so that a page at 1M datasets reads
-- the rows it returns rather than the table (plans and timings: docs/catalog-db-plans.md). The list queries are in
-- dataset.DatasetQueries and oai.OaiProvider; an index here only helps while its expression is written there the
-- same way.

-- organism (NCBI Taxonomy id) and imagingMethod (FBbi id): jsonb containment on the published document
CREATE INDEX dataset_organisms ON dataset USING gin ((document -> 'metadata' -> 'organisms') jsonb_path_ops)
    WHERE withdrawn = false;
CREATE INDEX dataset_imaging_methods ON dataset USING gin ((document -> 'metadata' -> 'imagingMethods') jsonb_path_ops)
    WHERE withdrawn = false;

-- imagingMethod given as a label, matched case-insensitively: the lower-cased labels as an array an index can hold
-- (an EXISTS over jsonb_array_elements cannot use one)
CREATE FUNCTION dataset_method_labels(methods jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(lower(m ->> 'label')) FILTER (WHERE m ->> 'label' IS NOT NULL), '{}')
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(methods) = 'array' THEN methods ELSE '[]' END) m);
CREATE INDEX dataset_imaging_labels ON dataset USING gin (dataset_method_labels(document -> 'metadata' -> 'imagingMethods'))
    WHERE withdrawn = false;

-- license (SPDX id, case-insensitive): equality, then the page in id order straight from the index
CREATE INDEX dataset_license ON dataset (lower(document -> 'metadata' -> 'license' ->> 'spdx'), id)
    WHERE withdrawn = false;

-- releasedFrom / releasedTo: ISO dates compare as text
CREATE INDEX dataset_released ON dataset ((document -> 'metadata' ->> 'released')) WHERE withdrawn = false;

-- source: the live records of one archive, in dataset order (minQuality and updatedSince have theirs since V2)
CREATE INDEX source_record_live_source ON source_record (source, dataset_id) WHERE deleted = false;

-- OAI from/until cover withdrawn datasets too (deleted headers), which the partial dataset_updated leaves out
-- (with the id, so that a page's ids come from the index alone and only the page's rows are read)
CREATE INDEX dataset_updated_all ON dataset (updated_at, id);

-- The planner has no statistics for an expression under a partial index, and without them it guesses 0.5-1% for
-- any jsonb containment or expression equality: it would then read 360,000 human datasets through the GIN index
-- and sort them for a 20-row page, rather than walk the primary key. Statistics on the expressions themselves
-- (ANALYZE fills them) give it the real frequencies, and give the API's row-count estimate (EXPLAIN) real numbers.
CREATE STATISTICS dataset_organisms_stats ON ((document -> 'metadata' -> 'organisms')) FROM dataset;
CREATE STATISTICS dataset_imaging_methods_stats ON ((document -> 'metadata' -> 'imagingMethods')) FROM dataset;
CREATE STATISTICS dataset_imaging_labels_stats ON (dataset_method_labels(document -> 'metadata' -> 'imagingMethods'))
    FROM dataset;
CREATE STATISTICS dataset_license_stats ON (lower(document -> 'metadata' -> 'license' ->> 'spdx')) FROM dataset;
CREATE STATISTICS dataset_released_stats ON ((document -> 'metadata' ->> 'released')) FROM dataset;
