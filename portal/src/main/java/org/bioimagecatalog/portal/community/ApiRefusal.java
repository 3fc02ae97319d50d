package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.portal.json.Json;

/**
 * Why the API refused a write sent from a page, in words for the reader: a sentence for the status, then the API's
 * own problem+json {@code detail} and its per-field {@code errors}. Never a stack trace. {@code status} is the one the
 * page answers with: the API's, or 502 when the API did not answer at all.
 */
record ApiRefusal(int status, String message) {

    /** @param role the role the action needs, named in the 403 sentence */
    static ApiRefusal of(RuntimeException failure, String role) {
        if (failure instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return new ApiRefusal(status, join(sentence(status, role), problem(e)));
        }
        if (failure instanceof ProcessingException) {
            return new ApiRefusal(502, "The catalog did not answer: nothing was changed. Try again in a moment.");
        }
        throw failure;
    }

    private static String sentence(int status, String role) {
        return switch (status) {
            case 400, 422 -> "The API could not use what was entered.";
            case 401 -> "The API did not accept your sign-in: the API key is unknown or revoked, or the access token "
                    + "expired or did not verify. Sign in again.";
            case 403 -> "You are signed in, but without the role this needs (" + role + ").";
            case 404 -> "Not found: it may have been removed meanwhile.";
            case 409 -> "It changed meanwhile: reload the page and try again.";
            case 410 -> "It was deleted.";
            case 413 -> "That is too long for the API.";
            case 429 -> "Too many requests from you just now: wait a minute and try again.";
            default -> "The catalog could not do this just now (HTTP " + status + "): nothing was changed.";
        };
    }

    /** The problem document's detail and field errors; empty when the answer is not one. */
    private static String problem(WebApplicationException e) {
        JsonNode body;
        try {
            body = e.getResponse().readEntity(JsonNode.class);
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

    private static String join(String sentence, String detail) {
        return detail.isEmpty() ? sentence : sentence + " " + detail;
    }
}
