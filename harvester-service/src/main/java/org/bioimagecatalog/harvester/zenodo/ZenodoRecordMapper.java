package org.bioimagecatalog.harvester.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.datacite.DataciteFields;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * A Zenodo record from its REST API → {@link DatasetMetadata}, in either shape Zenodo has served: the legacy one
 * (before October 2023: {@code metadata.creators[].name/orcid/affiliation}, {@code metadata.license.id},
 * {@code files[]}) and today's InvenioRDM one ({@code metadata.creators[].person_or_org}, {@code metadata.rights[]},
 * {@code pids.doi}, {@code files.entries{}}). The shape is told apart by {@code person_or_org} / {@code pids}.
 */
public final class ZenodoRecordMapper {

    public static boolean isInvenioRdm(JsonNode record) {
        return record.has("pids") || record.has("parent")
                || record.path("metadata").path("creators").path(0).has("person_or_org");
    }

    /** The record id: {@code id} (a number in the legacy shape, a string in InvenioRDM). */
    public static Optional<String> id(JsonNode record) {
        return Optional.ofNullable(text(record.path("id")));
    }

    public DatasetMetadata map(JsonNode record) throws InvalidZenodoRecordException {
        JsonNode m = record.path("metadata");
        DatasetMetadata.Builder metadata = DatasetMetadata.builder();
        metadata.title(Optional.ofNullable(text(m.path("title")))
                .orElseThrow(() -> new InvalidZenodoRecordException("the Zenodo record has no metadata.title")));
        metadata.description(text(m.path("description")));
        boolean rdm = isInvenioRdm(record);
        String doi = rdm ? text(record.path("pids").path("doi").path("identifier")) : text(record.path("doi"));
        Doi.normalise(doi != null ? doi : text(m.path("doi"))).ifPresent(d -> metadata.identifier(Identifier.of(Identifier.DOI, d)));
        id(record).ifPresent(id -> metadata.identifier(Identifier.of("zenodo", id)));
        String concept = rdm ? text(record.path("parent").path("pids").path("doi").path("identifier")) : text(record.path("conceptdoi"));
        Doi.normalise(concept).ifPresent(d -> metadata.relatedDataset(Identifier.of(Identifier.DOI, d)));
        metadata.landingPage(rdm ? text(record.path("links").path("self_html")) : text(record.path("links").path("html")));
        for (JsonNode creator : m.path("creators")) {
            metadata.creator(rdm ? rdmCreator(creator) : legacyCreator(creator));
        }
        m.path("keywords").forEach(k -> metadata.keyword(text(k)));
        m.path("subjects").forEach(s -> metadata.keyword(s.isTextual() ? text(s) : text(s.path("subject"))));
        metadata.license(rdm ? rdmLicense(m.path("rights")) : legacyLicense(m.path("license")));
        metadata.released(DataciteFields.date(text(m.path("publication_date"))));
        metadata.modified(DataciteFields.date(text(record.path("updated"))));
        for (JsonNode related : m.path("related_identifiers")) {
            String relation = rdm ? text(related.path("relation_type").path("id")) : text(related.path("relation"));
            String type = rdm ? text(related.path("resource_type").path("id")) : text(related.path("resource_type"));
            DataciteFields.addRelated(metadata, text(related.path("identifier")), text(related.path("scheme")),
                    relation, type != null && type.startsWith("dataset") ? "Dataset" : null);
        }
        if (rdm) {
            for (JsonNode funding : m.path("funding")) {
                metadata.funding(DataciteFields.funding(text(funding.path("funder").path("name")),
                        text(funding.path("award").path("number")), text(funding.path("award").path("title").path("en"))));
            }
        } else {
            for (JsonNode grant : m.path("grants")) {
                metadata.funding(DataciteFields.funding(text(grant.path("funder").path("name")), text(grant.path("code")),
                        text(grant.path("title"))));
            }
        }
        files(record, rdm, metadata);
        return metadata.build();
    }

    private static void files(JsonNode record, boolean rdm, DatasetMetadata.Builder metadata) {
        long bytes = 0;
        long count = 0;
        if (rdm) {
            for (Iterator<Map.Entry<String, JsonNode>> it = record.path("files").path("entries").fields(); it.hasNext(); ) {
                JsonNode file = it.next().getValue();
                bytes += file.path("size").asLong(0);
                count++;
                metadata.format(extension(text(file.path("key"))));
                metadata.accessUrl(text(file.path("links").path("content")));
            }
        } else {
            for (JsonNode file : record.path("files")) {
                bytes += file.path("size").asLong(0);
                count++;
                metadata.format(text(file.path("type")));
                metadata.accessUrl(text(file.path("links").path("self")));
            }
        }
        if (count > 0) {
            metadata.size(new DatasetSize(bytes, null, count, null));
        }
    }

    private static String extension(String key) {
        if (key == null || !key.contains(".")) {
            return null;
        }
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static Creator legacyCreator(JsonNode creator) {
        String name = text(creator.path("name"));
        String orcid = Orcid.normalise(text(creator.path("orcid"))).orElse(null);
        return name == null && orcid == null ? null : new Creator(name, orcid, text(creator.path("affiliation")), null, List.of());
    }

    private static Creator rdmCreator(JsonNode creator) {
        JsonNode person = creator.path("person_or_org");
        String name = text(person.path("name"));
        if (name == null) {
            String given = text(person.path("given_name"));
            String family = text(person.path("family_name"));
            name = given == null ? family : family == null ? given : family + ", " + given;
        }
        String orcid = null;
        for (JsonNode id : person.path("identifiers")) {
            if ("orcid".equalsIgnoreCase(text(id.path("scheme")))) {
                orcid = Orcid.normalise(text(id.path("identifier"))).orElse(orcid);
            }
        }
        String affiliation = text(creator.path("affiliations").path(0).path("name"));
        List<String> roles = text(creator.path("role").path("id")) == null ? List.of() : List.of(text(creator.path("role").path("id")));
        return name == null && orcid == null ? null : new Creator(name, orcid, affiliation, null, roles);
    }

    private static License legacyLicense(JsonNode license) {
        String id = license.isTextual() ? text(license) : text(license.path("id"));
        if (id == null) {
            return null;
        }
        return DataciteFields.license(null, null, id);
    }

    private static License rdmLicense(JsonNode rights) {
        for (JsonNode right : rights) {
            String id = text(right.path("id"));
            String label = text(right.path("title").path("en"));
            String url = Optional.ofNullable(text(right.path("props").path("url"))).orElse(text(right.path("link")));
            License license = DataciteFields.license(label, url, id);
            if (license != null) {
                return license.spdx() != null || id == null ? license
                        : new License(Spdx.idFor(id).orElse(null), license.url(), license.label());
            }
        }
        return null;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
