-- The versioned Elasticsearch indices this service has built, with the analysis each was built with.
-- Elasticsearch itself is rebuilt from datasets.v1 at will; this table is the memory of which index
-- version serves the alias, so that a reindex (build v2, switch the alias) can be planned and audited.
CREATE TABLE index_version (
    index_name      text        PRIMARY KEY,
    alias           text        NOT NULL,
    mapping_version integer     NOT NULL,
    analyzer        text        NOT NULL,
    mapping_hash    text        NOT NULL,
    serving         boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    verified_at     timestamptz NOT NULL DEFAULT now()
);

-- The latest reuse summary per dataset (from reuse.summary.v1). A summary may arrive before its dataset
-- document exists, and a rebuilt index must get the counts again without replaying the reuse topic:
-- every dataset document takes its reuseCount from here when it is indexed.
CREATE TABLE reuse_summary (
    dataset_id            text        PRIMARY KEY,
    reuses                integer     NOT NULL,
    citations             integer     NOT NULL,
    distinct_citing_works integer     NOT NULL,
    occurred_at           timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
