package org.bioimagecatalog.harvester.run;

import org.bioimagecatalog.model.api.ProblemException;

/** A request the harvester refuses; the one exception mapper turns every subclass into problem+json. */
public abstract class HarvestRequestException extends ProblemException {
    protected HarvestRequestException(int status, String kind, String title, String detail) {
        super(status, kind, title, detail);
    }
}
