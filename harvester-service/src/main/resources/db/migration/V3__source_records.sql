-- Which record keys each source listed at each location, so that a full run notices records that vanished
-- upstream: every full run that misses a key adds one to missing_runs (a run that lists it resets it to 0);
-- at bic.harvester.withdraw-after-missing-runs (default 2) a deletion is published and the row removed.

create table source_record (
    source        text    not null,
    location      text    not null,
    record_key    text    not null,
    archive       text    not null,
    native_id     text    not null,
    source_url    text,
    last_seen_run uuid    not null,
    missing_runs  integer not null default 0,
    primary key (source, location, record_key)
);
