package org.bioimagecatalog.harvester.oaipmh;

import static org.bioimagecatalog.harvester.oaipmh.SafeXml.children;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bioimagecatalog.harvester.datacite.DataciteFields;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ids.Doi;
import org.w3c.dom.Element;

/**
 * Simple Dublin Core ({@code oai_dc}) → {@link DatasetMetadata}. DC is flat and loose: DOIs are recognised among
 * {@code dc:identifier} values (the first is the dataset's own), other identifiers kept as URLs; {@code dc:rights}
 * values are tried as licences (an {@code info:eu-repo} access statement is not one); {@code dc:relation} DOIs and
 * URLs become related datasets; the first full {@code dc:date} is the release date.
 */
public final class OaiDcMapper {

    public DatasetMetadata map(Element dc) throws InvalidRecordException {
        DatasetMetadata.Builder metadata = DatasetMetadata.builder();
        metadata.title(first(dc, "title").orElseThrow(() -> new InvalidRecordException("the oai_dc record has no dc:title")));
        first(dc, "description").ifPresent(metadata::description);
        for (String creator : values(dc, "creator")) {
            metadata.creator(new Creator(creator, null, null, null, List.of()));
        }
        for (String identifier : values(dc, "identifier")) {
            Optional<String> doi = identifier.startsWith("oai:") ? Optional.empty() : Doi.normalise(identifier);
            if (doi.isPresent()) {
                metadata.identifier(Identifier.of(Identifier.DOI, doi.get()));
            } else if (identifier.startsWith("http://") || identifier.startsWith("https://")) {
                metadata.identifier(Identifier.of(Identifier.URL, identifier));
            }
        }
        metadata.landingPage(landingPage(metadata.build()));
        values(dc, "subject").forEach(metadata::keyword);
        values(dc, "format").forEach(metadata::format);
        List<String> rights = values(dc, "rights");
        String url = rights.stream().filter(r -> r.startsWith("http")).findFirst().orElse(null);
        String label = rights.stream().filter(r -> !r.startsWith("http") && !r.startsWith("info:")).findFirst().orElse(null);
        License license = DataciteFields.license(label, url, null);
        metadata.license(license);
        values(dc, "date").stream().map(DataciteFields::date).filter(Objects::nonNull).findFirst()
                .ifPresent(metadata::released);
        for (String relation : values(dc, "relation")) {
            Optional<String> doi = Doi.normalise(relation);
            metadata.relatedDataset(doi.map(d -> Identifier.of(Identifier.DOI, d))
                    .orElse(Identifier.of(Identifier.URL, relation)));
        }
        return metadata.build();
    }

    static String landingPage(DatasetMetadata metadata) {
        return metadata.identifiers().stream().filter(i -> i.scheme().equals(Identifier.DOI)).findFirst()
                .map(i -> Doi.url(i.value()))
                .orElse(metadata.identifiers().stream().filter(i -> i.scheme().equals(Identifier.URL)).findFirst()
                        .map(Identifier::value).orElse(null));
    }

    private static Optional<String> first(Element dc, String name) {
        return values(dc, name).stream().findFirst();
    }

    private static List<String> values(Element dc, String name) {
        return children(dc, name).stream().map(SafeXml::text).filter(Objects::nonNull).toList();
    }
}
