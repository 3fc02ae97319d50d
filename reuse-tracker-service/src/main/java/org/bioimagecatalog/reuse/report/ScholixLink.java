package org.bioimagecatalog.reuse.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One link as a Scholix v4 Link Information Package, shaped as the Scholix v4 JSON schema
 * ({@code json_v4_schema.json}) wants it: source = the citing work with all its identifiers (an array),
 * target = the dataset with its one preferred identifier (the schema makes {@code Target.Identifier} an object),
 * {@code Title} an array of strings; relationship {@code References} for reuse and {@code IsSupplementedBy} for
 * the primary publication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScholixLink(
        @JsonProperty("LinkPublicationDate") String linkPublicationDate,
        @JsonProperty("LinkProvider") List<Provider> linkProvider,
        @JsonProperty("RelationshipType") Relationship relationshipType,
        @JsonProperty("Source") Source source,
        @JsonProperty("Target") Target target) {

    public record Provider(@JsonProperty("name") String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Relationship(@JsonProperty("Name") String name, @JsonProperty("SubType") String subType,
            @JsonProperty("SubTypeSchema") String subTypeSchema) {}

    /** The citing work: every identifier it has. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@JsonProperty("Identifier") List<Id> identifier, @JsonProperty("Type") TypeName type,
            @JsonProperty("Title") List<String> title, @JsonProperty("PublicationDate") String publicationDate) {}

    /** The dataset: one identifier (DOI first, else an accession, else the catalog id). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(@JsonProperty("Identifier") Id identifier, @JsonProperty("Type") TypeName type,
            @JsonProperty("Title") List<String> title) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Id(@JsonProperty("ID") String id, @JsonProperty("IDScheme") String scheme,
            @JsonProperty("IDURL") String url) {}

    public record TypeName(@JsonProperty("Name") String name) {}
}
