package org.bioimagecatalog.reuse.collect.europepmc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationRef;
import org.bioimagecatalog.reuse.collect.Candidate;

/**
 * Reads one article of a Europe PMC {@code resultType=core} search answer: ids (PMID, PMCID, DOI), title,
 * journal, year, and authors with their ORCIDs ({@code authorList.author[].authorId{type: ORCID}}).
 */
public final class EuropePmcResultReader {
    private EuropePmcResultReader() {}

    public static Optional<Candidate> candidate(String datasetIdentifier, JsonNode result) {
        PublicationRef ref = new PublicationRef(
                Doi.normalise(result.path("doi").asText(null)).orElse(null),
                PubMedIds.pmid(result.path("pmid").asText(null)).orElse(null),
                PubMedIds.pmcid(result.path("pmcid").asText(null)).orElse(null),
                text(result.path("title")),
                result.path("pubYear").asText("").matches("\\d{4}") ? Integer.valueOf(result.path("pubYear").asText()) : null,
                text(result.path("authorString")));
        if (!ref.hasId()) {
            return Optional.empty();
        }
        List<Author> authors = StreamSupport.stream(result.path("authorList").path("author").spliterator(), false)
                .map(a -> Author.of(a.path("fullName").asText(null),
                        "ORCID".equalsIgnoreCase(a.path("authorId").path("type").asText(""))
                                ? a.path("authorId").path("value").asText(null) : null))
                .filter(a -> a.name() != null).toList();
        String journal = text(result.path("journalInfo").path("journal").path("title"));
        String source = result.path("source").asText("?") + ":" + result.path("id").asText("?");
        return Optional.of(new Candidate(datasetIdentifier, ref, journal, authors, LinkRelation.REUSE,
                "Europe PMC full text of " + source + " mentions " + datasetIdentifier));
    }

    private static String text(JsonNode node) {
        String value = node.asText(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.endsWith(".") && !stripped.endsWith("..") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
