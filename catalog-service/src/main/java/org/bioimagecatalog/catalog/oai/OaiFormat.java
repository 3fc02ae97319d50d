package org.bioimagecatalog.catalog.oai;

import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.catalog.export.TermSubjects;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.model.ids.Doi;

/** The metadata formats the provider disseminates: Dublin Core (required by the protocol) and DataCite. */
enum OaiFormat {
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/") {
        @Override
        void write(XMLStreamWriter xml, String id, List<SourceRecordRef> sources, DatasetMetadata m)
                throws XMLStreamException {
            String dc = "http://purl.org/dc/elements/1.1/";
            xml.writeStartElement("oai_dc", "dc", namespace);
            xml.writeNamespace("oai_dc", namespace);
            xml.writeNamespace("dc", dc);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", namespace + " " + schema);
            dc(xml, dc, "title", m.title());
            for (Creator c : m.creators()) {
                dc(xml, dc, "creator", c.name());
            }
            for (String keyword : m.keywords()) {
                dc(xml, dc, "subject", keyword);
            }
            // Dublin Core has no attribute for a vocabulary: the canonical name, then the term's IRI
            for (TermSubjects.Subject term : TermSubjects.of(m)) {
                if (!term.field().equals("formats")) {
                    dc(xml, dc, "subject", term.subject());
                    dc(xml, dc, "subject", term.valueUri());
                }
            }
            dc(xml, dc, "description", m.description());
            for (SourceRecordRef source : sources) {
                dc(xml, dc, "publisher", source.source());
            }
            dc(xml, dc, "date", m.released() == null ? null : m.released().toString());
            dc(xml, dc, "type", "Dataset");
            for (FileFormat format : m.formats()) {
                dc(xml, dc, "format", TermSubjects.format(format).subject());
            }
            for (Identifier identifier : m.identifiers()) {
                dc(xml, dc, "identifier", Identifier.DOI.equalsIgnoreCase(identifier.scheme())
                        ? Doi.normalise(identifier.value()).map(Doi::url).orElse(identifier.value())
                        : identifier.scheme() + ":" + identifier.value());
            }
            dc(xml, dc, "identifier", m.landingPage());
            for (Publication p : m.publications()) {
                dc(xml, dc, "relation", Doi.normalise(p.doi()).map(Doi::url)
                        .orElse(p.pmid() == null ? null : "https://pubmed.ncbi.nlm.nih.gov/" + p.pmid() + "/"));
            }
            if (m.license() != null) {
                dc(xml, dc, "rights", m.license().url() != null ? m.license().url()
                        : m.license().spdx() != null ? m.license().spdx() : m.license().label());
            }
            xml.writeEndElement();
        }
    },
    OAI_DATACITE("oai_datacite", "http://schema.datacite.org/oai/oai-1.1/oai.xsd",
            "http://schema.datacite.org/oai/oai-1.1/") {
        @Override
        void write(XMLStreamWriter xml, String id, List<SourceRecordRef> sources, DatasetMetadata m)
                throws XMLStreamException {
            String kernel = "http://datacite.org/schema/kernel-4";
            xml.writeStartElement("", "oai_datacite", namespace);
            xml.writeDefaultNamespace(namespace);
            OaiProvider.text(xml, "schemaVersion", "4");
            OaiProvider.text(xml, "datacentreSymbol", "BIOIMAGECATALOG");
            xml.writeStartElement("payload");
            xml.writeStartElement("", "resource", kernel);
            xml.writeDefaultNamespace(kernel);
            String doi = m.identifiers().stream().filter(i -> Identifier.DOI.equalsIgnoreCase(i.scheme()))
                    .map(i -> Doi.normalise(i.value()).orElse(null)).filter(d -> d != null).findFirst().orElse(null);
            if (doi != null) {
                xml.writeStartElement("identifier");
                xml.writeAttribute("identifierType", "DOI");
                xml.writeCharacters(doi);
                xml.writeEndElement();
            }
            xml.writeStartElement("creators");
            for (Creator c : m.creators()) {
                xml.writeStartElement("creator");
                OaiProvider.text(xml, "creatorName", c.name());
                if (c.orcid() != null) {
                    xml.writeStartElement("nameIdentifier");
                    xml.writeAttribute("nameIdentifierScheme", "ORCID");
                    xml.writeAttribute("schemeURI", "https://orcid.org");
                    xml.writeCharacters("https://orcid.org/" + c.orcid());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("titles");
            OaiProvider.text(xml, "title", m.title());
            xml.writeEndElement();
            OaiProvider.text(xml, "publisher", sources.isEmpty() ? "BioImage Catalog" : sources.get(0).source());
            if (m.released() != null) {
                OaiProvider.text(xml, "publicationYear", String.valueOf(m.released().getYear()));
            }
            xml.writeStartElement("resourceType");
            xml.writeAttribute("resourceTypeGeneral", "Dataset");
            xml.writeCharacters("Bioimaging dataset");
            xml.writeEndElement();
            xml.writeStartElement("subjects");
            for (String keyword : m.keywords()) {
                OaiProvider.text(xml, "subject", keyword);
            }
            for (TermSubjects.Subject term : TermSubjects.of(m)) {
                xml.writeStartElement("subject");
                if (term.resolved()) {
                    xml.writeAttribute("subjectScheme", term.scheme().name());
                    xml.writeAttribute("schemeURI", term.scheme().uri());
                    xml.writeAttribute("valueURI", term.valueUri());
                }
                xml.writeCharacters(term.subject() == null ? "" : term.subject());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("alternateIdentifiers");
            for (Identifier i : m.identifiers()) {
                if (!Identifier.DOI.equalsIgnoreCase(i.scheme())) {
                    xml.writeStartElement("alternateIdentifier");
                    xml.writeAttribute("alternateIdentifierType", i.scheme().toUpperCase(Locale.ROOT));
                    xml.writeCharacters(i.value());
                    xml.writeEndElement();
                }
            }
            xml.writeStartElement("alternateIdentifier");
            xml.writeAttribute("alternateIdentifierType", "BioImageCatalog");
            xml.writeCharacters(id);
            xml.writeEndElement();
            xml.writeEndElement();
            if (!m.formats().isEmpty()) {
                xml.writeStartElement("formats");
                for (FileFormat format : m.formats()) {
                    OaiProvider.text(xml, "format", TermSubjects.format(format).subject());
                }
                xml.writeEndElement();
            }
            if (m.license() != null) {
                xml.writeStartElement("rightsList");
                xml.writeStartElement("rights");
                if (m.license().url() != null) {
                    xml.writeAttribute("rightsURI", m.license().url());
                }
                if (m.license().spdx() != null) {
                    xml.writeAttribute("rightsIdentifier", m.license().spdx());
                    xml.writeAttribute("rightsIdentifierScheme", "SPDX");
                }
                xml.writeCharacters(m.license().label() != null ? m.license().label() : String.valueOf(m.license().spdx()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            if (m.description() != null) {
                xml.writeStartElement("descriptions");
                xml.writeStartElement("description");
                xml.writeAttribute("descriptionType", "Abstract");
                xml.writeCharacters(m.description());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement(); // resource
            xml.writeEndElement(); // payload
            xml.writeEndElement(); // oai_datacite
        }
    };

    final String prefix;
    final String schema;
    final String namespace;

    OaiFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    abstract void write(XMLStreamWriter xml, String id, List<SourceRecordRef> sources, DatasetMetadata m)
            throws XMLStreamException;

    static OaiFormat of(String prefix) {
        for (OaiFormat format : values()) {
            if (format.prefix.equals(prefix)) {
                return format;
            }
        }
        throw new OaiException("cannotDisseminateFormat", "'" + prefix + "' is not a format of this repository");
    }

    private static void dc(XMLStreamWriter xml, String dc, String element, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            xml.writeStartElement("dc", element, dc);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
