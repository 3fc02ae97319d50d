package org.bioimagecatalog.reuse.report;

/** No tracked dataset lists this ORCID among its producers. */
public class UnknownProducerException extends RuntimeException {
    public UnknownProducerException(String orcid) {
        super("no dataset known to the reuse tracker lists producer " + orcid);
    }
}
