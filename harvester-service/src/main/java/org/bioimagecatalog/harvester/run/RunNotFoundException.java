package org.bioimagecatalog.harvester.run;

/** No run has this id (404). */
public class RunNotFoundException extends HarvestRequestException {
    public RunNotFoundException(String id) {
        super(404, "not-found", "Run not found", "no harvest run has id '" + id + "'");
    }
}
