package org.bioimagecatalog.portal.community;

import org.bioimagecatalog.portal.api.ApiFailure;

/**
 * Why the API refused a write sent from a page, in words for the reader ({@link ApiFailure}: a sentence for the
 * status, then the API's own problem+json {@code detail} and per-field {@code errors}), naming the role a 403 lacks and
 * saying that nothing was changed when the API was away. {@code status} is the one the page answers with: the API's,
 * or 503 when it did not answer or answered 5xx.
 */
record ApiRefusal(int status, String message, long retryAfterSeconds) {

    /** @param role the role the action needs, named in the 403 sentence */
    static ApiRefusal of(RuntimeException failure, String role) {
        ApiFailure f = ApiFailure.of(failure);
        String sentence = f.status() == 403 ? "You are signed in, but without the role this needs (" + role + ")."
                : f.unavailable() ? f.sentence() + " Nothing was changed." : f.sentence();
        return new ApiRefusal(f.status(), f.detail().isEmpty() ? sentence : sentence + " " + f.detail(),
                f.retryAfterSeconds());
    }
}
