package org.bioimagecatalog.harvester.oaipmh;

import org.bioimagecatalog.harvester.parse.ParseProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses untrusted XML from archives: DOCTYPE declarations are refused outright, so no external entity, external
 * DTD or entity expansion ("billion laughs") can be used against the harvester. The encoding comes from the
 * byte-order mark or the XML declaration, so UTF-16 and UTF-8-with-BOM documents parse like any other. Elements
 * are matched by local name, as DataCite kernels 2.2 to 4.x live in different namespaces.
 */
public final class SafeXml {
    /** The JDK parser's limit on element depth (none by default). */
    public static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {}

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // a record nested thousands deep would overflow the stack of the DOM builder and of our walks
            factory.setAttribute(MAX_ELEMENT_DEPTH, "500");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** The document, or an exception whose message says what is wrong and where. */
    public static Document parse(byte[] xml) throws MalformedXmlException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new MalformedXmlException(ParseProblem.xml(e));
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException(e instanceof IOException ? "XML cannot be read: " + e.getMessage()
                    : "not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Child elements of {@code parent} with this local name, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The first element with this local name anywhere below {@code parent}, depth first. */
    public static Optional<Element> descendant(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return Optional.of(e);
                }
                Optional<Element> deeper = descendant(e, localName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    /** Elements at {@code parent/a/b/...} by local names. */
    public static List<Element> path(Element parent, String... localNames) {
        List<Element> level = List.of(parent);
        for (String name : localNames) {
            List<Element> next = new ArrayList<>();
            level.forEach(e -> next.addAll(children(e, name)));
            level = next;
        }
        return level;
    }

    /** Trimmed text content, or null when empty. */
    public static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** An attribute, whatever its namespace, or null when absent or empty. */
    public static String attribute(Element element, String localName) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (localName.equals(name) && !a.getNodeValue().isBlank()) {
                return a.getNodeValue().strip();
            }
        }
        return null;
    }

    /** A not well-formed document; the message says why. */
    public static final class MalformedXmlException extends Exception {
        public MalformedXmlException(String message) {
            super(message);
        }
    }
}
