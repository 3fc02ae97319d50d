package org.bioimagecatalog.catalog.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.model.ids.Doi;

/**
 * A dataset as a schema.org {@code Dataset} in JSON-LD, the way Google Dataset Search reads it: name,
 * description, identifier (the data DOI as a URL first), creator with ORCID, license URL, dates, keywords,
 * citation, the organisms ({@code Taxon}) and cell lines ({@code DefinedTerm}) as {@code about} and imaging
 * methods as {@code measurementTechnique} ({@code DefinedTerm}), each with its canonical name, the source's
 * spelling as {@code alternateName}, its IRI, id and vocabulary where known, download locations as {@code distribution}, and each source record's page as
 * {@code sameAs}.
 */
public final class SchemaOrgDataset {
    public static final String MEDIA_TYPE = "application/ld+json";

    private SchemaOrgDataset() {}

    /** @param self the dataset's URL in this API, used as {@code @id} */
    public static ObjectNode of(String self, List<SourceRecordRef> sources, DatasetMetadata m) {
        ObjectNode d = ModelJson.mapper().createObjectNode();
        d.put("@context", "https://schema.org/");
        d.put("@type", "Dataset");
        d.put("@id", self);
        d.put("name", m.title());
        putIfPresent(d, "description", m.description());
        d.put("url", m.landingPage() != null ? m.landingPage() : self);
        ArrayNode identifiers = d.putArray("identifier");
        ExportTerms.dataDoi(m).ifPresent(doi -> identifiers.add(Doi.url(doi)));
        for (Identifier id : m.identifiers()) {
            if (!Identifier.DOI.equalsIgnoreCase(id.scheme())) {
                identifiers.add(id.scheme() + ":" + id.value());
            }
        }
        ArrayNode creators = d.putArray("creator");
        m.creators().forEach(c -> creators.add(person(c)));
        ExportTerms.licenseUrl(m.license()).ifPresent(url -> d.put("license", url));
        if (m.released() != null) {
            d.put("datePublished", m.released().toString());
        }
        if (m.modified() != null) {
            d.put("dateModified", m.modified().toString());
        }
        ArrayNode keywords = d.putArray("keywords");
        m.keywords().forEach(keywords::add);
        ArrayNode citations = d.putArray("citation");
        m.publications().forEach(p -> citations.add(article(p)));
        ArrayNode about = d.putArray("about");
        m.organisms().forEach(o -> about.add(taxon(TermSubjects.organism(o))));
        m.cellLines().forEach(c -> about.add(definedTerm(TermSubjects.cellLine(c))));
        ArrayNode techniques = d.putArray("measurementTechnique");
        m.imagingMethods().forEach(method -> techniques.add(definedTerm(TermSubjects.imagingMethod(method))));
        ArrayNode distribution = d.putArray("distribution");
        for (String url : m.accessUrls()) {
            ObjectNode download = distribution.addObject().put("@type", "DataDownload").put("contentUrl", url);
            if (!m.formats().isEmpty()) {
                download.put("encodingFormat", String.join(", ",
                        m.formats().stream().map(f -> TermSubjects.format(f).subject()).toList()));
            }
        }
        ArrayNode sameAs = d.putArray("sameAs");
        sources.stream().map(SourceRecordRef::url).filter(u -> u != null).forEach(sameAs::add);
        d.putObject("includedInDataCatalog").put("@type", "DataCatalog").put("name", "BioImage Catalog");
        d.put("isAccessibleForFree", true);
        removeEmpty(d);
        return d;
    }

    private static ObjectNode person(Creator c) {
        ObjectNode p = ModelJson.mapper().createObjectNode().put("@type", "Person").put("name", c.name());
        if (c.orcid() != null) {
            p.put("@id", ExportTerms.orcidUrl(c.orcid()));
            p.put("identifier", ExportTerms.orcidUrl(c.orcid()));
        }
        if (c.affiliation() != null) {
            p.putObject("affiliation").put("@type", "Organization").put("name", c.affiliation());
        }
        return p;
    }

    private static ObjectNode article(Publication p) {
        ObjectNode a = ModelJson.mapper().createObjectNode().put("@type", "ScholarlyArticle");
        putIfPresent(a, "name", p.title());
        Doi.normalise(p.doi()).ifPresent(doi -> a.put("@id", Doi.url(doi)).put("identifier", Doi.url(doi)));
        if (p.pmid() != null) {
            a.put("sameAs", "https://pubmed.ncbi.nlm.nih.gov/" + p.pmid() + "/");
        }
        if (p.year() != null) {
            a.put("datePublished", p.year().toString());
        }
        return a;
    }

    /** A Taxon named by its canonical name, the source's spelling as alternateName. */
    private static ObjectNode taxon(TermSubjects.Subject term) {
        ObjectNode t = ModelJson.mapper().createObjectNode().put("@type", "Taxon").put("name", term.subject());
        alternateName(t, term);
        if (term.resolved()) {
            t.put("@id", term.valueUri()).put("url", term.valueUri()).put("identifier", term.id());
        }
        return t;
    }

    /** A DefinedTerm with its termCode and the DefinedTermSet (the vocabulary) it belongs to. */
    private static ObjectNode definedTerm(TermSubjects.Subject term) {
        ObjectNode t = ModelJson.mapper().createObjectNode().put("@type", "DefinedTerm").put("name", term.subject());
        alternateName(t, term);
        if (term.resolved()) {
            t.put("@id", term.valueUri()).put("url", term.valueUri()).put("termCode", term.id());
            t.putObject("inDefinedTermSet").put("@type", "DefinedTermSet").put("@id", term.scheme().uri())
                    .put("name", term.scheme().name());
        }
        return t;
    }

    private static void alternateName(ObjectNode node, TermSubjects.Subject term) {
        if (term.label() != null && !term.label().equals(term.subject())) {
            node.put("alternateName", term.label());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static void removeEmpty(ObjectNode node) {
        List<String> empty = new java.util.ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && e.getValue().isEmpty()) {
                empty.add(e.getKey());
            }
        });
        node.remove(empty);
    }
}
