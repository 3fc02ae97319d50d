package org.bioimagecatalog.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.api.ProblemException;
import org.junit.jupiter.api.Test;

/** The one mapping every service uses: the same failure gives the same problem, whichever service it is. */
class CommonProblemMapperTest {
    private final CommonProblemMapper mapper = new CommonProblemMapper();
    private final UriInfo uri = uriAt("/api/v1/things");

    @Test
    void aServicesOwnProblemKeepsItsKindTitleStatusAndFields() {
        ProblemException refused = new ProblemException(409, "run-in-progress", "Run in progress", "run 7 is running") {
            @Override
            public List<Problem.FieldError> errors() {
                return List.of(new Problem.FieldError("source", "busy"));
            }
        };

        Problem problem = body(mapper.problem(refused, uri), 409);

        assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + "run-in-progress");
        assertThat(problem.title()).isEqualTo("Run in progress");
        assertThat(problem.instance()).isEqualTo("/api/v1/things");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("source", "busy"));
    }

    @Test
    void anUnreadableBodyIsAnInvalidRequestWithTheOneTitle() {
        Problem problem = body(mapper.unreadableJson(new JsonParseException(null, "Unexpected character"), uri), 400);

        assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + "invalid-request");
        assertThat(problem.title()).isEqualTo("Invalid request");
        assertThat(problem.detail()).contains("Unexpected character");
    }

    @Test
    void frameworkRefusalsAreNamedByStatus() {
        assertThat(body(mapper.http(new NotFoundException(), uri), 404).type()).isEqualTo(Problem.TYPE_BASE + "not-found");
        assertThat(body(mapper.http(new NotAllowedException("GET"), uri), 405).type())
                .isEqualTo(Problem.TYPE_BASE + "method-not-allowed");
    }

    @Test
    void anEngineAwayIsA503WithRetryAfterAndAnythingElseA500WithAnIncident() {
        Response away = mapper.unexpected(new IllegalStateException("pool", new SQLException("refused", "08001")), uri);
        assertThat(body(away, 503).type()).isEqualTo(Problem.TYPE_BASE + "unavailable");
        assertThat(away.getHeaderString("Retry-After")).isEqualTo(String.valueOf(EngineUnavailable.RETRY_AFTER_SECONDS));
        assertThat(body(mapper.unexpected(new ConnectException("refused"), uri), 503).detail())
                .contains("a service it depends on");

        Problem bug = body(mapper.unexpected(new NullPointerException("x"), uri), 500);
        assertThat(bug.type()).isEqualTo(Problem.TYPE_BASE + "internal-error");
        assertThat(bug.detail()).containsPattern("incident [0-9a-f-]{36}").doesNotContain("NullPointerException");
    }

    private static Problem body(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return ModelJson.read((String) response.getEntity(), Problem.class);
    }

    private static UriInfo uriAt(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
