package org.bioimagecatalog.harvester.run;

/** Only a run that stopped before the end (FAILED, or PARTIAL stopped early) and is its source's newest can be resumed (409). */
public class RunNotResumableException extends HarvestRequestException {
    public RunNotResumableException(String detail) {
        super(409, "run-not-resumable", "Run cannot be resumed", detail);
    }
}
