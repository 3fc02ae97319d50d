-- Merging records that describe the same dataset, curators' manual decisions, per-field provenance and
-- metadata quality.

-- A dataset that disappeared into another (a merge) keeps its row: the API answers 301 to the survivor and
-- datasets.v1 carries a tombstone for its id. A later split can bring it back.
ALTER TABLE dataset ADD COLUMN merged_into text REFERENCES dataset (id);
-- which source record said what, per field of the canonical metadata (see MetadataMerger)
ALTER TABLE dataset ADD COLUMN provenance jsonb;
ALTER TABLE dataset ADD COLUMN quality_score integer;
ALTER TABLE dataset ADD COLUMN quality_missing text[];
CREATE INDEX dataset_quality ON dataset (quality_score) WHERE withdrawn = false;
CREATE INDEX dataset_updated ON dataset (updated_at) WHERE withdrawn = false;

-- The keys under which a record says "I am this dataset": its own accession, the accessions it lists as
-- identifiers, its data DOIs (see MatchKeys). Two active records sharing a key belong to one dataset.
CREATE TABLE record_match_key (
    source_key text NOT NULL REFERENCES source_record (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    match_key  text NOT NULL,                          -- rec:bia:S-BIAD15, doi:10.17867/10000130 …
    PRIMARY KEY (source_key, match_key)
);
CREATE INDEX record_match_key_key ON record_match_key (match_key);

-- Records stored before the match keys existed (version 0) are re-matched at their next sighting.
ALTER TABLE source_record ADD COLUMN match_version integer NOT NULL DEFAULT 0;

-- A curator's decisions, applied on every later re-merge so that harvests never undo them:
--   split: the record is kept out of automatic merging (it forms a dataset of its own unless joined by hand);
--   join:  the two records belong to one dataset whatever their identifiers say.
CREATE TABLE merge_decision (
    id          bigserial   PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('split', 'join')),
    source_key  text        NOT NULL,
    other_key   text,                                 -- join only
    dataset_id  text        NOT NULL,                 -- the dataset the curator acted on
    decided_by  text,
    decided_at  timestamptz NOT NULL,
    active      boolean     NOT NULL DEFAULT true,    -- a later split of a joined record retires its joins
    CHECK ((kind = 'join') = (other_key IS NOT NULL))
);
CREATE INDEX merge_decision_source ON merge_decision (source_key) WHERE active;
CREATE INDEX merge_decision_other ON merge_decision (other_key) WHERE active;
