package org.bioimagecatalog.reuse.collect.crossref;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationRef;
import org.bioimagecatalog.reuse.collect.Candidate;

/**
 * Reads one Crossref work ({@code /works} item) and finds, in its {@code reference[]} list, the tracked datasets it
 * cites: a reference whose {@code DOI} is a tracked dataset DOI, or whose {@code unstructured} text names a
 * tracked DOI (any {@code 10.x/y} in it, also inside a link) or a tracked accession ({@code EMPIAR-10002},
 * {@code idr0001}, {@code S-BIAD144}, {@code BBBC021}). One candidate per cited dataset, whatever the number of
 * references naming it. The work itself gives the publication: DOI, title, journal, year, authors with ORCID.
 */
public final class CrossrefReferenceReader {
    private static final Pattern DOI_IN_TEXT = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");

    private CrossrefReferenceReader() {}

    /**
     * @param trackedDois normalised (lower case) DOIs of the tracked datasets
     * @param trackedAccessions accessions of the tracked datasets, compared case-insensitively
     */
    public static List<Candidate> candidates(JsonNode work, Set<String> trackedDois, Set<String> trackedAccessions) {
        String workDoi = Doi.normalise(work.path("DOI").asText(null)).orElse(null);
        if (workDoi == null) {
            return List.of();
        }
        Set<String> accessions = new java.util.HashSet<>();
        trackedAccessions.forEach(a -> accessions.add(a.toLowerCase(Locale.ROOT)));
        // cited dataset identifier -> how the reference named it
        Map<String, String> cited = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode reference : work.path("reference")) {
            position++;
            String key = reference.path("key").asText("#" + position);
            Doi.normalise(reference.path("DOI").asText(null)).filter(trackedDois::contains).ifPresent(doi ->
                    cited.putIfAbsent(doi, "reference " + key + " DOI " + doi + " (asserted by "
                            + reference.path("doi-asserted-by").asText("?") + ")"));
            String text = reference.path("unstructured").asText("");
            Matcher dois = DOI_IN_TEXT.matcher(text);
            while (dois.find()) {
                Doi.normalise(dois.group()).filter(trackedDois::contains).ifPresent(doi ->
                        cited.putIfAbsent(doi, "reference " + key + " text names " + doi));
            }
            for (Accession accession : Accession.findAll(text)) {
                if (accessions.contains(accession.value().toLowerCase(Locale.ROOT))) {
                    cited.putIfAbsent(accession.value(), "reference " + key + " text names " + accession.value());
                }
            }
        }
        if (cited.isEmpty()) {
            return List.of();
        }
        List<Author> authors = StreamSupport.stream(work.path("author").spliterator(), false)
                .map(a -> Author.of(name(a), a.path("ORCID").asText(null)))
                .filter(a -> a.name() != null).toList();
        PublicationRef ref = new PublicationRef(workDoi, null, null, first(work.path("title")), year(work),
                Author.joinNames(authors));
        String journal = first(work.path("container-title"));
        List<Candidate> candidates = new ArrayList<>();
        cited.forEach((dataset, how) -> candidates.add(new Candidate(dataset, ref, journal, authors, LinkRelation.REUSE,
                "Crossref reference list of " + workDoi + ": " + how)));
        return candidates;
    }

    /** "Family G" as PubMed writes names, so that self-reuse by name works as for the other sources. */
    private static String name(JsonNode author) {
        String family = author.path("family").asText("").strip();
        String given = author.path("given").asText("").strip();
        if (family.isEmpty()) {
            String name = author.path("name").asText("").strip();
            return name.isEmpty() ? null : name;
        }
        return given.isEmpty() ? family : family + ", " + given;
    }

    private static String first(JsonNode array) {
        for (JsonNode value : array) {
            String text = value.asText("").strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    /** The first of issued, published-print, published-online that has a year. */
    private static Integer year(JsonNode work) {
        for (String field : List.of("issued", "published-print", "published-online", "created")) {
            JsonNode year = work.path(field).path("date-parts").path(0).path(0);
            if (year.isInt()) {
                return year.asInt();
            }
        }
        return null;
    }
}
