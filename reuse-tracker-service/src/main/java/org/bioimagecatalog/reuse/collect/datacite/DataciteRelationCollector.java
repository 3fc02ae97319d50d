package org.bioimagecatalog.reuse.collect.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.reuse.citation.EvidenceKind;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.CandidateSink;
import org.bioimagecatalog.reuse.collect.Collector;
import org.bioimagecatalog.reuse.collect.CollectorConfig;
import org.bioimagecatalog.reuse.collect.CollectorException;
import org.bioimagecatalog.reuse.collect.CollectorHttp;

/**
 * DataCite {@code relatedIdentifiers}: the DOIs updated in a time window that declare a relation to another
 * DOI ({@code query=relatedIdentifiers.relatedIdentifierType:DOI AND updated:[from TO until]}), page by page.
 * A tracked dataset's own record relating it to works, or a work's record relating it to a tracked dataset,
 * becomes a link with {@code datacite-relation} evidence (see {@link DataciteRecordReader}). Checkpoint:
 * {@code <window start>} or {@code <window start> page <n>} when a run stopped inside a window.
 */
@ApplicationScoped
public class DataciteRelationCollector implements Collector {
    private static final Pattern NEXT_PAGE = Pattern.compile("page\\[number]=(\\d+)");

    private final CollectorHttp http;
    private final CollectorConfig config;
    private final ObjectMapper json;

    public DataciteRelationCollector(CollectorHttp http, CollectorConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "datacite";
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.DATACITE_RELATION;
    }

    @Override
    public String collect(String checkpoint, CandidateSink sink) {
        CollectorConfig.Datacite settings = config.datacite();
        Instant from = checkpoint == null ? settings.start() : Instant.parse(checkpoint.split(" page ")[0]);
        int page = checkpoint != null && checkpoint.contains(" page ") ? Integer.parseInt(checkpoint.split(" page ")[1]) : 1;
        DataciteRecordReader reader = new DataciteRecordReader(sink.trackedDois());
        Instant now = Instant.now();
        for (int read = 0; read < settings.maxPagesPerRun() && from.isBefore(now); read++) {
            Instant until = from.plus(settings.window()).minusSeconds(1);
            JsonNode answer = fetch(from, until, page);
            JsonNode records = answer.path("data");
            sink.seen(records.size());
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode record : records) {
                candidates.addAll(reader.candidates(record.path("attributes")));
            }
            sink.accept(candidates);
            Optional<Integer> next = nextPage(answer.path("links").path("next").asText(null));
            if (next.isPresent() && next.get() > page) {
                page = next.get();
            } else {
                from = until.plusSeconds(1);
                page = 1;
            }
        }
        return page == 1 ? format(from) : format(from) + " page " + page;
    }

    static Optional<Integer> nextPage(String nextLink) {
        if (nextLink == null || nextLink.isBlank()) {
            return Optional.empty();
        }
        Matcher m = NEXT_PAGE.matcher(URLDecoder.decode(nextLink, StandardCharsets.UTF_8));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private JsonNode fetch(Instant from, Instant until, int page) {
        String query = "relatedIdentifiers.relatedIdentifierType:DOI AND updated:[" + format(from) + " TO "
                + format(until) + "]";
        URI uri = URI.create(config.datacite().url().replaceAll("/+$", "") + "/dois"
                + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&" + URLEncoder.encode("page[number]", StandardCharsets.UTF_8) + "=" + page
                + "&" + URLEncoder.encode("page[size]", StandardCharsets.UTF_8) + "=" + config.datacite().pageSize()
                + "&affiliation=true&exclude_registration_agencies=true&resource-type-id=");
        try (InputStream body = http.get(uri)) {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CollectorException("unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
