package org.bioimagecatalog.reuse.collect.scholix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Scholix links from ScholeXplorer: either its API, once per tracked dataset DOI ({@code {doi}} in the
 * configured URL, paged by {@code page} up to {@code totalPages}), or a link package (ScholeXplorer responses
 * concatenated back to back) fetched whole. Both are read as a stream of JSON documents, never held whole in
 * memory. A link between a tracked dataset and a literature work becomes a REUSE link with {@code scholix}
 * evidence. The checkpoint is the newest {@code LinkPublicationDate} seen; links older than it are skipped.
 */
@ApplicationScoped
public class ScholixCollector implements Collector {
    private final CollectorHttp http;
    private final CollectorConfig config;
    private final ObjectMapper json;

    public ScholixCollector(CollectorHttp http, CollectorConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "scholix";
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.SCHOLIX;
    }

    @Override
    public String collect(String checkpoint, CandidateSink sink) {
        String url = config.scholix().url();
        Set<String> tracked = sink.trackedDois();
        ScholixLinkReader reader = new ScholixLinkReader(tracked, checkpoint);
        if (url.contains("{doi}")) {
            for (String doi : tracked) {
                String base = url.replace("{doi}", URLEncoder.encode(doi, StandardCharsets.UTF_8));
                for (int page = 0; page < config.scholix().maxPages(); page++) {
                    int totalPages = read(URI.create(base + (base.contains("?") ? "&" : "?") + "page=" + page), reader, sink);
                    if (page + 1 >= totalPages) {
                        break;
                    }
                }
            }
        } else {
            read(URI.create(url), reader, sink);
        }
        return reader.newestLinkDate() == null ? checkpoint : reader.newestLinkDate();
    }

    /** Reads every document in the answer; returns the last document's totalPages. */
    private int read(URI uri, ScholixLinkReader reader, CandidateSink sink) {
        int totalPages = 0;
        try (InputStream body = http.get(uri);
                MappingIterator<JsonNode> documents = json.readerFor(JsonNode.class).readValues(body)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                JsonNode links = document.path("result");
                sink.seen(links.size());
                List<Candidate> page = new ArrayList<>();
                for (JsonNode link : links) {
                    page.addAll(reader.candidates(link));
                }
                sink.accept(page);
                totalPages = document.path("totalPages").asInt(0);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CollectorException c) {
                throw c;
            }
            throw new CollectorException("unreadable Scholix answer from " + uri + ": " + e.getMessage(), e);
        }
        return totalPages;
    }
}
