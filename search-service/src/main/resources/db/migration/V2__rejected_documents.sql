-- Documents Elasticsearch refused for good (mapping errors and the like): the dead letters of indexing.
-- The event itself stays on the compacted datasets.v1 topic; this says which dataset version and why.
-- A later accepted version of the dataset removes its row.
CREATE TABLE rejected_document (
    dataset_id  text        PRIMARY KEY,
    version     bigint      NOT NULL,
    index_name  text        NOT NULL,
    error_type  text        NOT NULL,
    reason      text        NOT NULL,
    rejected_at timestamptz NOT NULL DEFAULT now()
);

-- Which reuse summaries changed since a moment (a reindex re-applies those that changed while it ran).
CREATE INDEX reuse_summary_updated_at ON reuse_summary (updated_at);
