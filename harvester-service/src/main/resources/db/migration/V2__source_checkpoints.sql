-- Incremental harvests: where the last successful run of a paged source (OAI-PMH, DataCite, Zenodo) stopped,
-- per source and location, e.g. the OAI-PMH responseDate to send as the next run's "from".

create table source_checkpoint (
    source     text        not null,
    location   text        not null,
    checkpoint text        not null,
    run_id     uuid        not null,
    updated_at timestamptz not null,
    primary key (source, location)
);

-- pages fetched by a run of a paged source, and records it published as deleted (withdrawn upstream)
alter table harvest_run add column pages integer not null default 0;
alter table harvest_run add column deleted integer not null default 0;
