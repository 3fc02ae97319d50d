-- Outbox rows Kafka refused for good (a merged dataset over the message size limit, say): moved here with the
-- reason, so that they no longer hold back their key's later rows. The payload is kept only in part (its length
-- says how much there was): the dataset's full document stays in dataset.document.
CREATE TABLE outbox_dead_letter (
    id               bigint      PRIMARY KEY,          -- the outbox row's id
    topic            text        NOT NULL,
    key              text,
    payload_excerpt  text,                             -- the first characters of the payload; null = tombstone
    payload_chars    integer,
    reason           text        NOT NULL,
    trace_context    jsonb,
    created_at       timestamptz NOT NULL,             -- when the outbox row was written
    dead_lettered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_dead_letter_key ON outbox_dead_letter (topic, key);
