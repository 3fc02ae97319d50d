package org.bioimagecatalog.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** Sends the fuzz requests as raw as the JDK client allows, and judges the answers. */
final class ApiFuzzClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK client refuses to set; they are left out of those requests. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    record Answer(int status, String contentType, String body) {}

    ApiFuzzClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer send(ApiFuzzRequests.Request request) throws IOException, InterruptedException {
        String uri = baseUrl + request.path() + (request.query() == null ? "" : "?" + request.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * Null when the answer is acceptable: below 500, and a 4xx is a problem document with its status and a title.
     * One exception: the HTTP layer's CORS filter refuses a cross-origin request of a method it does not allow
     * with a bare 403 before any resource runs; a browser never shows that body to the page anyway.
     */
    static String whatIsWrong(ApiFuzzRequests.Request request, Answer answer) {
        if (answer.status() == 403 && answer.body().isEmpty() && request.headers().containsKey("Origin")
                && !"GET".equals(request.method())) {
            return null;
        }
        if (answer.status() >= 500) {
            return answer.status() + " " + excerpt(answer.body());
        }
        if (answer.status() < 400) {
            return null;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return answer.status() + " with Content-Type '" + answer.contentType() + "': " + excerpt(answer.body());
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null || problem.path("status").asInt() != answer.status()) {
                return answer.status() + " whose problem has status " + (problem == null ? null : problem.get("status"));
            }
            if (problem.path("title").asText("").isBlank()) {
                return answer.status() + " whose problem has no title: " + excerpt(answer.body());
            }
            return null;
        } catch (IOException e) {
            return answer.status() + " with a body that is not JSON: " + excerpt(answer.body());
        }
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
