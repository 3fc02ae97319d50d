package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a hit's data lives, read from the indexed event ({@code doc.metadata}): the accession in each archive with
 * the archive's own page, the data DOI, the primary publication, and the canonical organism and imaging-method
 * names (the vocabulary's {@code name} where the harmonisation gave one, else the label as the source wrote it).
 */
public record HitLocation(List<ArchiveAccession> accessions, Link dataDoi, PrimaryPublication publication,
        List<String> organismNames, List<String> imagingMethodNames) {

    static final HitLocation NONE = new HitLocation(List.of(), null, null, List.of(), List.of());

    @Schema(description = "The dataset's accession in one archive, with the archive's own page for it")
    public record ArchiveAccession(@Schema(example = "idr") String archive, @Schema(example = "idr0001") String accession,
            @Schema(example = "https://idr.openmicroscopy.org/search/?query=Name:idr0001") String url) {}

    @Schema(description = "An identifier and its resolver URL")
    public record Link(@Schema(example = "10.17867/10000101") String id,
            @Schema(example = "https://doi.org/10.17867/10000101") String url) {}

    @Schema(description = "The publication that describes the dataset (DOI, PMID, PMCID as known) and a link to it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrimaryPublication(String doi, String pmid, String pmcid, String url) {}

    static HitLocation of(JsonNode doc) {
        JsonNode m = doc == null ? null : doc.path("metadata");
        if (m == null || !m.isObject()) {
            return NONE;
        }
        String landingPage = m.path("landingPage").asText(null);
        List<ArchiveAccession> accessions = new ArrayList<>();
        Link dataDoi = null;
        for (JsonNode id : m.path("identifiers")) {
            String scheme = id.path("scheme").asText("");
            String value = id.path("value").asText(null);
            if (value == null) {
                continue;
            }
            if (Identifier.DOI.equals(scheme)) {
                Optional<String> doi = Doi.normalise(value);
                if (dataDoi == null && doi.isPresent()) {
                    dataDoi = new Link(doi.get(), Doi.url(doi.get()));
                }
                continue;
            }
            Optional<Accession.Archive> archive = Accession.Archive.ofSource(scheme);
            if (archive.isPresent()) {
                Accession accession = Accession.parse(value).filter(a -> a.archive() == archive.get())
                        .orElse(new Accession(archive.get(), value));
                String url = landingPage != null
                        && landingPage.toLowerCase(Locale.ROOT).contains(accession.value().toLowerCase(Locale.ROOT))
                        ? landingPage : accession.landingUrl();
                ArchiveAccession a = new ArchiveAccession(archive.get().source(), accession.value(), url);
                if (!accessions.contains(a)) {
                    accessions.add(a);
                }
            }
        }
        return new HitLocation(accessions, dataDoi, primaryPublication(m.path("publications")),
                names(m.path("organisms")), names(m.path("imagingMethods")));
    }

    /** The publication marked primary, else the first with an identifier. */
    private static PrimaryPublication primaryPublication(JsonNode publications) {
        JsonNode chosen = null;
        for (JsonNode p : publications) {
            boolean identified = p.hasNonNull("doi") || p.hasNonNull("pmid") || p.hasNonNull("pmcid");
            if (identified && "PRIMARY".equals(p.path("relation").asText())) {
                chosen = p;
                break;
            }
            if (identified && chosen == null) {
                chosen = p;
            }
        }
        if (chosen == null) {
            return null;
        }
        String doi = chosen.path("doi").asText(null);
        String pmid = chosen.path("pmid").asText(null);
        String pmcid = chosen.path("pmcid").asText(null);
        String url = doi != null ? Doi.url(doi)
                : pmid != null ? "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/"
                : "https://www.ncbi.nlm.nih.gov/pmc/articles/" + pmcid + "/";
        return new PrimaryPublication(doi, pmid, pmcid, url);
    }

    private static List<String> names(JsonNode terms) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode t : terms) {
            String name = t.hasNonNull("name") ? t.get("name").asText() : t.path("label").asText(null);
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }
}
