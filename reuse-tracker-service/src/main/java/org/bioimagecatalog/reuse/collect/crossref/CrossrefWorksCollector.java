package org.bioimagecatalog.reuse.collect.crossref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bioimagecatalog.reuse.citation.EvidenceKind;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.CandidateSink;
import org.bioimagecatalog.reuse.collect.Collector;
import org.bioimagecatalog.reuse.collect.CollectorConfig;
import org.bioimagecatalog.reuse.collect.CollectorException;
import org.bioimagecatalog.reuse.collect.CollectorHttp;

/**
 * Crossref works with open reference lists ({@code /works?filter=reference-visibility:open,has-references:true,
 * from-X-date:D,until-X-date:D}), one day at a time, pages chained by {@code cursor=*} then
 * {@code message.next-cursor} until a page comes back empty or short. Each work whose {@code reference[]} cites a
 * tracked dataset (by DOI, or by a DOI or accession in the unstructured text; see {@link CrossrefReferenceReader})
 * becomes a REUSE link with {@code crossref-reference} evidence. It complements {@code crossref}
 * (data citations), which only sees references Crossref has already matched to a dataset DOI. Checkpoint: the
 * day after the last complete day (cursors expire after minutes, so a day is always read whole).
 */
@ApplicationScoped
public class CrossrefWorksCollector implements Collector {
    /** The Crossref date filters that come in from-/until- pairs by day. */
    static final List<String> DATE_FILTERS = List.of("update", "created", "index", "deposit");

    private final CollectorHttp http;
    private final CollectorConfig config;
    private final ObjectMapper json;

    public CrossrefWorksCollector(CollectorHttp http, CollectorConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "crossref-works";
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.CROSSREF_REFERENCE;
    }

    @Override
    public String collect(String checkpoint, CandidateSink sink) {
        if (!DATE_FILTERS.contains(config.crossref().worksDateFilter())) {
            throw new CollectorException("bic.reuse.collect.crossref.works-date-filter is "
                    + config.crossref().worksDateFilter() + "; expected one of " + DATE_FILTERS);
        }
        LocalDate day = checkpoint == null ? config.crossref().worksStartDate() : LocalDate.parse(checkpoint);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> dois = sink.trackedDois();
        Set<String> accessions = sink.trackedAccessions();
        for (int i = 0; i < config.crossref().maxDaysPerRun() && day.isBefore(today); i++) {
            readDay(day, dois, accessions, sink);
            day = day.plusDays(1);
        }
        return day.toString();
    }

    private void readDay(LocalDate day, Set<String> dois, Set<String> accessions, CandidateSink sink) {
        String cursor = "*";
        while (cursor != null) {
            JsonNode message = fetch(day, cursor).path("message");
            JsonNode items = message.path("items");
            sink.seen(items.size());
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode work : items) {
                candidates.addAll(CrossrefReferenceReader.candidates(work, dois, accessions));
            }
            sink.accept(candidates);
            String next = message.path("next-cursor").asText(null);
            cursor = items.size() < config.crossref().rows() || next == null || next.equals(cursor) ? null : next;
        }
    }

    private JsonNode fetch(LocalDate day, String cursor) {
        String field = config.crossref().worksDateFilter();
        String filter = "reference-visibility:open,has-references:true,from-" + field + "-date:" + day
                + ",until-" + field + "-date:" + day;
        URI uri = URI.create(config.crossref().url().replaceAll("/+$", "") + "/works"
                + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                + "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + "&rows=" + config.crossref().rows()
                + "&mailto=" + URLEncoder.encode(config.mailto(), StandardCharsets.UTF_8));
        try (InputStream body = http.get(uri)) {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CollectorException("unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }
}
