package org.bioimagecatalog.reuse.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One link as a Scholix v4 Link Information Package (the field names and casing of the Scholix JSON schema):
 * source = the citing work, target = the dataset, relationship {@code References} for reuse and
 * {@code IsSupplementedBy} for the primary publication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScholixLink(
        @JsonProperty("LinkPublicationDate") String linkPublicationDate,
        @JsonProperty("LinkProvider") List<Provider> linkProvider,
        @JsonProperty("RelationshipType") Relationship relationshipType,
        @JsonProperty("Source") Item source,
        @JsonProperty("Target") Item target) {

    public record Provider(@JsonProperty("name") String name) {}

    public record Relationship(@JsonProperty("Name") String name, @JsonProperty("SubType") String subType,
            @JsonProperty("SubTypeSchema") String subTypeSchema) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@JsonProperty("Identifier") List<Id> identifier, @JsonProperty("Type") TypeName type,
            @JsonProperty("Title") String title, @JsonProperty("PublicationDate") String publicationDate) {}

    public record Id(@JsonProperty("ID") String id, @JsonProperty("IDScheme") String scheme,
            @JsonProperty("IDURL") String url) {}

    public record TypeName(@JsonProperty("Name") String name) {}
}
