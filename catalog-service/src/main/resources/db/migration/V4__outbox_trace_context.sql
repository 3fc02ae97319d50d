-- The trace context (OpenTelemetry propagation fields: {"traceparent": "00-…", "tracestate": …}) of the
-- transaction that wrote an outbox row, so that the message the publisher sends later, from another thread,
-- continues that trace (docs/observability.md). Null for rows written without a trace, and for older rows.
ALTER TABLE outbox ADD COLUMN trace_context jsonb;
