package org.bioimagecatalog.catalog.taxonomy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.model.vocab.TaxonResolver;
import org.jboss.logging.Logger;

/**
 * Asks NCBI E-utilities ({@code db=taxonomy}) politely: names itself ({@code tool}, {@code email}, a User-Agent),
 * keeps to NCBI's rate (3 requests/s without a key, {@link RequestPacer}), times out, waits once for a 429's
 * {@code Retry-After} when it is short, and stops asking while its breaker is open. Every failure is
 * {@link TaxonResolver.Unavailable}: the caller keeps the value unresolved and a later re-normalisation asks again.
 */
final class EutilsClient {
    private static final Logger LOG = Logger.getLogger(EutilsClient.class);

    private final TaxonomyConfig.Online config;
    private final HttpClient http;
    private final RequestPacer pacer;
    private final Breaker breaker;

    EutilsClient(TaxonomyConfig.Online config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.pacer = new RequestPacer(config.requestsPerSecond());
        this.breaker = new Breaker(config.breakerFailures(), config.breakerOpenFor());
    }

    /** esearch: the taxon ids NCBI finds for a name. */
    List<String> search(String name) {
        byte[] body = get("esearch.fcgi", "term=" + encode(name));
        try {
            return EutilsAnswers.searchIds(body);
        } catch (EutilsAnswers.UnreadableAnswerException e) {
            throw unreadable(e);
        }
    }

    /** efetch: the full record of a taxon id; a merged id answers with the taxon it was merged into. */
    List<EutilsAnswers.Fetched> fetch(String id) {
        byte[] body = get("efetch.fcgi", "id=" + encode(id) + "&retmode=xml");
        try {
            return EutilsAnswers.taxa(body);
        } catch (EutilsAnswers.UnreadableAnswerException e) {
            throw unreadable(e);
        }
    }

    private TaxonResolver.Unavailable unreadable(EutilsAnswers.UnreadableAnswerException e) {
        breaker.failed();
        return new TaxonResolver.Unavailable("NCBI E-utilities answered an unreadable document: " + e.getMessage(), e);
    }

    private byte[] get(String endpoint, String query) {
        breaker.check();
        URI uri = URI.create(config.baseUrl().replaceFirst("/*$", "/") + endpoint + "?db=taxonomy&" + query
                + "&tool=" + encode(config.tool()) + "&email=" + encode(config.email())
                + config.apiKey().map(k -> "&api_key=" + encode(k)).orElse(""));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("User-Agent", "BioImageCatalog/1 (" + config.tool() + "; mailto:" + config.email() + ")")
                .header("Accept", "text/xml, application/xml")
                .GET().build();
        String described = uri.getPath() + "?" + query;
        for (int attempt = 1; ; attempt++) {
            try {
                pacer.await();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    breaker.succeeded();
                    return response.body();
                }
                Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(EutilsClient::seconds);
                if (status == 429 && attempt == 1 && retryAfter.isPresent()
                        && retryAfter.get().compareTo(config.maxRetryAfter()) <= 0) {
                    LOG.infof("NCBI E-utilities answered 429 for %s, retrying after %d ms", described, retryAfter.get().toMillis());
                    Thread.sleep(retryAfter.get().toMillis());
                    continue;
                }
                breaker.failed();
                throw new TaxonResolver.Unavailable("NCBI E-utilities answered HTTP " + status + " for " + described
                        + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse(""), null);
            } catch (HttpTimeoutException e) {
                breaker.failed();
                throw new TaxonResolver.Unavailable("NCBI E-utilities timed out for " + described, e);
            } catch (IOException e) {
                breaker.failed();
                throw new TaxonResolver.Unavailable("NCBI E-utilities unreachable for " + described + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaxonResolver.Unavailable("interrupted while asking NCBI E-utilities", e);
            }
        }
    }

    /** {@code Retry-After} in seconds; an HTTP date is not waited for (it is "later", not "in a moment"). */
    private static Optional<Duration> seconds(String value) {
        String v = value.strip();
        return v.matches("\\d{1,6}") ? Optional.of(Duration.ofSeconds(Long.parseLong(v))) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Spaces requests at least {@code 1 s / rate} apart across all callers. */
    static final class RequestPacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        RequestPacer(int perSecond) {
            this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
        }

        synchronized void await() throws InterruptedException {
            long now = System.nanoTime();
            if (next > now) {
                long wait = next - now;
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next = Math.max(now, next) + intervalNanos;
        }
    }

    /** Opens after consecutive failures; while open every call is "unavailable" at once; then one call tries again. */
    static final class Breaker {
        private final int threshold;
        private final Duration openFor;
        private int failures;
        private long openUntil;

        Breaker(int threshold, Duration openFor) {
            this.threshold = threshold;
            this.openFor = openFor;
        }

        synchronized void check() {
            if (failures >= threshold && System.nanoTime() < openUntil) {
                throw new TaxonResolver.Unavailable("NCBI E-utilities breaker open after " + failures
                        + " consecutive failures", null);
            }
        }

        synchronized void succeeded() {
            failures = 0;
        }

        synchronized void failed() {
            failures++;
            if (failures >= threshold) {
                openUntil = System.nanoTime() + openFor.toNanos();
            }
        }
    }
}
