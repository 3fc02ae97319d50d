package org.bioimagecatalog.catalog.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.catalog.dataset.DatasetQueries;
import org.bioimagecatalog.catalog.dataset.RowCount;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * Answers OAI-PMH 2.0 requests over the canonical datasets. Items are datasets ({@code oai:<repo>:<id>});
 * the datestamp is the dataset's last change (second granularity, UTC); sets are the archives
 * ({@code source:idr}); withdrawn and merged-away datasets stay as deleted headers ({@code deletedRecord}
 * persistent). Lists page in id order with a resumptionToken that carries the arguments and the last id.
 */
@ApplicationScoped
public class OaiProvider {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    private static final String SET_PREFIX = "source:";

    @Inject
    EntityManager em;

    @Inject
    CatalogConfig config;

    @Inject
    RowCount rowCount;

    public String answer(Map<String, List<String>> params, String baseUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("OAI-PMH");
            xml.writeDefaultNamespace(OAI_NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    OAI_NS + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            text(xml, "responseDate", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            OaiRequest request;
            try {
                request = OaiRequest.parse(params);
            } catch (OaiException e) {
                request(xml, baseUrl, Map.of());
                error(xml, e);
                return finish(xml, out);
            }
            request(xml, baseUrl, params);
            try {
                respond(xml, request, baseUrl);
            } catch (OaiException e) {
                error(xml, e);
            }
            return finish(xml, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OAI-PMH XML", e);
        }
    }

    private void respond(XMLStreamWriter xml, OaiRequest r, String baseUrl) throws XMLStreamException {
        switch (r.verb()) {
            case "Identify" -> identify(xml, baseUrl);
            case "ListMetadataFormats" -> listMetadataFormats(xml, r);
            case "ListSets" -> listSets(xml);
            case "GetRecord" -> getRecord(xml, r);
            default -> list(xml, r, r.verb().equals("ListRecords"));
        }
    }

    private void identify(XMLStreamWriter xml, String baseUrl) throws XMLStreamException {
        Object earliest = em.createNativeQuery("select min(updated_at) from dataset").getSingleResult();
        xml.writeStartElement("Identify");
        text(xml, "repositoryName", config.oai().repositoryName());
        text(xml, "baseURL", baseUrl);
        text(xml, "protocolVersion", "2.0");
        text(xml, "adminEmail", config.oai().adminEmail());
        text(xml, "earliestDatestamp", earliest == null ? "1970-01-01T00:00:00Z" : datestamp(instant(earliest)));
        text(xml, "deletedRecord", "persistent");
        text(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter xml, OaiRequest r) throws XMLStreamException {
        if (r.identifier() != null) {
            find(r.identifier());
        }
        xml.writeStartElement("ListMetadataFormats");
        for (OaiFormat format : OaiFormat.values()) {
            xml.writeStartElement("metadataFormat");
            text(xml, "metadataPrefix", format.prefix);
            text(xml, "schema", format.schema);
            text(xml, "metadataNamespace", format.namespace);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void listSets(XMLStreamWriter xml) throws XMLStreamException {
        @SuppressWarnings("unchecked")
        List<String> sources = em.createNativeQuery("select distinct source from source_record order by 1")
                .getResultList();
        xml.writeStartElement("ListSets");
        for (String source : sources) {
            xml.writeStartElement("set");
            text(xml, "setSpec", SET_PREFIX + source);
            text(xml, "setName", "Datasets with a record from " + source);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void getRecord(XMLStreamWriter xml, OaiRequest r) throws XMLStreamException {
        OaiFormat format = OaiFormat.of(r.metadataPrefix());
        Dataset dataset = find(r.identifier());
        xml.writeStartElement("GetRecord");
        record(xml, dataset, format, true);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, OaiRequest r, boolean withMetadata) throws XMLStreamException {
        OaiFormat format = OaiFormat.of(r.metadataPrefix());
        String source = null;
        if (r.set() != null) {
            if (!r.set().startsWith(SET_PREFIX)) {
                throw new OaiException("noRecordsMatch", "no set '" + r.set() + "'; sets are source:<archive>");
            }
            source = r.set().substring(SET_PREFIX.length());
        }
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (source != null) {
            where.append(" and exists (select 1 from source_record s where s.dataset_id = d.id and s.source = :source)");
            params.put("source", source);
        }
        if (r.from() != null) {
            where.append(" and d.updated_at >= :from");
            params.put("from", r.from());
        }
        if (r.until() != null) {
            where.append(" and d.updated_at <= :until");
            params.put("until", r.until());
        }
        String fromWhere = "from dataset d where " + where;
        int size = config.oai().pageSize();
        List<Dataset> rows = DatasetQueries.pageRows(em, fromWhere, params, r.afterId(), size + 1);
        if (rows.isEmpty()) {
            if (r.afterId() != null) {
                throw new OaiException("badResumptionToken", "the list this token continued has ended");
            }
            throw new OaiException("noRecordsMatch", "no dataset matches these arguments");
        }
        boolean more = rows.size() > size;
        List<Dataset> items = more ? rows.subList(0, size) : rows;
        xml.writeStartElement(r.verb());
        for (Dataset dataset : items) {
            if (withMetadata) {
                record(xml, dataset, format, true);
            } else {
                header(xml, dataset);
            }
        }
        if (more || r.afterId() != null) {
            xml.writeStartElement("resumptionToken");
            // optional in OAI-PMH and meant to be exact: given where a count is cheap, left out above that
            Long completeListSize = rowCount.exactIfSmall(fromWhere, params);
            if (completeListSize != null) {
                xml.writeAttribute("completeListSize", String.valueOf(completeListSize));
            }
            if (more) {
                xml.writeCharacters(r.tokenAfter(items.get(items.size() - 1).id));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void record(XMLStreamWriter xml, Dataset dataset, OaiFormat format, boolean withMetadata)
            throws XMLStreamException {
        xml.writeStartElement("record");
        header(xml, dataset);
        if (withMetadata && !dataset.withdrawn) {
            xml.writeStartElement("metadata");
            DatasetChanged document = dataset.documentAsEvent();
            format.write(xml, dataset.id, document.sourceRecords(), document.metadata());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void header(XMLStreamWriter xml, Dataset dataset) throws XMLStreamException {
        xml.writeStartElement("header");
        if (dataset.withdrawn) {
            xml.writeAttribute("status", "deleted");
        }
        text(xml, "identifier", identifier(dataset.id));
        text(xml, "datestamp", datestamp(dataset.updatedAt));
        for (String source : dataset.documentAsEvent().sourceRecords().stream().map(SourceRecordRef::source)
                .distinct().toList()) {
            text(xml, "setSpec", SET_PREFIX + source);
        }
        xml.writeEndElement();
    }

    private Dataset find(String identifier) {
        String prefix = "oai:" + config.oai().repositoryIdentifier() + ":";
        Dataset dataset = identifier.startsWith(prefix) ? Dataset.findById(identifier.substring(prefix.length())) : null;
        if (dataset == null) {
            throw new OaiException("idDoesNotExist", "'" + identifier + "' is not an item of this repository");
        }
        return dataset;
    }

    private String identifier(String datasetId) {
        return "oai:" + config.oai().repositoryIdentifier() + ":" + datasetId;
    }

    private static void request(XMLStreamWriter xml, String baseUrl, Map<String, List<String>> params)
            throws XMLStreamException {
        xml.writeStartElement("request");
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!e.getValue().isEmpty()) {
                xml.writeAttribute(e.getKey(), e.getValue().get(0));
            }
        }
        xml.writeCharacters(baseUrl);
        xml.writeEndElement();
    }

    private static void error(XMLStreamWriter xml, OaiException e) throws XMLStreamException {
        xml.writeStartElement("error");
        xml.writeAttribute("code", e.code());
        xml.writeCharacters(e.getMessage());
        xml.writeEndElement();
    }

    private static String finish(XMLStreamWriter xml, StringWriter out) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String datestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
