package org.bioimagecatalog.catalog.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bioimagecatalog.catalog.outbox.Outbox;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestRejected;

/**
 * Sends refused messages to records.harvested.dlq.v1 as {@link HarvestRejected} (source {@code catalog}),
 * through the outbox like every other message: the consumer moves on at once, and the rejection is
 * published even if Kafka is briefly away.
 */
@ApplicationScoped
public class DatasetRejections {
    public static final String SOURCE = "catalog";

    @Inject
    Outbox outbox;

    /** @param location where the message was, {@code <topic>-<partition>@<offset>} */
    @Transactional
    public HarvestRejected reject(String messageKey, String location, String value, RejectedRecordException e) {
        HarvestRejected rejected = HarvestRejected.of(e.runId(), SOURCE, location, e.reason(), value);
        outbox.enqueue(HarvestRejected.TOPIC, messageKey, ModelJson.write(rejected));
        return rejected;
    }
}
