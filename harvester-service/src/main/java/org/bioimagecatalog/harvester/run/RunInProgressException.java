package org.bioimagecatalog.harvester.run;

/** The source is being harvested already, here or by another replica (409). */
public class RunInProgressException extends HarvestRequestException {
    public RunInProgressException(String source, String runningRunId) {
        super(409, "run-in-progress", "Harvest already running",
                "source '" + source + "' is being harvested already"
                        + (runningRunId == null ? " by another replica" : " by run " + runningRunId)
                        + "; try again when it has finished");
    }
}
