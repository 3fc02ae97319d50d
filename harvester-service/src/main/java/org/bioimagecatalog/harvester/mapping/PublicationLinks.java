package org.bioimagecatalog.harvester.mapping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;

/**
 * Publications from the links archives give: DOI URLs ({@code https://doi.org/…}, {@code dx.doi.org}, a
 * publisher URL that embeds a DOI such as bioRxiv's), PubMed URLs ({@code ncbi.nlm.nih.gov/pubmed/N},
 * {@code pubmed.ncbi.nlm.nih.gov/N}) and PubMed Central URLs.
 */
public final class PublicationLinks {
    private static final Pattern PUBMED = Pattern.compile("(?i)(?:ncbi\\.nlm\\.nih\\.gov/pubmed|pubmed\\.ncbi\\.nlm\\.nih\\.gov)/(\\d+)");
    private static final Pattern PMC = Pattern.compile("(?i)(?:/pmc/articles/|pmc\\.ncbi\\.nlm\\.nih\\.gov/articles/)(PMC\\d+)");
    private static final Pattern DOI_ANYWHERE = Pattern.compile("(10\\.\\d{4,9}/[^\\s?#]+)");
    private static final Pattern DOI_HOSTS = Pattern.compile("(?i)^(?:https?://)?(?:dx\\.)?doi\\.org/|biorxiv\\.org/content/|medrxiv\\.org/content/");

    private PublicationLinks() {}

    public static Optional<String> pmid(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = PUBMED.matcher(link);
        return m.find() ? PubMedIds.pmid(m.group(1)) : Optional.empty();
    }

    public static Optional<String> pmcid(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = PMC.matcher(link);
        return m.find() ? PubMedIds.pmcid(m.group(1)) : Optional.empty();
    }

    /**
     * The DOI a link names: a bare DOI, {@code doi:…}, a resolver URL, or a preprint server URL that embeds one
     * ({@code biorxiv.org/content/10.1101/…v1} → {@code 10.1101/…}).
     */
    public static Optional<String> doi(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String v = link.strip();
        Optional<String> direct = Doi.normalise(v);
        if (direct.isPresent()) {
            return direct;
        }
        if (DOI_HOSTS.matcher(v).find()) {
            Matcher m = DOI_ANYWHERE.matcher(v);
            if (m.find()) {
                String doi = m.group(1).replaceAll("v\\d+(?:\\.full)?[.]?$", "").replaceAll("[.,;)]+$", "");
                return Doi.normalise(doi);
            }
        }
        return Optional.empty();
    }

    /** A publication from a link, or empty when the link names neither a DOI nor a PubMed/PMC record. */
    public static Optional<Publication> fromLink(String link, String title, Integer year, Publication.Relation relation) {
        String doi = doi(link).orElse(null);
        String pmid = pmid(link).orElse(null);
        String pmcid = pmcid(link).orElse(null);
        if (doi == null && pmid == null && pmcid == null) {
            return Optional.empty();
        }
        return Optional.of(new Publication(doi, pmid, pmcid, title, year, null, relation));
    }
}
