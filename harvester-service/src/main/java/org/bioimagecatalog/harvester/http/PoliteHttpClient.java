package org.bioimagecatalog.harvester.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jboss.logging.Logger;

/**
 * GETs from archives and mirrors the way a good citizen does: a User-Agent that says who we are, timeouts,
 * per-host limits of concurrency and rate ({@link HostThrottle}), retries with exponential backoff on 5xx, 429 and
 * broken connections, honouring {@code Retry-After}, and the circuit breaker of the source being harvested
 * ({@link RunCircuit}). 4xx other than 429 is the caller's mistake and is not retried. Each {@code get} is one
 * client span {@code GET} (retries included) in the current trace; the archive is not sent our trace context.
 */
public class PoliteHttpClient {
    private static final Logger LOG = Logger.getLogger(PoliteHttpClient.class);

    private final HttpSettings settings;
    private final HostThrottle throttle;
    private final HttpClient client;
    private final Tracer tracer;

    public PoliteHttpClient(HttpSettings settings) {
        this(settings, HostThrottle.unlimited());
    }

    public PoliteHttpClient(HttpSettings settings, HostThrottle throttle) {
        this(settings, throttle, OpenTelemetry.noop().getTracer("untraced"));
    }

    public PoliteHttpClient(HttpSettings settings, HostThrottle throttle, Tracer tracer) {
        this.settings = settings;
        this.throttle = throttle;
        this.tracer = tracer;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public HttpSettings settings() {
        return settings;
    }

    public FetchedResource get(URI uri) throws HttpFetchException {
        return get(uri, "text/plain, text/html;q=0.9, */*;q=0.5", status -> false);
    }

    /**
     * GETs with the given {@code Accept} header. A 4xx status (other than 429) for which {@code bodyWanted} answers
     * true is returned like a success rather than thrown: protocols such as OAI-PMH put their error document in
     * the body of a 4xx (Zenodo answers OAI errors with HTTP 422).
     */
    public FetchedResource get(URI uri, String accept, IntPredicate bodyWanted) throws HttpFetchException {
        return get(uri, accept, bodyWanted, Map.of());
    }

    /** The same, with request headers of the caller's (an API's credentials: {@code Authorization}). */
    public FetchedResource get(URI uri, String accept, IntPredicate bodyWanted, Map<String, String> headers)
            throws HttpFetchException {
        Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .setAttribute("server.address", String.valueOf(uri.getHost()))
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            FetchedResource fetched = getThroughBreaker(uri, accept, bodyWanted, headers);
            span.setAttribute("http.response.status_code", fetched.status());
            return fetched;
        } catch (HttpFetchException e) {
            if (e.status() > 0) {
                span.setAttribute("http.response.status_code", e.status());
            }
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private FetchedResource getThroughBreaker(URI uri, String accept, IntPredicate bodyWanted, Map<String, String> headers)
            throws HttpFetchException {
        CircuitBreaker breaker = RunCircuit.current();
        if (breaker == null) {
            return getWithRetries(uri, accept, bodyWanted, headers);
        }
        breaker.beforeRequest(uri);
        try {
            FetchedResource fetched = getWithRetries(uri, accept, bodyWanted, headers);
            breaker.onSuccess();
            return fetched;
        } catch (HttpFetchException e) {
            boolean answered = e.status() >= 200 && e.status() < 500 && e.status() != 429;
            if (answered) {
                breaker.onSuccess();
            } else if (!(e.getCause() instanceof InterruptedException)) {
                breaker.onFailure(e.getMessage());
            }
            throw e;
        }
    }

    private FetchedResource getWithRetries(URI uri, String accept, IntPredicate bodyWanted, Map<String, String> headers)
            throws HttpFetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept);
        headers.forEach(builder::header);
        HttpRequest request = builder.GET().build();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            Duration wait;
            try (HostThrottle.Permit permit = throttle.acquire(uri)) {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 200 && status < 300 || !retryable(status) && status >= 400 && bodyWanted.test(status)) {
                    byte[] body = readLimited(uri, response.body());
                    return new FetchedResource(response.uri(),
                            response.headers().firstValue("Content-Type").orElse(null), body, status, response.headers().map());
                }
                response.body().close();
                if (!retryable(status) || last) {
                    throw new HttpFetchException(uri, status, "GET " + uri + " answered HTTP " + status
                            + (attempt > 1 ? " after " + attempt + " attempts" : ""));
                }
                wait = cap(retryAfter(response).orElse(backoff));
                LOG.infof("GET %s answered HTTP %d, attempt %d of %d, retrying in %d ms", uri, status, attempt,
                        settings.maxAttempts(), wait.toMillis());
            } catch (IOException e) {
                if (last) {
                    throw new HttpFetchException(uri, "GET " + uri + " failed after " + attempt + " attempts: "
                            + describe(e), e);
                }
                wait = cap(backoff);
                LOG.infof("GET %s failed (%s), attempt %d of %d, retrying in %d ms", uri, describe(e), attempt,
                        settings.maxAttempts(), wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpFetchException(uri, "GET " + uri + " was interrupted", e);
            }
            pause(uri, wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private byte[] readLimited(URI uri, InputStream body) throws IOException, HttpFetchException {
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > settings.maxBodyBytes()) {
                    throw new HttpFetchException(uri, 200, "GET " + uri + " returned more than "
                            + settings.maxBodyBytes() + " bytes, the configured limit");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(PoliteHttpClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Duration cap(Duration wait) {
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static void pause(URI uri, Duration wait) throws HttpFetchException {
        try {
            // a deliberate wait between attempts: backing off is the point, the server asked for time
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpFetchException(uri, "GET " + uri + " was interrupted while backing off", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
