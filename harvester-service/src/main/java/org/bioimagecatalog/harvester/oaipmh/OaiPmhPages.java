package org.bioimagecatalog.harvester.oaipmh;

import static org.bioimagecatalog.harvester.oaipmh.SafeXml.attribute;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.child;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.text;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bioimagecatalog.harvester.http.FetchedResource;
import org.bioimagecatalog.harvester.http.HttpFetchException;
import org.bioimagecatalog.harvester.http.PoliteHttpClient;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.model.DatasetMetadata;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One {@code ListRecords} harvest: the first request with the location's arguments, then
 * {@code resumptionToken} only, until the token is empty or absent. OAI errors are read from the body whatever
 * the HTTP status (Zenodo sends them with 422): {@code noRecordsMatch} is an empty result, any other code ends
 * the run with the code in the reason. The first page's {@code responseDate} becomes the checkpoint.
 */
final class OaiPmhPages implements PageReader {
    private static final Logger LOG = Logger.getLogger(OaiPmhPages.class);
    private static final String ACCEPT = "text/xml, application/xml;q=0.9, */*;q=0.5";
    private static final int EXCERPT_CHARS = 2000;

    private final PoliteHttpClient http;
    private final OaiPmhLocation location;
    private final Optional<String> since;
    private static final DataciteXmlMapper DATACITE = new DataciteXmlMapper();
    private static final OaiDcMapper DC = new OaiDcMapper();
    private String token;
    private boolean started;
    private boolean done;
    private String firstResponseDate;
    private OptionalLong total = OptionalLong.empty();

    OaiPmhPages(PoliteHttpClient http, OaiPmhLocation location, Optional<String> since) {
        this.http = http;
        this.location = location;
        this.since = since;
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        if (done) {
            return null;
        }
        URI uri = started ? location.resume(token) : location.listRecords(from());
        started = true;
        FetchedResource page = fetch(uri);
        Element root = parse(uri.toString(), page.status(), page.body());
        if (firstResponseDate == null) {
            firstResponseDate = child(root, "responseDate").map(SafeXml::text).orElse(null);
        }
        Optional<Element> error = child(root, "error");
        if (error.isPresent()) {
            String code = attribute(error.get(), "code");
            if ("noRecordsMatch".equals(code)) {
                done = true;
                return List.of();
            }
            String message = text(error.get());
            throw new LocationUnreadableException("OAI-PMH error " + code + (message == null ? "" : " (" + message + ")")
                    + " answering GET " + uri + " (HTTP " + page.status() + ")");
        }
        Element listRecords = child(root, "ListRecords").orElseThrow(() -> new LocationUnreadableException(
                "GET " + uri + " answered HTTP " + page.status() + " without ListRecords or an OAI-PMH error"));
        List<PageEntry> entries = new ArrayList<>();
        for (Element record : SafeXml.children(listRecords, "record")) {
            entries.add(entry(uri.toString(), record, id -> location.getRecord(id).toString()));
        }
        child(listRecords, "resumptionToken").filter(t -> total.isEmpty()).map(t -> t.getAttribute("completeListSize"))
                .filter(s -> s.matches("\\d{1,18}")).ifPresent(size -> total = OptionalLong.of(Long.parseLong(size)));
        token = child(listRecords, "resumptionToken").map(SafeXml::text).orElse(null);
        done = token == null;
        return entries;
    }

    @Override
    public OptionalLong total() {
        return total;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(firstResponseDate);
    }

    /** The resumption token of the next page, or "" once the last page was read (or none was read yet: null). */
    @Override
    public Optional<String> position() {
        return started ? Optional.of(done ? "" : token) : Optional.empty();
    }

    /** Continues with a stored resumption token (tokens may expire: the repository then answers badResumptionToken). */
    @Override
    public boolean resume(String position, String checkpoint) {
        started = true;
        token = position;
        done = position.isEmpty();
        firstResponseDate = checkpoint;
        return true;
    }

    /**
     * The explicit {@code from} of the location, else the checkpoint at the granularity the repository
     * announces in {@code Identify}; day granularity, which every repository must accept, if it does not say.
     */
    private String from() {
        if (location.from() != null || since.isEmpty()) {
            return location.from();
        }
        String checkpoint = since.get();
        return secondsGranularity() ? checkpoint : checkpoint.substring(0, Math.min(10, checkpoint.length()));
    }

    private boolean secondsGranularity() {
        try {
            FetchedResource identify = http.get(location.identify(), ACCEPT, status -> true);
            Element root = SafeXml.parse(identify.body()).getDocumentElement();
            String granularity = child(root, "Identify").flatMap(i -> child(i, "granularity")).map(SafeXml::text).orElse("");
            return granularity.contains("hh:mm:ss");
        } catch (HttpFetchException | SafeXml.MalformedXmlException e) {
            LOG.infof("Identify of %s not usable (%s): asking for changes by day", location.endpoint(), e.getMessage());
            return false;
        }
    }

    private FetchedResource fetch(URI uri) throws LocationUnreadableException {
        try {
            return http.get(uri, ACCEPT, status -> true);
        } catch (HttpFetchException e) {
            throw new LocationUnreadableException(e.getMessage(), e);
        }
    }

    /** The {@code <OAI-PMH>} root of a page fetched from (or read at) {@code where}. */
    static Element parse(String where, int status, byte[] body) throws LocationUnreadableException, RecordRejectedException {
        Document document;
        try {
            document = SafeXml.parse(body);
        } catch (SafeXml.MalformedXmlException e) {
            if (status >= 400) {
                throw new LocationUnreadableException("GET " + where + " answered HTTP " + status);
            }
            throw new RecordRejectedException(where, "OAI-PMH page " + where + ": " + e.getMessage(), excerpt(body));
        }
        Element root = document.getDocumentElement();
        if (!"OAI-PMH".equals(root.getLocalName())) {
            if (status >= 400) {
                throw new LocationUnreadableException("GET " + where + " answered HTTP " + status);
            }
            throw new RecordRejectedException(where, "OAI-PMH page " + where + ": not an OAI-PMH response"
                    + " (root element <" + root.getNodeName() + ">)", excerpt(body));
        }
        return root;
    }

    /** One {@code <record>} of a page: mapped, deleted, or rejected with the record's XML as payload. */
    static PageEntry entry(String page, Element record, Function<String, String> recordUrl) {
        Element header = child(record, "header").orElse(null);
        String identifier = header == null ? null : child(header, "identifier").map(SafeXml::text).orElse(null);
        if (identifier == null) {
            return new PageEntry.Rejected(new RecordRejectedException(page.toString(),
                    "OAI-PMH page " + page + ": a record without header/identifier", serialise(record)));
        }
        String sourceUrl = recordUrl.apply(identifier);
        if ("deleted".equals(attribute(header, "status"))) {
            return new PageEntry.Deleted(identifier, sourceUrl);
        }
        try {
            DatasetMetadata metadata = map(record);
            String datestamp = child(header, "datestamp").map(SafeXml::text).orElse(null);
            return new PageEntry.Harvested(new HarvestedItem(identifier, sourceUrl, withModified(metadata, datestamp)));
        } catch (InvalidRecordException e) {
            return new PageEntry.Rejected(new RecordRejectedException(sourceUrl, identifier + ": " + e.getMessage(),
                    serialise(record)));
        }
    }

    private static DatasetMetadata map(Element record) throws InvalidRecordException {
        Element metadata = child(record, "metadata").orElseThrow(() -> new InvalidRecordException("no <metadata>"));
        Element payload = null;
        for (Node n = metadata.getFirstChild(); n != null && payload == null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                payload = e;
            }
        }
        if (payload == null) {
            throw new InvalidRecordException("empty <metadata>");
        }
        if ("dc".equals(payload.getLocalName())) {
            return DC.map(payload);
        }
        Optional<Element> resource = "resource".equals(payload.getLocalName()) ? Optional.of(payload)
                : SafeXml.descendant(payload, "resource");
        if (resource.isPresent()) {
            return DATACITE.map(resource.get());
        }
        throw new InvalidRecordException("metadata format <" + payload.getNodeName() + "> is not supported;"
                + " harvest with metadataPrefix oai_dc, oai_datacite or datacite");
    }

    /** The datestamp says when the record last changed; used when the metadata gives no modification date. */
    private static DatasetMetadata withModified(DatasetMetadata m, String datestamp) {
        if (m.modified() != null || datestamp == null) {
            return m;
        }
        return new DatasetMetadata(m.title(), m.description(), m.identifiers(), m.landingPage(), m.creators(),
                m.publications(), m.organisms(), m.imagingMethods(), m.studyTypes(), m.sampleTypes(), m.keywords(),
                m.license(), m.released(), org.bioimagecatalog.harvester.datacite.DataciteFields.date(datestamp),
                m.size(), m.formats(), m.accessUrls(), m.funding(), m.relatedDatasets());
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 2), StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    private static String serialise(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return element.getTextContent();
        }
    }
}
