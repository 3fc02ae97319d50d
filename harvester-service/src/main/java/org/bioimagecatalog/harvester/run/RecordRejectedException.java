package org.bioimagecatalog.harvester.run;

/** A native record that cannot be harvested: where it is, why, and the start of what was read. */
public class RecordRejectedException extends Exception {
    private final String location;
    private final String payloadExcerpt;

    public RecordRejectedException(String location, String reason, String payloadExcerpt) {
        super(reason);
        this.location = location;
        this.payloadExcerpt = payloadExcerpt;
    }

    public String location() {
        return location;
    }

    public String reason() {
        return getMessage();
    }

    public String payloadExcerpt() {
        return payloadExcerpt;
    }
}
