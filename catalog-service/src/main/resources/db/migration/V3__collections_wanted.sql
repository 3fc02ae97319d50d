-- Community features: curated collections of datasets, and the "most wanted" boards.

-- A collection is citable: its id never changes and is never reused; a deleted collection keeps its row
-- (deleted_at) so that its URL answers 410 rather than 404.
CREATE TABLE collection (
    id          text        PRIMARY KEY,                 -- col-<12 hex>
    title       text        NOT NULL,
    description text,
    curator     text        NOT NULL,                    -- who answers for it (a person, a group)
    created_by  text        NOT NULL,                    -- the API key's name
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer     NOT NULL DEFAULT 1,
    deleted_at  timestamptz
);
CREATE INDEX collection_live ON collection (id) WHERE deleted_at IS NULL;

CREATE TABLE collection_item (
    collection_id text        NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    dataset_id    text        NOT NULL REFERENCES dataset (id),
    note          text,
    position      bigserial   NOT NULL,                  -- the order datasets were added in
    added_by      text        NOT NULL,
    added_at      timestamptz NOT NULL,
    PRIMARY KEY (collection_id, dataset_id)
);

-- A request on the boards: a dataset someone needs, or an analysis pipeline.
CREATE TABLE wanted_request (
    id                   bigserial   PRIMARY KEY,
    kind                 text        NOT NULL CHECK (kind IN ('dataset', 'pipeline')),
    title                text        NOT NULL,
    description          text,
    requester            text        NOT NULL,           -- as shown: a name given in the body, else the key's name
    requester_hash       text        NOT NULL,           -- SHA-256 of the posting key's identity: who may change the status
    tags                 text[]      NOT NULL DEFAULT '{}',
    votes                integer     NOT NULL DEFAULT 0, -- kept equal to count(wanted_vote) in the same transaction
    status               text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'fulfilled')),
    fulfilled_by_dataset text        REFERENCES dataset (id),
    fulfilled_by_url     text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX wanted_request_votes ON wanted_request (votes DESC, id DESC);
CREATE INDEX wanted_request_tags ON wanted_request USING gin (tags);

-- One vote per key identity: only a hash of it is stored.
CREATE TABLE wanted_vote (
    request_id bigint      NOT NULL REFERENCES wanted_request (id) ON DELETE CASCADE,
    voter_hash text        NOT NULL,
    voted_at   timestamptz NOT NULL,
    PRIMARY KEY (request_id, voter_hash)
);
