package org.bioimagecatalog.harvester.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;

/**
 * One DataCite REST API {@code data[]} item (JSON:API, {@code attributes} in the kernel-4 JSON form) →
 * {@link DatasetMetadata}. Tolerates both {@code publisher} shapes (string, or object with {@code publisher=true}),
 * affiliations as strings or objects ({@code affiliation=true}), and a null {@code resourceTypeGeneral}.
 */
public final class DataciteJsonMapper {

    /** The record's DOI: {@code attributes.doi}, else the JSON:API {@code id}. */
    public static Optional<String> doi(JsonNode item) {
        return Doi.normalise(text(item.path("attributes").path("doi")))
                .or(() -> Doi.normalise(text(item.path("id"))));
    }

    public DatasetMetadata map(JsonNode item) throws InvalidDataciteRecordException {
        JsonNode a = item.path("attributes");
        DatasetMetadata.Builder metadata = DatasetMetadata.builder();
        metadata.title(title(a).orElseThrow(() -> new InvalidDataciteRecordException("the DataCite record has no title")));
        description(a).ifPresent(metadata::description);
        doi(item).ifPresent(doi -> metadata.identifier(Identifier.of(Identifier.DOI, doi)));
        for (JsonNode id : a.path("identifiers")) {
            String value = text(id.path("identifier"));
            String type = text(id.path("identifierType"));
            if (value != null && !"DOI".equalsIgnoreCase(type)) {
                metadata.identifier(Identifier.of(type == null ? "url" : type.toLowerCase(Locale.ROOT), value));
            }
        }
        metadata.landingPage(Optional.ofNullable(text(a.path("url")))
                .orElse(doi(item).map(Doi::url).orElse(null)));
        for (JsonNode creator : a.path("creators")) {
            metadata.creator(creator(creator));
        }
        for (JsonNode subject : a.path("subjects")) {
            metadata.keyword(text(subject.path("subject")));
        }
        List<License> licenses = new ArrayList<>();
        for (JsonNode rights : a.path("rightsList")) {
            licenses.add(DataciteFields.license(text(rights.path("rights")), text(rights.path("rightsUri")),
                    text(rights.path("rightsIdentifier"))));
        }
        metadata.license(DataciteFields.firstLicense(licenses));
        String released = null;
        String modified = null;
        for (JsonNode date : a.path("dates")) {
            String type = Optional.ofNullable(text(date.path("dateType"))).orElse("").toLowerCase(Locale.ROOT);
            if ((type.equals("issued") || type.equals("available")) && released == null) {
                released = text(date.path("date"));
            } else if (type.equals("updated")) {
                modified = text(date.path("date"));
            }
        }
        metadata.released(DataciteFields.date(released));
        metadata.modified(DataciteFields.date(modified != null ? modified : text(a.path("updated"))));
        for (JsonNode related : a.path("relatedIdentifiers")) {
            DataciteFields.addRelated(metadata, text(related.path("relatedIdentifier")),
                    text(related.path("relatedIdentifierType")), text(related.path("relationType")),
                    text(related.path("resourceTypeGeneral")));
        }
        for (JsonNode funder : a.path("fundingReferences")) {
            metadata.funding(DataciteFields.funding(text(funder.path("funderName")), text(funder.path("awardNumber")),
                    text(funder.path("awardTitle"))));
        }
        metadata.size(DataciteFields.size(strings(a.path("sizes"))));
        strings(a.path("formats")).forEach(metadata::format);
        return metadata.build();
    }

    private static Optional<String> title(JsonNode a) {
        List<JsonNode> titles = list(a.path("titles"));
        return titles.stream().filter(t -> text(t.path("titleType")) == null).map(t -> text(t.path("title")))
                .filter(t -> t != null).findFirst()
                .or(() -> titles.stream().map(t -> text(t.path("title"))).filter(t -> t != null).findFirst());
    }

    private static Optional<String> description(JsonNode a) {
        List<JsonNode> descriptions = list(a.path("descriptions"));
        return descriptions.stream().filter(d -> "Abstract".equalsIgnoreCase(text(d.path("descriptionType"))))
                .map(d -> text(d.path("description"))).filter(d -> d != null).findFirst()
                .or(() -> descriptions.stream().map(d -> text(d.path("description"))).filter(d -> d != null).findFirst());
    }

    private static Creator creator(JsonNode creator) {
        String name = text(creator.path("name"));
        if (name == null) {
            String given = text(creator.path("givenName"));
            String family = text(creator.path("familyName"));
            name = given == null ? family : family == null ? given : family + ", " + given;
        }
        String orcid = list(creator.path("nameIdentifiers")).stream()
                .filter(n -> "ORCID".equalsIgnoreCase(text(n.path("nameIdentifierScheme"))))
                .map(n -> Orcid.normalise(text(n.path("nameIdentifier")))).flatMap(Optional::stream)
                .findFirst().orElse(null);
        String affiliation = list(creator.path("affiliation")).stream()
                .map(af -> af.isTextual() ? text(af) : text(af.path("name"))).filter(af -> af != null)
                .findFirst().orElse(null);
        return name == null && orcid == null ? null : new Creator(name, orcid, affiliation, null, List.of());
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(DataciteJsonMapper::text).filter(s -> s != null).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : List.of();
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
