package org.bioimagecatalog.harvester.run;

/** A run was asked for a source that is not configured (400). */
public class UnknownSourceException extends HarvestRequestException {
    public UnknownSourceException(String source, java.util.Collection<String> known) {
        super(400, "unknown-source", "Unknown source",
                "no source named '" + source + "' is configured; known sources: " + String.join(", ", known));
    }
}
