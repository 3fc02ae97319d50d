-- Canonical datasets, the source records they are built from, their version history, and the
-- transactional outbox through which every event this service publishes leaves.

CREATE TABLE dataset (
    id           text        PRIMARY KEY,             -- bic-<12 hex of sha256(first source key)>, stable
    version      integer     NOT NULL,
    content_hash text        NOT NULL,                -- hash of sourceRecords + metadata, not of the envelope
    document     jsonb       NOT NULL,                -- the last DatasetChanged published for this dataset
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    withdrawn    boolean     NOT NULL DEFAULT false
);

CREATE TABLE source_record (
    key          text        PRIMARY KEY,             -- source:nativeId
    source       text        NOT NULL,
    native_id    text        NOT NULL,
    source_url   text,
    content_hash text,                                -- sha256 of the record's metadata (ModelJson)
    metadata     jsonb,
    deleted      boolean     NOT NULL DEFAULT false,
    -- deferred: a record and the dataset it creates are written in one transaction, in either order
    dataset_id   text        NOT NULL REFERENCES dataset (id) DEFERRABLE INITIALLY DEFERRED,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL,
    last_run_id  text
);
CREATE INDEX source_record_dataset ON source_record (dataset_id);
CREATE INDEX source_record_source ON source_record (source, dataset_id);

CREATE TABLE dataset_version (
    dataset_id     text        NOT NULL REFERENCES dataset (id),
    version        integer     NOT NULL,
    changed_at     timestamptz NOT NULL,
    source_key     text        NOT NULL,              -- the source record whose change made this version
    run_id         text,
    content_hash   text        NOT NULL,
    changed_fields text[]      NOT NULL,              -- top-level fields that differ from the previous version
    withdrawn      boolean     NOT NULL DEFAULT false,
    document       jsonb,                             -- null for a withdrawal
    PRIMARY KEY (dataset_id, version)
);

CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,                -- logical name; the deployment's prefix is added on send
    key          text,
    payload      text,                                -- null = tombstone
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
-- lets the publisher see "an older row of the same key is still pending" cheaply
CREATE INDEX outbox_pending_key ON outbox (topic, key, id) WHERE published_at IS NULL;
