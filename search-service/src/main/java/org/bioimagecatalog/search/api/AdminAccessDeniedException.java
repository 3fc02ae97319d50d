package org.bioimagecatalog.search.api;

/** The caller may not perform an admin action. */
public class AdminAccessDeniedException extends RuntimeException {
    public AdminAccessDeniedException(String message) {
        super(message);
    }
}
