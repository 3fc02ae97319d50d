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
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.reuse.citation.EvidenceKind;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationRef;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.CandidateSink;
import org.bioimagecatalog.reuse.collect.Collector;
import org.bioimagecatalog.reuse.collect.CollectorConfig;
import org.bioimagecatalog.reuse.collect.CollectorException;
import org.bioimagecatalog.reuse.collect.CollectorHttp;

/**
 * Crossref's data citations ({@code /beta/datacitations}): every work whose reference list cites a dataset
 * DOI, by the day Crossref recorded the citation. One window per day from the checkpoint (the first day not
 * yet read), pages chained by {@code message.next-page}; a citation of a tracked dataset DOI becomes a REUSE
 * link with {@code crossref-reference} evidence. The checkpoint is the day after the last complete window.
 */
@ApplicationScoped
public class CrossrefDataCitationCollector implements Collector {
    /** Relations where the subject (a work) uses the object (a dataset); "is_part_of" and the like are not citations. */
    static final Set<String> CITING_RELATIONS = Set.of("references", "cites", "is_supplemented_by", "is_derived_from",
            "uses", "requires");

    private final CollectorHttp http;
    private final CollectorConfig config;
    private final ObjectMapper json;

    public CrossrefDataCitationCollector(CollectorHttp http, CollectorConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "crossref";
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.CROSSREF_REFERENCE;
    }

    @Override
    public String collect(String checkpoint, CandidateSink sink) {
        LocalDate day = checkpoint == null ? config.crossref().startDate() : LocalDate.parse(checkpoint);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> tracked = sink.trackedDois();
        for (int i = 0; i < config.crossref().maxDaysPerRun() && day.isBefore(today); i++) {
            readDay(day, tracked, sink);
            day = day.plusDays(1);
        }
        return day.toString();
    }

    private void readDay(LocalDate day, Set<String> tracked, CandidateSink sink) {
        Integer page = 0;
        while (page != null) {
            JsonNode message = fetch(day, page).path("message");
            JsonNode items = message.path("items");
            sink.seen(items.size());
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode item : items) {
                candidate(item, tracked).ifPresent(candidates::add);
            }
            sink.accept(candidates);
            JsonNode next = message.path("next-page");
            page = next.isNumber() && next.asInt() > page ? next.asInt() : null;
        }
    }

    static java.util.Optional<Candidate> candidate(JsonNode item, Set<String> tracked) {
        String relation = item.path("relation").asText("");
        String object = Doi.normalise(item.path("object").path("id").asText(null)).orElse(null);
        String subject = Doi.normalise(item.path("subject").path("id").asText(null)).orElse(null);
        if (object == null || subject == null || !tracked.contains(object) || !CITING_RELATIONS.contains(relation)) {
            return java.util.Optional.empty();
        }
        String detail = "Crossref data citation: " + subject + " " + relation + " " + object + " ("
                + item.path("subject").path("type").asText("work") + ", recorded " + item.path("timestamp").asText("?") + ")";
        return java.util.Optional.of(new Candidate(object, new PublicationRef(subject, null, null, null, null, null),
                null, List.of(), LinkRelation.REUSE, detail));
    }

    private JsonNode fetch(LocalDate day, int page) {
        URI uri = URI.create(config.crossref().url().replaceAll("/+$", "") + "/beta/datacitations"
                + "?from-created-date=" + day + "&until-created-date=" + day.plusDays(1)
                + "&rows=" + config.crossref().rows() + "&page=" + page
                + "&mailto=" + URLEncoder.encode(config.mailto(), StandardCharsets.UTF_8));
        try (InputStream body = http.get(uri)) {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CollectorException("unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }
}
