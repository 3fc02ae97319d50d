-- Harvest runs, their first errors, and the last published content hash of every record key.
-- Owned by harvester-service; schema "harvester".

create table harvest_run (
    id             uuid        primary key,
    source         text        not null,
    location       text        not null,
    force          boolean     not null default false,
    status         text        not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
    started_at     timestamptz not null,
    finished_at    timestamptz,
    seen           integer     not null default 0,
    published      integer     not null default 0,
    unchanged      integer     not null default 0,
    rejected       integer     not null default 0,
    failure_reason text
);

-- newest-first listing with a (started_at, id) keyset cursor, and "last run of a source"
create index harvest_run_started_idx on harvest_run (started_at desc, id desc);
create index harvest_run_source_started_idx on harvest_run (source, started_at desc);

-- the first 100 records a run could not harvest
create table harvest_run_error (
    run_id   uuid    not null references harvest_run (id) on delete cascade,
    position integer not null,
    location text    not null,
    reason   text    not null,
    primary key (run_id, position)
);

-- what was last published per record key, so an unchanged record is not re-published
create table published_record (
    record_key   text        primary key,
    content_hash text        not null,
    run_id       uuid        not null,
    published_at timestamptz not null
);
