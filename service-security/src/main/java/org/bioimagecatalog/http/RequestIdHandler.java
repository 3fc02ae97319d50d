package org.bioimagecatalog.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The correlation id of every request: the caller's {@code X-Request-Id} (the gateway sends one) when it is a
 * sane token, else a new UUID. It goes into the logging MDC as {@code requestId} (so every log line of the
 * request, plain or JSON, carries it) and back to the caller in the response's {@code X-Request-Id}.
 */
@ApplicationScoped
public class RequestIdHandler {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        // before authentication and routing, so that a refused or unknown request has its id too
        filters.register(context -> {
            String id = idOf(context.request());
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        }, 1000);
    }

    static String idOf(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
