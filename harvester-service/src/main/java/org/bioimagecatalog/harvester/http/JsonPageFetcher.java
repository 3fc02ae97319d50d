package org.bioimagecatalog.harvester.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.bioimagecatalog.harvester.parse.ParseProblem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/** GETs one page of a JSON API: fetch failures end the run, a body that is not JSON is a rejected page. */
public final class JsonPageFetcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_CHARS = 2000;

    private final PoliteHttpClient http;

    public JsonPageFetcher(PoliteHttpClient http) {
        this.http = http;
    }

    public JsonNode fetch(URI uri) throws LocationUnreadableException, RecordRejectedException {
        FetchedResource page;
        try {
            page = http.get(uri, "application/vnd.api+json, application/json;q=0.9", status -> false);
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
        try {
            JsonNode json = JSON.readTree(page.body());
            if (json == null || !json.isObject()) {
                throw new RecordRejectedException(uri.toString(), "page " + uri + ": not a JSON object", excerpt(page.body()));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new RecordRejectedException(uri.toString(), "page " + uri + ": "
                    + ParseProblem.json(e), excerpt(page.body()));
        } catch (IOException e) {
            // the body is already in memory: this is undecodable text (an impossible UTF-32 guess), not an I/O error
            throw new RecordRejectedException(uri.toString(), "page " + uri + ": not readable as JSON: "
                    + e.getMessage(), excerpt(page.body()));
        }
    }

    /** A record's JSON as the start of a dead-letter payload. */
    public static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 2), StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }
}
