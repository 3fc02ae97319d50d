package org.bioimagecatalog.reuse.collect;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.jboss.logging.Logger;

/**
 * The collectors' one way out: timeouts on connect and on every request, an identifying User-Agent with a
 * contact address, and retries of 429 / 5xx / I/O failures with exponential backoff, honouring the server's
 * {@code Retry-After} (seconds or an HTTP date) when it sends one. Other 4xx answers fail at once.
 */
@ApplicationScoped
public class PoliteHttpClient {
    private static final Logger LOG = Logger.getLogger(PoliteHttpClient.class);

    private final CollectorConfig config;
    private final HttpClient client;

    public PoliteHttpClient(CollectorConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The body of a 2xx answer, streamed; the caller closes it. */
    public InputStream get(URI uri) {
        CollectorConfig.Http http = config.http();
        Duration pause = http.backoff();
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri).GET()
                    .timeout(http.requestTimeout())
                    .header("User-Agent", config.userAgent() + " (mailto:" + config.mailto() + ")")
                    .header("Accept", "application/json")
                    .build();
            String failure;
            Duration wait = pause;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                response.body().close();
                if (status != 429 && status < 500) {
                    throw new CollectorException("GET " + uri + " answered " + status);
                }
                failure = "HTTP " + status;
                wait = retryAfter(response).orElse(pause);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CollectorException("interrupted while fetching " + uri);
            }
            if (attempt >= http.maxAttempts()) {
                throw new CollectorException("GET " + uri + " failed " + attempt + " times, last: " + failure);
            }
            Duration capped = wait.compareTo(http.maxBackoff()) > 0 ? http.maxBackoff() : wait;
            LOG.infof("GET %s: %s, try %d of %d in %d ms", uri, failure, attempt + 1, http.maxAttempts(),
                    capped.toMillis());
            sleep(capped);
            pause = pause.multipliedBy(2);
        }
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(PoliteHttpClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,6}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectorException("interrupted while backing off");
        }
    }
}
