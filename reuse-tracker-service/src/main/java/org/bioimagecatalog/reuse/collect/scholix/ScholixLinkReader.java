package org.bioimagecatalog.reuse.collect.scholix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationRef;
import org.bioimagecatalog.reuse.citation.RelationTypes;
import org.bioimagecatalog.reuse.collect.Candidate;

/**
 * Reads one Scholix link ({@code source}, {@code target}, {@code RelationshipType}, …; ScholeXplorer v1 and v2
 * spell some keys differently, e.g. {@code Creator[].Name} / {@code name}, and write PubMed ids as
 * {@code pmid} or {@code pbmid}). A link counts when one end is a tracked dataset DOI and the other a
 * literature work with a DOI or PubMed id.
 */
final class ScholixLinkReader {
    private final Set<String> tracked;
    private final String since;
    private String newest;

    ScholixLinkReader(Set<String> tracked, String since) {
        this.tracked = tracked;
        this.since = since;
        this.newest = since;
    }

    List<Candidate> candidates(JsonNode link) {
        String linkDate = date(link.path("LinkPublicationDate").asText(""));
        if (linkDate != null) {
            if (since != null && linkDate.compareTo(since) < 0) {
                return List.of();
            }
            if (newest == null || linkDate.compareTo(newest) > 0) {
                newest = linkDate;
            }
        }
        JsonNode source = link.path("source");
        JsonNode target = link.path("target");
        String relation = link.path("RelationshipType").path("Name")
                .asText(link.path("RelationshipType").path("name").asText(""));
        List<Candidate> found = new ArrayList<>();
        // the relation reads source -> target: from the dataset's side when the source is the dataset
        RelationTypes.fromDatasetSide(relation).ifPresent(r -> found.addAll(candidates(source, target, link, r)));
        RelationTypes.fromWorkSide(relation).ifPresent(r -> found.addAll(candidates(target, source, link, r)));
        return found;
    }

    String newestLinkDate() {
        return newest;
    }

    private List<Candidate> candidates(JsonNode dataset, JsonNode work, JsonNode link, LinkRelation linkRelation) {
        if (!"dataset".equalsIgnoreCase(type(dataset)) || !"literature".equalsIgnoreCase(type(work))) {
            return List.of();
        }
        PublicationRef ref = publication(work);
        if (!ref.hasId()) {
            return List.of();
        }
        List<Author> authors = StreamSupport.stream(work.path("Creator").spliterator(), false)
                .map(c -> Author.of(c.path("Name").asText(c.path("name").asText(null)), null))
                .filter(a -> a.name() != null).toList();
        String providers = StreamSupport.stream(link.path("LinkProvider").spliterator(), false)
                .map(p -> p.path("name").asText(p.path("Name").asText(""))).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
        String relation = link.path("RelationshipType").path("Name").asText(link.path("RelationshipType").path("name").asText("?"));
        List<Candidate> found = new ArrayList<>();
        for (JsonNode id : identifiers(dataset)) {
            if (scheme(id).equals("doi")) {
                Doi.normalise(id.path("ID").asText(null)).filter(tracked::contains).ifPresent(doi ->
                        found.add(new Candidate(doi, ref, null, authors, linkRelation, "Scholix link: dataset " + doi + " " + relation
                                + " " + (ref.doi() != null ? ref.doi() : "PMID " + ref.pmid())
                                + (providers.isEmpty() ? "" : " (provided by " + providers + ")"))));
            }
        }
        return found;
    }

    private static PublicationRef publication(JsonNode work) {
        String doi = null;
        String pmid = null;
        String pmcid = null;
        for (JsonNode id : identifiers(work)) {
            String value = id.path("ID").asText(null);
            switch (scheme(id)) {
                case "doi" -> doi = doi != null ? doi : Doi.normalise(value).orElse(null);
                case "pmid", "pbmid" -> pmid = pmid != null ? pmid : PubMedIds.pmid(value).orElse(null);
                case "pmc", "pmcid" -> pmcid = pmcid != null ? pmcid : PubMedIds.pmcid(value).orElse(null);
                default -> { }
            }
        }
        String title = work.path("Title").asText(work.path("title").asText(null));
        String published = date(work.path("PublicationDate").asText(""));
        Integer year = published == null ? null : Integer.valueOf(published.substring(0, 4));
        String authors = Author.joinNames(StreamSupport.stream(work.path("Creator").spliterator(), false)
                .map(c -> Author.of(c.path("Name").asText(c.path("name").asText(null)), null)).toList());
        return new PublicationRef(doi, pmid, pmcid, title == null || title.isBlank() ? null : title.strip(), year, authors);
    }

    private static Iterable<JsonNode> identifiers(JsonNode object) {
        JsonNode ids = object.path("Identifier");
        return ids.isMissingNode() ? object.path("identifier") : ids;
    }

    private static String scheme(JsonNode id) {
        return id.path("IDScheme").asText("").toLowerCase(Locale.ROOT);
    }

    private static String type(JsonNode object) {
        JsonNode type = object.path("Type");
        if (type.isObject()) {
            return type.path("Name").asText(type.path("name").asText(""));
        }
        return type.asText(object.path("type").asText(""));
    }

    /** The {@code yyyy-MM-dd} start of a date or timestamp, or null. */
    private static String date(String text) {
        return text != null && text.matches("\\d{4}-\\d\\d-\\d\\d.*") ? text.substring(0, 10) : null;
    }
}
