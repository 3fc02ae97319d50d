package org.bioimagecatalog.harvester.oaipmh;

import static org.bioimagecatalog.harvester.oaipmh.SafeXml.attribute;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.child;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.children;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.path;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bioimagecatalog.harvester.datacite.DataciteFields;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A DataCite {@code <resource>} (kernel 2.2 to 4.x, any namespace) → {@link DatasetMetadata}: identifier DOI,
 * creators with ORCID nameIdentifiers and affiliations, titles, descriptions (Abstract first), subjects, rights
 * (SPDX), dates (Issued/Available → released, Updated → modified), related identifiers, funding references,
 * sizes and formats.
 */
public final class DataciteXmlMapper {

    /** A whole DataCite XML document, in whatever encoding its BOM or declaration names. */
    public DatasetMetadata map(byte[] xml) throws SafeXml.MalformedXmlException, InvalidRecordException {
        Document document = SafeXml.parse(xml);
        Element root = document.getDocumentElement();
        Element resource = "resource".equals(root.getLocalName()) ? root
                : SafeXml.descendant(root, "resource").orElseThrow(
                        () -> new InvalidRecordException("no DataCite <resource> element"));
        return map(resource);
    }

    public DatasetMetadata map(Element resource) throws InvalidRecordException {
        DatasetMetadata.Builder metadata = DatasetMetadata.builder();
        metadata.title(title(resource).orElseThrow(() -> new InvalidRecordException("the DataCite record has no title")));
        description(resource).ifPresent(metadata::description);
        child(resource, "identifier").ifPresent(id -> addIdentifier(metadata, attribute(id, "identifierType"), text(id)));
        for (Element alternate : path(resource, "alternateIdentifiers", "alternateIdentifier")) {
            addIdentifier(metadata, attribute(alternate, "alternateIdentifierType"), text(alternate));
        }
        for (Element creator : path(resource, "creators", "creator")) {
            metadata.creator(creator(creator));
        }
        path(resource, "subjects", "subject").forEach(s -> metadata.keyword(text(s)));
        List<License> licenses = path(resource, "rightsList", "rights").stream()
                .map(r -> DataciteFields.license(text(r), attribute(r, "rightsURI"), attribute(r, "rightsIdentifier")))
                .toList();
        metadata.license(DataciteFields.firstLicense(licenses));
        for (Element date : path(resource, "dates", "date")) {
            String type = Optional.ofNullable(attribute(date, "dateType")).orElse("").toLowerCase(Locale.ROOT);
            switch (type) {
                case "issued", "available" -> {
                    if (metadata.build().released() == null) {
                        metadata.released(DataciteFields.date(text(date)));
                    }
                }
                case "updated" -> metadata.modified(DataciteFields.date(text(date)));
                default -> { }
            }
        }
        for (Element related : path(resource, "relatedIdentifiers", "relatedIdentifier")) {
            DataciteFields.addRelated(metadata, text(related), attribute(related, "relatedIdentifierType"),
                    attribute(related, "relationType"), attribute(related, "resourceTypeGeneral"));
        }
        for (Element funder : path(resource, "fundingReferences", "fundingReference")) {
            metadata.funding(DataciteFields.funding(child(funder, "funderName").map(SafeXml::text).orElse(null),
                    child(funder, "awardNumber").map(SafeXml::text).orElse(null),
                    child(funder, "awardTitle").map(SafeXml::text).orElse(null)));
        }
        metadata.size(DataciteFields.size(path(resource, "sizes", "size").stream().map(SafeXml::text).toList()));
        path(resource, "formats", "format").forEach(f -> metadata.format(text(f)));
        return metadata.build();
    }

    private static Optional<String> title(Element resource) {
        List<Element> titles = path(resource, "titles", "title");
        return titles.stream().filter(t -> attribute(t, "titleType") == null).map(SafeXml::text)
                .filter(t -> t != null).findFirst()
                .or(() -> titles.stream().map(SafeXml::text).filter(t -> t != null).findFirst());
    }

    private static Optional<String> description(Element resource) {
        List<Element> descriptions = path(resource, "descriptions", "description");
        return descriptions.stream().filter(d -> "Abstract".equalsIgnoreCase(attribute(d, "descriptionType")))
                .map(SafeXml::text).filter(d -> d != null).findFirst()
                .or(() -> descriptions.stream().map(SafeXml::text).filter(d -> d != null).findFirst());
    }

    private static void addIdentifier(DatasetMetadata.Builder metadata, String type, String value) {
        if (value == null) {
            return;
        }
        String scheme = type == null ? "url" : type.toLowerCase(Locale.ROOT);
        if (scheme.equals("doi")) {
            Doi.normalise(value).ifPresent(doi -> {
                metadata.identifier(Identifier.of(Identifier.DOI, doi));
                if (metadata.build().landingPage() == null) {
                    metadata.landingPage(Doi.url(doi));
                }
            });
        } else {
            metadata.identifier(Identifier.of(scheme, value));
        }
    }

    private static Creator creator(Element creator) {
        String name = child(creator, "creatorName").map(SafeXml::text).orElse(null);
        if (name == null) {
            String given = child(creator, "givenName").map(SafeXml::text).orElse(null);
            String family = child(creator, "familyName").map(SafeXml::text).orElse(null);
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        String orcid = children(creator, "nameIdentifier").stream()
                .filter(n -> "ORCID".equalsIgnoreCase(attribute(n, "nameIdentifierScheme")) || isOrcidUri(n))
                .map(SafeXml::text).map(Orcid::normalise).flatMap(Optional::stream).findFirst().orElse(null);
        String affiliation = children(creator, "affiliation").stream().map(SafeXml::text)
                .filter(a -> a != null).findFirst().orElse(null);
        return name == null && orcid == null ? null : new Creator(name, orcid, affiliation, null, List.of());
    }

    private static boolean isOrcidUri(Element nameIdentifier) {
        String scheme = attribute(nameIdentifier, "schemeURI");
        return scheme != null && scheme.contains("orcid.org");
    }
}
