package org.bioimagecatalog.reuse.collect.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.PublicationRef;
import org.bioimagecatalog.reuse.citation.RelationTypes;
import org.bioimagecatalog.reuse.collect.Candidate;

/**
 * Reads one DataCite record's {@code attributes}. When the record is a tracked dataset, each related work
 * (DOI or PMID) with a relation that credits the dataset (IsSupplementTo → PRIMARY, IsCitedBy → REUSE, …)
 * is a candidate; when the record is a work (not a Dataset), each related tracked dataset DOI with a citing
 * relation (References, Cites, IsDerivedFrom → REUSE; IsSupplementedBy → PRIMARY) is one, with the work's
 * title, year, container and authors (ORCIDs included, for self-reuse).
 */
final class DataciteRecordReader {
    private final Set<String> tracked;

    DataciteRecordReader(Set<String> tracked) {
        this.tracked = tracked;
    }

    List<Candidate> candidates(JsonNode attributes) {
        String doi = Doi.normalise(attributes.path("doi").asText(null)).orElse(null);
        if (doi == null) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        boolean isDataset = "dataset".equalsIgnoreCase(attributes.path("types").path("resourceTypeGeneral").asText(""));
        for (JsonNode related : attributes.path("relatedIdentifiers")) {
            String type = related.path("relatedIdentifierType").asText("").toUpperCase(Locale.ROOT);
            String relationType = related.path("relationType").asText("");
            String value = related.path("relatedIdentifier").asText(null);
            String detail = "DataCite relatedIdentifiers: " + doi + " " + relationType + " " + type.toLowerCase(Locale.ROOT)
                    + " " + value;
            if (tracked.contains(doi)) {
                PublicationRef work = switch (type) {
                    case "DOI" -> Doi.normalise(value).map(d -> new PublicationRef(d, null, null, null, null, null)).orElse(null);
                    case "PMID" -> PubMedIds.pmid(value).map(p -> new PublicationRef(null, p, null, null, null, null)).orElse(null);
                    default -> null;
                };
                if (work != null) {
                    RelationTypes.fromDatasetSide(relationType).ifPresent(relation ->
                            found.add(new Candidate(doi, work, null, List.of(), relation, detail)));
                }
            } else if (!isDataset && type.equals("DOI")) {
                Doi.normalise(value).filter(tracked::contains).ifPresent(datasetDoi ->
                        RelationTypes.fromWorkSide(relationType).ifPresent(relation -> found.add(new Candidate(
                                datasetDoi, work(doi, attributes), container(attributes), authors(attributes), relation,
                                detail))));
            }
        }
        return found;
    }

    private static PublicationRef work(String doi, JsonNode attributes) {
        String title = attributes.path("titles").path(0).path("title").asText(null);
        Integer year = attributes.path("publicationYear").canConvertToInt() && attributes.path("publicationYear").asInt() > 0
                ? attributes.path("publicationYear").asInt() : null;
        return new PublicationRef(doi, null, null, title, year, Author.joinNames(authors(attributes)));
    }

    private static String container(JsonNode attributes) {
        return attributes.path("container").path("title").asText(null);
    }

    private static List<Author> authors(JsonNode attributes) {
        return StreamSupport.stream(attributes.path("creators").spliterator(), false)
                .map(c -> Author.of(c.path("name").asText(null), orcid(c)))
                .filter(a -> a.name() != null).toList();
    }

    private static String orcid(JsonNode creator) {
        for (JsonNode id : creator.path("nameIdentifiers")) {
            if ("ORCID".equalsIgnoreCase(id.path("nameIdentifierScheme").asText(""))) {
                return id.path("nameIdentifier").asText(null);
            }
        }
        return null;
    }
}
