package org.bioimagecatalog.reuse.collect.europepmc;

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
import java.util.TreeSet;
import org.bioimagecatalog.reuse.citation.EvidenceKind;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.CandidateSink;
import org.bioimagecatalog.reuse.collect.Collector;
import org.bioimagecatalog.reuse.collect.CollectorConfig;
import org.bioimagecatalog.reuse.collect.CollectorException;
import org.bioimagecatalog.reuse.collect.CollectorHttp;

/**
 * Europe PMC full-text search for each tracked dataset's accessions (EMPIAR-…, S-BIAD…, idr…, BBBC…) and,
 * optionally, DOIs: {@code search?query="ACCESSION"&resultType=core}, paged with {@code cursorMark}. Each
 * article found becomes a REUSE link with {@code europepmc-textmined} evidence (a paper naming the dataset's
 * accession uses or cites it; its primary paper is already PRIMARY from the catalog and stays so). The first
 * run searches all time; later runs add {@code FIRST_IDATE:[checkpoint TO today]} (the day Europe PMC indexed
 * the article). Checkpoint: the day of the last completed run.
 */
@ApplicationScoped
public class EuropePmcCollector implements Collector {
    private final CollectorHttp http;
    private final CollectorConfig config;
    private final ObjectMapper json;

    public EuropePmcCollector(CollectorHttp http, CollectorConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "europepmc";
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.EUROPEPMC_TEXTMINED;
    }

    @Override
    public String collect(String checkpoint, CandidateSink sink) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> identifiers = new TreeSet<>(sink.trackedAccessions());
        if (config.europepmc().searchDois()) {
            identifiers.addAll(sink.trackedDois());
        }
        for (String identifier : identifiers) {
            String query = "\"" + identifier + "\""
                    + (checkpoint == null ? "" : " AND FIRST_IDATE:[" + checkpoint + " TO " + today + "]");
            search(identifier, query, sink);
        }
        return today.toString();
    }

    private void search(String identifier, String query, CandidateSink sink) {
        String cursor = "*";
        for (int page = 0; page < config.europepmc().maxPages(); page++) {
            JsonNode answer = fetch(query, cursor);
            JsonNode results = answer.path("resultList").path("result");
            sink.seen(results.size());
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode result : results) {
                EuropePmcResultReader.candidate(identifier, result).ifPresent(candidates::add);
            }
            sink.accept(candidates);
            String next = answer.path("nextCursorMark").asText(null);
            if (results.size() < config.europepmc().pageSize() || next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    private JsonNode fetch(String query, String cursor) {
        URI uri = URI.create(config.europepmc().url().replaceAll("/+$", "") + "/search"
                + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&resultType=core&format=json&pageSize=" + config.europepmc().pageSize()
                + "&cursorMark=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        try (InputStream body = http.get(uri)) {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CollectorException("unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }
}
