package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.bioimagecatalog.model.ModelJson;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * JSON over the low-level Elasticsearch client. Every answer, 2xx or 4xx, comes back as an {@link EsResponse}
 * for the caller to interpret (a 409 or 404 is often an expected outcome); only a cluster that cannot be
 * reached, or a 5xx, raises {@link SearchEngineUnavailableException}.
 */
@ApplicationScoped
public class ElasticsearchGateway {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final RestClient client;

    public ElasticsearchGateway(RestClient client) {
        this.client = client;
    }

    public EsResponse json(String method, String path, Map<String, String> params, Object body) {
        Request request = new Request(method, path);
        params.forEach(request::addParameter);
        if (body != null) {
            request.setEntity(new NByteArrayEntity(bytes(body), ContentType.APPLICATION_JSON));
        }
        return perform(request);
    }

    private static byte[] bytes(Object body) {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return ModelJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    public EsResponse json(String method, String path, Object body) {
        return json(method, path, Map.of(), body);
    }

    public EsResponse ndjson(String path, Map<String, String> params, String body) {
        return ndjson(path, params, body.getBytes(StandardCharsets.UTF_8));
    }

    public EsResponse ndjson(String path, Map<String, String> params, byte[] body) {
        Request request = new Request("POST", path);
        params.forEach(request::addParameter);
        request.setEntity(new NByteArrayEntity(body, NDJSON));
        return perform(request);
    }

    /**
     * Like {@link #json(String, String, Object)}, but a 2xx answer is bound to {@code type} straight from the
     * response stream, with no tree of the whole answer in between (the search path: a page of hits and every
     * facet). Any other answer keeps its body as a tree, for {@link TypedResponse#errorType()}.
     */
    public <T> TypedResponse<T> read(String method, String path, Object body, Class<T> type) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NByteArrayEntity(bytes(body), ContentType.APPLICATION_JSON));
        }
        return read(request, type);
    }

    /** {@link #read} of a newline-delimited body ({@code _msearch}). */
    public <T> TypedResponse<T> readNdjson(String path, String body, Class<T> type) {
        Request request = new Request("POST", path);
        request.setEntity(new NByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), NDJSON));
        return read(request, type);
    }

    private <T> TypedResponse<T> read(Request request, Class<T> type) {
        String method = request.getMethod();
        String path = request.getEndpoint();
        Response response = send(request);
        int status = response.getStatusLine().getStatusCode();
        if (status < 200 || status >= 300) {
            EsResponse failed = checked(request, new EsResponse(status, body(response)));
            return new TypedResponse<>(status, null, failed.body());
        }
        if (response.getEntity() == null) {
            throw new SearchEngineUnavailableException("Elasticsearch answered " + status + " without a body to "
                    + method + " " + path, null);
        }
        try (InputStream in = response.getEntity().getContent()) {
            return new TypedResponse<>(status, ModelJson.mapper().readValue(in, type), MissingNode.getInstance());
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("unreadable answer from Elasticsearch", e);
        }
    }

    private EsResponse perform(Request request) {
        Response response = send(request);
        return checked(request, new EsResponse(response.getStatusLine().getStatusCode(), body(response)));
    }

    private Response send(Request request) {
        try {
            return client.performRequest(request);
        } catch (ResponseException e) {
            return e.getResponse();
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("Elasticsearch did not answer " + request.getMethod() + " "
                    + request.getEndpoint() + ": " + e.getMessage(), e);
        }
    }

    private static EsResponse checked(Request request, EsResponse answer) {
        if (answer.status() >= 500) {
            throw new SearchEngineUnavailableException("Elasticsearch answered " + answer.status() + " to "
                    + request.getMethod() + " " + request.getEndpoint() + ": " + answer.errorType(), null);
        }
        return answer;
    }

    /** Parsed straight from the entity's stream: an answer is never copied into a String first. */
    private static JsonNode body(Response response) {
        try {
            if (response.getEntity() == null) {
                return MissingNode.getInstance();
            }
            try (InputStream in = response.getEntity().getContent()) {
                JsonNode tree = ModelJson.mapper().readTree(in);
                return tree == null ? MissingNode.getInstance() : tree;
            }
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("unreadable answer from Elasticsearch", e);
        }
    }

    /** An answer bound to a type: the value when 2xx, else null and the error body as a tree. */
    public record TypedResponse<T>(int status, T value, JsonNode errorBody) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String errorType() {
            return new EsResponse(status, errorBody).errorType();
        }
    }

    /** An Elasticsearch answer: HTTP status and parsed body (a MissingNode when there is none). */
    public record EsResponse(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code error.type} of a failed request, e.g. {@code resource_already_exists_exception}. */
        public String errorType() {
            JsonNode error = body.path("error");
            return error.isTextual() ? error.asText() : error.path("type").asText("");
        }
    }
}
