package org.bioimagecatalog.tracing;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The span attributes the services set: the catalog's own ids ({@code bic.*}, one name in every service, so a
 * trace backend can search for a record key or a dataset id) and the OpenTelemetry messaging conventions'
 * names for the Kafka side.
 */
public final class TraceAttributes {
    /** A harvested record's key, {@code source:nativeId} ({@code idr:idr0001}). */
    public static final AttributeKey<String> RECORD_KEY = stringKey("bic.record.key");
    /** The harvest run that produced a record. */
    public static final AttributeKey<String> RUN_ID = stringKey("bic.run.id");
    /** A canonical dataset's id ({@code bic-…}), the key of {@code datasets.v1}. */
    public static final AttributeKey<String> DATASET_ID = stringKey("bic.dataset.id");
    /** A configured harvest source ({@code idr}, {@code zenodo}, …). */
    public static final AttributeKey<String> SOURCE = stringKey("bic.source");

    static final AttributeKey<String> MESSAGING_SYSTEM = stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = stringKey("messaging.destination.partition.id");
    static final AttributeKey<String> OPERATION_NAME = stringKey("messaging.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_KEY = stringKey("messaging.kafka.message.key");
    static final AttributeKey<Long> OFFSET = longKey("messaging.kafka.offset");
    static final AttributeKey<Long> BATCH_COUNT = longKey("messaging.batch.message_count");

    private TraceAttributes() {}
}
