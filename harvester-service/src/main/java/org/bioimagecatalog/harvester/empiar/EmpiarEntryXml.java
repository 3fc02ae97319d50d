package org.bioimagecatalog.harvester.empiar;

import org.bioimagecatalog.harvester.parse.ParseProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * EMPIAR's per-entry header XML ({@code world_availability/NNNNN/NNNNN.xml}, namespace
 * {@code http://pdbe.org/empiar}) rewritten into the API's entry JSON shape, so that one mapper serves both:
 * admin dates, title, corresponding author, principal investigators, authors list (ORCID attributes), dataset
 * size ({@code <datasetSize units="TB">1.9}), entry DOI, experiment type, EMDB cross-references, citations
 * (authors, title, journal, year, DOI and PubMed external references) and image sets. DTDs and external
 * entities are refused.
 */
final class EmpiarEntryXml {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EmpiarEntryXml() {}

    static boolean looksLikeXml(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    static JsonNode toEntryJson(byte[] bytes) throws InvalidRecordException {
        Element entry = parse(bytes).getDocumentElement();
        if (!"entry".equals(entry.getLocalName())) {
            throw new InvalidRecordException("not an EMPIAR entry: the XML root is <" + entry.getLocalName() + ">, not <entry>");
        }
        String accession = entry.getAttribute("accessionCode").strip();
        if (accession.isEmpty()) {
            throw new InvalidRecordException("not an EMPIAR entry: <entry> has no accessionCode");
        }
        ObjectNode json = JSON.objectNode();
        Element admin = child(entry, "admin");
        json.put("title", text(admin, "title"));
        json.put("status", text(admin, "currentStatus"));
        Element dates = child(admin, "keyDates");
        json.put("deposition_date", text(dates, "depositionDate"));
        json.put("release_date", text(dates, "releaseDate"));
        json.put("update_date", text(dates, "updateDate"));
        json.put("entry_doi", text(admin, "entryDOI"));
        json.put("experiment_type", text(admin, "experimentType"));
        Element size = child(admin, "datasetSize");
        if (size != null) {
            json.put("dataset_size", (size.getTextContent().strip() + " " + size.getAttribute("units")).strip());
        }
        Element corresponding = child(admin, "correspondingAuthor");
        if (corresponding != null) {
            json.set("corresponding_author", JSON.objectNode().set("author", person(corresponding)));
        }
        ArrayNode pis = json.putArray("principal_investigator");
        children(admin, "principalInvestigator").forEach(pi -> pis.add(JSON.objectNode().set("author", person(pi))));
        ArrayNode authors = json.putArray("authors");
        children(child(admin, "authorsList"), "author").forEach(a -> authors.add(namedAuthor(a)));

        Element refs = child(entry, "crossReferences");
        ArrayNode crossRefs = json.putArray("cross_references");
        children(child(refs, "relatedEMDBEntries"), "emdbEntry")
                .forEach(e -> crossRefs.add(JSON.objectNode().put("name", e.getTextContent().strip())));
        ArrayNode citations = json.putArray("citation");
        for (Element universal : children(child(refs, "citationList"), "universalCitation")) {
            for (Element citation : elements(universal)) {
                citations.add(citation(citation));
            }
        }
        ArrayNode imagesets = json.putArray("imagesets");
        children(entry, "imageSet").forEach(set -> imagesets.add(imageset(set)));
        ObjectNode document = JSON.objectNode();
        document.set(accession, json);
        return document;
    }

    private static ObjectNode person(Element p) {
        ObjectNode person = JSON.objectNode();
        person.put("first_name", text(p, "firstName"));
        person.put("last_name", text(p, "lastName"));
        person.put("author_orcid", text(p, "authorORCID"));
        // the source double-escapes ampersands ("Molecular &amp;amp; Cell Biology")
        String organisation = text(p, "organization");
        person.put("organization", organisation == null ? null : organisation.replace("&amp;", "&"));
        person.put("email", text(p, "email"));
        return person;
    }

    private static ObjectNode namedAuthor(Element author) {
        ObjectNode a = JSON.objectNode();
        a.put("name", author.getTextContent().strip());
        String orcid = author.getAttribute("authorORCID").strip();
        a.put("author_orcid", orcid.isEmpty() ? null : orcid);
        return a;
    }

    private static ObjectNode citation(Element c) {
        ObjectNode citation = JSON.objectNode();
        ArrayNode authors = citation.putArray("authors");
        children(c, "author").forEach(a -> authors.add(namedAuthor(a)));
        citation.put("title", text(c, "title"));
        citation.put("journal", text(c, "journal"));
        citation.put("year", text(c, "year"));
        citation.put("published", Boolean.parseBoolean(c.getAttribute("published")));
        for (Element ref : children(c, "externalReferences")) {
            String type = ref.getAttribute("type").strip().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("doi")) {
                citation.put("doi", ref.getTextContent().strip());
            } else if (type.equals("pubmed")) {
                citation.put("pubmedid", ref.getTextContent().strip());
            }
        }
        return citation;
    }

    private static ObjectNode imageset(Element set) {
        ObjectNode json = JSON.objectNode();
        json.put("name", text(set, "name"));
        json.put("directory", text(set, "directory"));
        json.put("category", text(set, "category"));
        json.put("header_format", text(set, "headerFormat"));
        json.put("data_format", text(set, "dataFormat"));
        String count = text(set, "numImagesOrTiltSeries");
        if (count != null && count.matches("\\d+")) {
            json.put("num_images_or_tilt_series", Long.parseLong(count));
        }
        json.put("details", text(set, "details"));
        return json;
    }

    private static Document parse(byte[] bytes) throws InvalidRecordException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            // a record nested thousands deep would overflow the stack of the DOM builder (as in SafeXml)
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "500");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // reported through the rejection, not printed to stderr
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (org.xml.sax.SAXParseException e) {
            throw new InvalidRecordException(ParseProblem.xml(e));
        } catch (SAXException e) {
            throw new InvalidRecordException("not well-formed XML");
        } catch (ParserConfigurationException | IOException e) {
            throw new InvalidRecordException("XML cannot be read: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        return parent == null ? null : children(parent, name).stream().findFirst().orElse(null);
    }

    private static List<Element> children(Element parent, String name) {
        return elements(parent).stream().filter(e -> name.equals(e.getLocalName())).toList();
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String text = e.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
