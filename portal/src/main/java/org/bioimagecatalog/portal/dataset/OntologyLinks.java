package org.bioimagecatalog.portal.dataset;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a term or a person resolves on the web, for templates ({@code {link:taxon(o.ncbiTaxonId)}}). Ids arrive as
 * the sources and vocabularies write them ({@code 9606}, {@code NCBITaxon:9606}, {@code FBbi:00000246},
 * {@code CVCL_0030}, {@code format_3727}); an empty id gives an empty link, which the templates leave out.
 */
@TemplateExtension(namespace = "link")
public final class OntologyLinks {
    private OntologyLinks() {}

    static String taxon(String id) {
        String n = local(id, "NCBITaxon");
        return n.isEmpty() ? "" : "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=" + n;
    }

    static String fbbi(String id) {
        String n = local(id, "FBbi");
        return n.isEmpty() ? "" : "http://purl.obolibrary.org/obo/FBbi_" + n;
    }

    static String cellosaurus(String id) {
        return id == null || id.isBlank() ? "" : "https://www.cellosaurus.org/" + id.trim().replace(':', '_');
    }

    /** Any ontology term: EDAM formats to edamontology.org, other CURIEs (PREFIX:local) to their OBO PURL. */
    static String term(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String t = id.trim();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return t;
        }
        if (t.startsWith("format_") || t.startsWith("data_") || t.startsWith("operation_") || t.startsWith("topic_")) {
            return "http://edamontology.org/" + t;
        }
        if (t.startsWith("EDAM:")) {
            return "http://edamontology.org/" + t.substring(5);
        }
        if (t.startsWith("CVCL")) {
            return cellosaurus(t);
        }
        int colon = t.indexOf(':');
        return colon > 0 ? "http://purl.obolibrary.org/obo/" + t.substring(0, colon) + "_" + t.substring(colon + 1) : "";
    }

    static String orcid(String orcid) {
        if (orcid == null || orcid.isBlank()) {
            return "";
        }
        String id = orcid.trim().replaceFirst("^https?://orcid\\.org/", "");
        return "https://orcid.org/" + id;
    }

    static String doi(String doi) {
        if (doi == null || doi.isBlank()) {
            return "";
        }
        return "https://doi.org/" + doi.trim().replaceFirst("^(?i)(https?://(dx\\.)?doi\\.org/|doi:)", "");
    }

    static String pubmed(String pmid) {
        return pmid == null || pmid.isBlank() ? "" : "https://pubmed.ncbi.nlm.nih.gov/" + pmid.trim() + "/";
    }

    static String pmc(String pmcid) {
        return pmcid == null || pmcid.isBlank() ? "" : "https://pmc.ncbi.nlm.nih.gov/articles/" + pmcid.trim() + "/";
    }

    static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The local part of a CURIE or a bare number: "NCBITaxon:9606", "NCBITaxon_9606" and "9606" give "9606". */
    private static String local(String id, String prefix) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String t = id.trim();
        for (String sep : new String[] {":", "_"}) {
            if (t.regionMatches(true, 0, prefix + sep, 0, prefix.length() + 1)) {
                return t.substring(prefix.length() + 1);
            }
        }
        return t.contains(":") ? "" : t;
    }
}
