package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
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
            request.setJsonEntity(body instanceof String text ? text : ModelJson.write(body));
        }
        return perform(request);
    }

    public EsResponse json(String method, String path, Object body) {
        return json(method, path, Map.of(), body);
    }

    public EsResponse ndjson(String path, Map<String, String> params, String body) {
        Request request = new Request("POST", path);
        params.forEach(request::addParameter);
        request.setEntity(new NStringEntity(body, NDJSON));
        return perform(request);
    }

    private EsResponse perform(Request request) {
        Response response;
        try {
            response = client.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("Elasticsearch did not answer " + request.getMethod() + " "
                    + request.getEndpoint() + ": " + e.getMessage(), e);
        }
        EsResponse answer = new EsResponse(response.getStatusLine().getStatusCode(), body(response));
        if (answer.status() >= 500) {
            throw new SearchEngineUnavailableException("Elasticsearch answered " + answer.status() + " to "
                    + request.getMethod() + " " + request.getEndpoint() + ": " + answer.errorType(), null);
        }
        return answer;
    }

    private static JsonNode body(Response response) {
        try {
            if (response.getEntity() == null) {
                return MissingNode.getInstance();
            }
            String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return text.isBlank() ? MissingNode.getInstance() : ModelJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("unreadable answer from Elasticsearch", e);
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
