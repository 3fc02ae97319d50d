package org.bioimagecatalog.catalog.ingest;

/** A message on records.harvested.v1 that can never be applied; it goes to the DLQ with this reason. */
public class RejectedRecordException extends RuntimeException {
    private final String runId;

    public RejectedRecordException(String reason, String runId) {
        super(reason);
        this.runId = runId;
    }

    public String reason() {
        return getMessage();
    }

    /** The harvest run that produced the message, when the message was readable enough to say. */
    public String runId() {
        return runId;
    }
}
