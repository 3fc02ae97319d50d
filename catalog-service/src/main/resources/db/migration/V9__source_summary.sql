-- GET /api/v1/sources at any size (issue 19). Its per-archive figures were an aggregate over every source record
-- joined to its dataset on each call (0.4-1 s at 100k datasets, seconds at 1M). They are now kept in source_summary,
-- one row per archive, by triggers on source_record and dataset, in the transaction that changes them: the answer is
-- a read of a handful of rows, and exact the moment a poll (a curation, a re-normalisation) commits.
--
-- What a row holds, for archive S (the definitions the aggregate had, see source_summary_rebuild below):
--   records, deleted  S's records with deleted = false / true;
--   datasets          the datasets, not withdrawn, that hold at least one of S's records with deleted = false;
--   quality_sum, quality_n  the sum and the number of those datasets' quality scores (a null score left out), so
--                     that the average is quality_sum / quality_n;
--   last_harvest      the latest last_seen of S's records. It never goes back (a replay of older messages leaves it).
--
-- Every writer of source_record and dataset (the ingest's poll, curators' split and join, the re-normaliser) holds
-- the merge's advisory lock (DatasetMerger.lock), so these rows are updated by one transaction at a time and a
-- poll's updates queue behind no one. A bulk load may turn the triggers off (SET session_replication_role =
-- replica, as bin/lib/catalog-db-load.sql does) and call source_summary_rebuild() after.

CREATE TABLE source_summary (
    source       text        PRIMARY KEY,
    records      bigint      NOT NULL DEFAULT 0,
    deleted      bigint      NOT NULL DEFAULT 0,
    datasets     bigint      NOT NULL DEFAULT 0,
    quality_sum  bigint      NOT NULL DEFAULT 0,
    quality_n    bigint      NOT NULL DEFAULT 0,
    last_harvest timestamptz
);

-- Adds a change to one archive's row (creating it). PL/pgSQL rather than SQL: PostgreSQL 15 plans a SQL function's
-- statement again on every call from a trigger, PL/pgSQL keeps the plan for the session.
CREATE FUNCTION source_summary_add(p_source text, p_records bigint, p_deleted bigint, p_datasets bigint,
                                   p_quality_sum bigint, p_quality_n bigint, p_last_harvest timestamptz)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO source_summary AS s (source, records, deleted, datasets, quality_sum, quality_n, last_harvest)
    VALUES (p_source, p_records, p_deleted, p_datasets, p_quality_sum, p_quality_n, p_last_harvest)
    ON CONFLICT (source) DO UPDATE
       SET records = s.records + excluded.records, deleted = s.deleted + excluded.deleted,
           datasets = s.datasets + excluded.datasets, quality_sum = s.quality_sum + excluded.quality_sum,
           quality_n = s.quality_n + excluded.quality_n, last_harvest = greatest(s.last_harvest, excluded.last_harvest);
END $$;

-- A record row that arrives, leaves, changes archive, dataset or deleted flag. A BEFORE trigger: it sees the rows an
-- earlier row of the same statement changed and not yet this one's change, so "is this the pair's only live record"
-- holds however many rows one statement writes. The dataset is read as it is now: a record written before its
-- dataset (the foreign key is deferred) counts once the dataset row arrives (source_summary_dataset).
CREATE FUNCTION source_summary_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    live boolean;
    score integer;
    others boolean;
BEGIN
    IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM source_record WHERE key = NEW.key) THEN
        -- the insert will not happen: an error, ON CONFLICT DO NOTHING, or DO UPDATE (whose update fires this again)
        RETURN NEW;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD.deleted THEN
            PERFORM source_summary_add(OLD.source, 0, -1, 0, 0, 0, NULL);
        ELSE
            SELECT NOT d.withdrawn, d.quality_score INTO live, score FROM dataset d WHERE d.id = OLD.dataset_id;
            others := EXISTS (SELECT 1 FROM source_record r WHERE r.source = OLD.source
                                 AND r.dataset_id = OLD.dataset_id AND NOT r.deleted AND r.key <> OLD.key);
            IF coalesce(live, false) AND NOT others THEN
                PERFORM source_summary_add(OLD.source, -1, 0, -1, -coalesce(score, 0), -(score IS NOT NULL)::int, NULL);
            ELSE
                PERFORM source_summary_add(OLD.source, -1, 0, 0, 0, 0, NULL);
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.deleted THEN
        PERFORM source_summary_add(NEW.source, 0, 1, 0, 0, 0, NEW.last_seen);
    ELSE
        live := NULL;
        score := NULL;
        SELECT NOT d.withdrawn, d.quality_score INTO live, score FROM dataset d WHERE d.id = NEW.dataset_id;
        -- an update's own old row is the one "others" leaves out, whatever pair it was in
        others := EXISTS (SELECT 1 FROM source_record r WHERE r.source = NEW.source
                             AND r.dataset_id = NEW.dataset_id AND NOT r.deleted AND r.key <> NEW.key);
        IF coalesce(live, false) AND NOT others THEN
            PERFORM source_summary_add(NEW.source, 1, 0, 1, coalesce(score, 0), (score IS NOT NULL)::int, NEW.last_seen);
        ELSE
            PERFORM source_summary_add(NEW.source, 1, 0, 0, 0, 0, NEW.last_seen);
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- A re-harvest's unchanged record: only its sighting moves (PollApplier marks it seen), one row's last_seen.
CREATE FUNCTION source_summary_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_summary SET last_harvest = NEW.last_seen
     WHERE source = NEW.source AND (last_harvest IS NULL OR last_harvest < NEW.last_seen);
    RETURN NEW;
END $$;

-- A dataset that arrives, leaves, is withdrawn or restored, or whose quality score changes: every archive with a live
-- record in it gains or loses it (source_record does not change within a dataset statement, so AFTER is exact).
CREATE FUNCTION source_summary_dataset() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_live boolean := false;
    is_live boolean := false;
    old_id text;
    new_id text;
    old_score integer;
    new_score integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        was_live := NOT OLD.withdrawn;
        old_id := OLD.id;
        old_score := OLD.quality_score;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        is_live := NOT NEW.withdrawn;
        new_id := NEW.id;
        new_score := NEW.quality_score;
    END IF;
    INSERT INTO source_summary AS s (source, datasets, quality_sum, quality_n)
    SELECT c.source, sum(c.datasets), sum(c.quality_sum), sum(c.quality_n)
      FROM (SELECT DISTINCT r.source, -1 AS datasets, -coalesce(old_score, 0) AS quality_sum,
                            -(old_score IS NOT NULL)::int AS quality_n
              FROM source_record r WHERE was_live AND r.dataset_id = old_id AND NOT r.deleted
            UNION ALL
            SELECT DISTINCT r.source, 1, coalesce(new_score, 0), (new_score IS NOT NULL)::int
              FROM source_record r WHERE is_live AND r.dataset_id = new_id AND NOT r.deleted) c
     GROUP BY c.source
     ORDER BY c.source
    ON CONFLICT (source) DO UPDATE
       SET datasets = s.datasets + excluded.datasets, quality_sum = s.quality_sum + excluded.quality_sum,
           quality_n = s.quality_n + excluded.quality_n;
    RETURN NULL;
END $$;

-- The figures from scratch, in one pass over the records (per archive and dataset, then per archive). Run below, by
-- a TRUNCATE, and by a bulk load that turned the triggers off.
CREATE FUNCTION source_summary_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM source_summary;
    INSERT INTO source_summary (source, records, deleted, datasets, quality_sum, quality_n, last_harvest)
    SELECT p.source, sum(p.records), sum(p.deleted),
           count(*) FILTER (WHERE p.records > 0 AND NOT d.withdrawn),
           coalesce(sum(d.quality_score) FILTER (WHERE p.records > 0 AND NOT d.withdrawn), 0),
           count(d.quality_score) FILTER (WHERE p.records > 0 AND NOT d.withdrawn),
           max(p.last_seen)
      FROM (SELECT source, dataset_id, count(*) FILTER (WHERE NOT deleted) AS records,
                   count(*) FILTER (WHERE deleted) AS deleted, max(last_seen) AS last_seen
              FROM source_record GROUP BY source, dataset_id) p
      LEFT JOIN dataset d ON d.id = p.dataset_id
     GROUP BY p.source;
$$;

CREATE FUNCTION source_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM source_summary_rebuild();
    RETURN NULL;
END $$;

CREATE TRIGGER source_summary_record_insert BEFORE INSERT ON source_record
    FOR EACH ROW EXECUTE FUNCTION source_summary_record();
CREATE TRIGGER source_summary_record_delete BEFORE DELETE ON source_record
    FOR EACH ROW EXECUTE FUNCTION source_summary_record();
CREATE TRIGGER source_summary_record_change BEFORE UPDATE ON source_record
    FOR EACH ROW WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted OR OLD.dataset_id IS DISTINCT FROM NEW.dataset_id
                       OR OLD.source IS DISTINCT FROM NEW.source)
    EXECUTE FUNCTION source_summary_record();
-- the common case, a sighting (the WHEN is evaluated without calling a function: an update that moves nothing and
-- no later sighting costs nothing more)
CREATE TRIGGER source_summary_record_seen BEFORE UPDATE ON source_record
    FOR EACH ROW WHEN (NEW.last_seen > OLD.last_seen AND OLD.deleted IS NOT DISTINCT FROM NEW.deleted
                       AND OLD.dataset_id IS NOT DISTINCT FROM NEW.dataset_id AND OLD.source IS NOT DISTINCT FROM NEW.source)
    EXECUTE FUNCTION source_summary_seen();
CREATE TRIGGER source_summary_dataset_insert AFTER INSERT ON dataset
    FOR EACH ROW EXECUTE FUNCTION source_summary_dataset();
CREATE TRIGGER source_summary_dataset_delete AFTER DELETE ON dataset
    FOR EACH ROW EXECUTE FUNCTION source_summary_dataset();
CREATE TRIGGER source_summary_dataset_change AFTER UPDATE ON dataset
    FOR EACH ROW WHEN (OLD.withdrawn IS DISTINCT FROM NEW.withdrawn OR OLD.quality_score IS DISTINCT FROM NEW.quality_score
                       OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION source_summary_dataset();
CREATE TRIGGER source_summary_record_truncate AFTER TRUNCATE ON source_record
    FOR EACH STATEMENT EXECUTE FUNCTION source_summary_truncated();
CREATE TRIGGER source_summary_dataset_truncate AFTER TRUNCATE ON dataset
    FOR EACH STATEMENT EXECUTE FUNCTION source_summary_truncated();

SELECT source_summary_rebuild();
