package org.bioimagecatalog.catalog.taxonomy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.vocab.Taxon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads NCBI E-utilities answers for {@code db=taxonomy}: {@code esearch} (ids of a term), {@code esummary} v1
 * DocSums and {@code efetch} TaxaSets (full record with {@code <LineageEx>}). The DOCTYPE they carry is never
 * fetched and no entity is expanded beyond the XML built-ins.
 */
final class EutilsAnswers {
    private EutilsAnswers() {}

    /** An unreadable answer: the service answered something that is not the documented XML. */
    static final class UnreadableAnswerException extends Exception {
        UnreadableAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** esearch: the ids found for the term (none when NCBI reports {@code PhraseNotFound}). */
    static List<String> searchIds(byte[] xml) throws UnreadableAnswerException {
        Element root = parse(xml, "eSearchResult");
        List<String> ids = new ArrayList<>();
        for (Element idList : children(root, "IdList")) {
            for (Element id : children(idList, "Id")) {
                ids.add(id.getTextContent().strip());
            }
        }
        return ids;
    }

    /** One esummary DocSum: the short record, without lineage. */
    record Summary(String id, String rank, String division, String scientificName, String commonName) {}

    static List<Summary> summaries(byte[] xml) throws UnreadableAnswerException {
        Element root = parse(xml, "eSummaryResult");
        List<Summary> out = new ArrayList<>();
        for (Element doc : children(root, "DocSum")) {
            String id = text(doc, "Id");
            String rank = null, division = null, name = null, common = null;
            for (Element item : children(doc, "Item")) {
                String v = item.getTextContent().strip();
                switch (item.getAttribute("Name")) {
                    case "Rank" -> rank = v;
                    case "Division" -> division = v;
                    case "ScientificName" -> name = v;
                    case "CommonName" -> common = v.isEmpty() ? null : v;
                    default -> { }
                }
            }
            out.add(new Summary(id, rank, division, name, common));
        }
        return out;
    }

    /** One efetch Taxon and the ids it also answers for ({@code AkaTaxIds}: ids merged into it). */
    record Fetched(Taxon taxon, List<String> akaIds) {}

    static List<Fetched> taxa(byte[] xml) throws UnreadableAnswerException {
        Element root = parse(xml, "TaxaSet");
        List<Fetched> out = new ArrayList<>();
        for (Element t : children(root, "Taxon")) {
            List<String> common = new ArrayList<>();
            for (Element other : children(t, "OtherNames")) {
                for (String kind : List.of("GenbankCommonName", "CommonName")) {
                    for (Element c : children(other, kind)) {
                        String v = c.getTextContent().strip();
                        if (!v.isEmpty() && !common.contains(v)) {
                            common.add(v);
                        }
                    }
                }
            }
            List<TermRef> lineage = new ArrayList<>();
            for (Element ex : children(t, "LineageEx")) {
                for (Element step : children(ex, "Taxon")) {
                    lineage.add(new TermRef(text(step, "TaxId"), text(step, "ScientificName")));
                }
            }
            List<String> aka = new ArrayList<>();
            for (Element akas : children(t, "AkaTaxIds")) {
                children(akas, "TaxId").forEach(a -> aka.add(a.getTextContent().strip()));
            }
            out.add(new Fetched(new Taxon(text(t, "TaxId"), text(t, "ScientificName"), text(t, "Rank"), common, lineage), aka));
        }
        return out;
    }

    private static Element parse(byte[] xml, String rootName) throws UnreadableAnswerException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new UnreadableAnswerException("not an E-utilities " + rootName + " document: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!rootName.equals(root.getNodeName())) {
            throw new UnreadableAnswerException("expected <" + rootName + ">, got <" + root.getNodeName() + ">", null);
        }
        return root;
    }

    /** Direct children of that name only: {@code <LineageEx>} nests {@code <Taxon>} elements of its own. */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getNodeName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
