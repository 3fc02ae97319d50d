package org.bioimagecatalog.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.bioimagecatalog.portal.json.Json;

/**
 * A call to the public API that failed, as a page says it: the status the page answers with, a sentence in plain
 * words for the reader, the API's own problem+json {@code detail} and per-field {@code errors}, and for an API that is
 * away how long to wait ({@code Retry-After}). Never a stack trace. The read pages ({@code ApiFailurePages}) and the
 * write forms ({@code ApiRefusal}) both say failures this way.
 *
 * <p>An API that does not answer (connection refused, timed out) or answers 5xx is one the reader can only wait for:
 * the page answers 503 with {@code Retry-After}. A 4xx keeps its status: it is about what was asked.
 */
public record ApiFailure(int status, String sentence, String detail, long retryAfterSeconds) {
    /** How long a reader is asked to wait when the API is away and says nothing itself. */
    public static final long RETRY_AFTER_SECONDS = 60;
    public static final String NOT_ANSWERING = "The catalog's API is not answering; try again in a minute.";

    /**
     * The failure of an API call: a {@link WebApplicationException} (it answered), or no answer at all. A blocking
     * client call reports that as a {@link ProcessingException}; a {@code Uni} awaited reports the connection's own
     * exception ({@code ConnectException}, a timeout), wrapped in a {@link CompletionException}.
     *
     * @throws IllegalArgumentException for anything else (see {@link #is})
     */
    public static ApiFailure of(Throwable failure) {
        Throwable f = unwrap(failure);
        if (f instanceof WebApplicationException e) {
            return answered(e.getResponse());
        }
        if (notAnswering(f)) {
            return new ApiFailure(503, NOT_ANSWERING, "", RETRY_AFTER_SECONDS);
        }
        throw new IllegalArgumentException("not a failed API call", failure);
    }

    /** Whether this is a failed API call, as {@link #of} knows them. */
    public static boolean is(Throwable failure) {
        Throwable f = unwrap(failure);
        return f instanceof WebApplicationException || notAnswering(f);
    }

    private static boolean notAnswering(Throwable f) {
        // Vert.x reports a read timeout as its own (unchecked) exception, named for it
        return f instanceof ProcessingException || f instanceof IOException || f instanceof TimeoutException
                || f.getClass().getSimpleName().contains("Timeout");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }

    /** What the API answered with a status that is not a success. */
    public static ApiFailure answered(Response answer) {
        int status = answer.getStatus();
        if (status >= 500) {
            return new ApiFailure(503, "The catalog's API is not answering properly (it answered HTTP " + status
                    + "); try again in a minute.", "", retryAfter(answer));
        }
        long retry = status == 429 ? retryAfter(answer) : 0;
        return new ApiFailure(status, sentence(status), problem(answer), retry);
    }

    /** Whether the reader can only wait: the API is away or broken. */
    public boolean unavailable() {
        return status == 503;
    }

    /** The sentence and the API's detail, as one paragraph. */
    public String message() {
        return detail.isEmpty() ? sentence : sentence + " " + detail;
    }

    /** A heading for a page that is only this failure. */
    public String title() {
        return switch (status) {
            case 503 -> "The catalog is not answering";
            case 404 -> "Not found";
            case 410 -> "Deleted";
            case 429 -> "Too many requests";
            default -> "The catalog could not answer this";
        };
    }

    private static String sentence(int status) {
        return switch (status) {
            case 400, 422 -> "The API could not use what was entered.";
            case 401 -> "The API did not accept your sign-in: the API key is unknown or revoked, or the access token "
                    + "expired or did not verify. Sign in again.";
            case 403 -> "You are signed in, but without the role this needs.";
            case 404 -> "Not found: it may have been removed meanwhile.";
            case 409 -> "It changed meanwhile: reload the page and try again.";
            case 410 -> "It was deleted.";
            case 413 -> "That is too long for the API.";
            case 429 -> "Too many requests from you just now: wait a minute and try again.";
            default -> "The catalog could not answer this (HTTP " + status + ").";
        };
    }

    /** The API's own {@code Retry-After} in seconds when it gave one, else {@link #RETRY_AFTER_SECONDS}. */
    private static long retryAfter(Response answer) {
        String given = answer.getHeaderString("Retry-After");
        if (given != null && given.strip().matches("\\d{1,6}")) {
            return Long.parseLong(given.strip());
        }
        return RETRY_AFTER_SECONDS;
    }

    /** The problem document's detail and field errors; empty when the answer is not one. */
    private static String problem(Response answer) {
        JsonNode body;
        try {
            body = answer.readEntity(JsonNode.class);
        } catch (RuntimeException notJson) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String detail = Json.text(body, "detail");
        if (!detail.isEmpty()) {
            parts.add(detail.endsWith(".") ? detail : detail + ".");
        }
        for (JsonNode error : Json.list(body, "errors")) {
            String field = Json.text(error, "field");
            String message = Json.text(error, "message");
            if (!message.isEmpty() && !detail.contains(message)) {
                parts.add(field.isEmpty() ? message : field + ": " + message);
            }
        }
        return String.join(" ", parts);
    }
}
