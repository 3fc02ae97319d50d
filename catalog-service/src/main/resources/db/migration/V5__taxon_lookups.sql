-- Answers of the online taxonomy step (NCBI E-utilities), misses included, so that a name NCBI does not know is
-- not asked again at every record. kind: 'name' (the label as asked) or 'id'; taxon: the answer as JSON, null for
-- "no such taxon, or not uniquely".
CREATE TABLE taxon_lookups (
    kind        text        NOT NULL CHECK (kind IN ('name', 'id')),
    lookup_key  text        NOT NULL,
    taxon       jsonb,
    fetched_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, lookup_key)
);
