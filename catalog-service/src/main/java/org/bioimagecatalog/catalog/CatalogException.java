package org.bioimagecatalog.catalog;

import org.bioimagecatalog.model.api.ProblemException;

/** The root of every error this service reports to a client; service-security's CommonProblemMapper turns each into problem+json. */
public abstract class CatalogException extends ProblemException {
    protected CatalogException(int status, String kind, String title, String detail) {
        super(status, kind, title, detail);
    }
}
