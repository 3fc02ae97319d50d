-- Submissions through the API and the scheduled collectors.

-- how_found held the evidence kind that created a link; that is the link's origin. how_found now carries
-- the seed's question, answered by a submitter: how was the public dataset identified?
alter table citation_link rename column how_found to origin;
alter table citation_link add column how_found text
    check (how_found in ('search-engine', 'this-catalog', 'the-paper', 'a-colleague', 'datathon-training', 'other'));

-- One row per collector: where its last successful run stopped (a date, a cursor, a harvested date …), so
-- the next run asks only for what is new.
create table collector_checkpoint (
    collector        text primary key,
    position         text,
    last_started_at  timestamptz,
    last_finished_at timestamptz,
    last_outcome     text,
    last_error       text,
    links_recorded   integer not null default 0,
    evidence_added   integer not null default 0,
    -- a lease, so that one replica at a time runs a collector (taken with a conditional update, expires
    -- on its own when a replica dies mid-run)
    lease_owner      text,
    lease_until      timestamptz
);
