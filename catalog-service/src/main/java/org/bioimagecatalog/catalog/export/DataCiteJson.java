package org.bioimagecatalog.catalog.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;

/**
 * A dataset in DataCite JSON (the JSON form of the DataCite Metadata Schema 4.x that the DataCite REST API
 * reads and writes): doi (the data DOI, if it has one), types, creators with ORCID name identifiers,
 * titles, publisher (the most specific archive holding it), publicationYear, subjects (keywords, then the
 * vocabulary terms of {@link TermSubjects}: canonical name, scheme, value URI and id), dates, alternateIdentifiers (the archive accessions), relatedIdentifiers
 * (publications: {@code IsSupplementTo} the primary article, {@code References} other works and related
 * datasets), sizes, formats (canonical names), rightsList (SPDX), descriptions, fundingReferences, url.
 */
public final class DataCiteJson {
    public static final String MEDIA_TYPE = "application/vnd.datacite.datacite+json";
    static final String SCHEMA_VERSION = "http://datacite.org/schema/kernel-4";

    private DataCiteJson() {}

    /** @param publisherSource the archive whose name is the publisher (the first ranked source) */
    public static ObjectNode of(String self, String publisherSource, DatasetMetadata m) {
        ObjectNode d = ModelJson.mapper().createObjectNode();
        ExportTerms.dataDoi(m).ifPresent(doi -> d.put("id", Doi.url(doi)).put("doi", doi));
        d.putObject("types").put("resourceTypeGeneral", "Dataset").put("resourceType", "Bioimaging dataset")
                .put("schemaOrg", "Dataset");
        ArrayNode creators = d.putArray("creators");
        m.creators().forEach(c -> creators.add(creator(c)));
        d.putArray("titles").addObject().put("title", m.title());
        d.putObject("publisher").put("name", ExportTerms.archiveName(publisherSource));
        if (m.released() != null) {
            d.put("publicationYear", String.valueOf(m.released().getYear()));
        }
        ArrayNode subjects = d.putArray("subjects");
        m.keywords().forEach(k -> subjects.addObject().put("subject", k));
        for (TermSubjects.Subject term : TermSubjects.of(m)) {
            ObjectNode subject = subjects.addObject().put("subject", term.subject());
            if (term.resolved()) {
                subject.put("subjectScheme", term.scheme().name()).put("schemeUri", term.scheme().uri())
                        .put("valueUri", term.valueUri()).put("classificationCode", term.id());
            }
        }
        ArrayNode dates = d.putArray("dates");
        if (m.released() != null) {
            dates.addObject().put("date", m.released().toString()).put("dateType", "Issued");
        }
        if (m.modified() != null) {
            dates.addObject().put("date", m.modified().toString()).put("dateType", "Updated");
        }
        ArrayNode alternates = d.putArray("alternateIdentifiers");
        for (Identifier id : m.identifiers()) {
            if (!Identifier.DOI.equalsIgnoreCase(id.scheme())) {
                alternates.addObject().put("alternateIdentifier", id.value())
                        .put("alternateIdentifierType", id.scheme().toUpperCase(java.util.Locale.ROOT));
            }
        }
        alternates.addObject().put("alternateIdentifier", self).put("alternateIdentifierType", "URL");
        ArrayNode related = d.putArray("relatedIdentifiers");
        m.publications().forEach(p -> relatedPublication(related, p));
        for (Identifier id : m.relatedDatasets()) {
            boolean doi = Identifier.DOI.equalsIgnoreCase(id.scheme());
            related.addObject().put("relatedIdentifier", doi ? Doi.normalise(id.value()).orElse(id.value())
                            : id.scheme() + ":" + id.value())
                    .put("relatedIdentifierType", doi ? "DOI" : "URN")
                    .put("relationType", "References")
                    .put("resourceTypeGeneral", "Dataset");
        }
        d.set("sizes", sizes(m.size()));
        ArrayNode formats = d.putArray("formats");
        m.formats().forEach(f -> formats.add(TermSubjects.format(f).subject()));
        if (m.license() != null) {
            ObjectNode rights = d.putArray("rightsList").addObject();
            rights.put("rights", m.license().label() != null ? m.license().label() : m.license().spdx());
            ExportTerms.licenseUrl(m.license()).ifPresent(url -> rights.put("rightsUri", url));
            if (m.license().spdx() != null) {
                rights.put("rightsIdentifier", m.license().spdx().toLowerCase(java.util.Locale.ROOT))
                        .put("rightsIdentifierScheme", "SPDX").put("schemeUri", "https://spdx.org/licenses/");
            }
        }
        if (m.description() != null) {
            d.putArray("descriptions").addObject().put("description", m.description())
                    .put("descriptionType", "Abstract");
        }
        ArrayNode funding = d.putArray("fundingReferences");
        m.funding().forEach(f -> funding.addObject().put("funderName", f));
        d.put("url", m.landingPage() != null ? m.landingPage() : self);
        d.put("schemaVersion", SCHEMA_VERSION);
        return d;
    }

    private static ObjectNode creator(Creator c) {
        ObjectNode o = ModelJson.mapper().createObjectNode().put("name", c.name()).put("nameType", "Personal");
        if (c.orcid() != null) {
            o.putArray("nameIdentifiers").addObject().put("nameIdentifier", ExportTerms.orcidUrl(c.orcid()))
                    .put("nameIdentifierScheme", "ORCID").put("schemeUri", "https://orcid.org");
        }
        ArrayNode affiliation = o.putArray("affiliation");
        if (c.affiliation() != null) {
            affiliation.addObject().put("name", c.affiliation());
        }
        return o;
    }

    private static void relatedPublication(ArrayNode related, Publication p) {
        String relation = p.relation() == Publication.Relation.PRIMARY ? "IsSupplementTo" : "References";
        if (Doi.normalise(p.doi()).isPresent()) {
            related.addObject().put("relatedIdentifier", Doi.normalise(p.doi()).get())
                    .put("relatedIdentifierType", "DOI").put("relationType", relation)
                    .put("resourceTypeGeneral", "JournalArticle");
        } else if (p.pmid() != null) {
            related.addObject().put("relatedIdentifier", p.pmid())
                    .put("relatedIdentifierType", "PMID").put("relationType", relation)
                    .put("resourceTypeGeneral", "JournalArticle");
        }
    }

    private static ArrayNode sizes(DatasetSize size) {
        ArrayNode sizes = ModelJson.mapper().createArrayNode();
        if (size == null) {
            return sizes;
        }
        List.of(new Object[] {size.bytes(), " bytes"}, new Object[] {size.images(), " images"},
                        new Object[] {size.files(), " files"})
                .stream().filter(pair -> pair[0] != null).forEach(pair -> sizes.add(pair[0] + (String) pair[1]));
        return sizes;
    }
}
