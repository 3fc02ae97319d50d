package org.bioimagecatalog.harvester.bia;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.bia.PageTabSection.Attribute;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.mapping.OntologyTerms;
import org.bioimagecatalog.harvester.mapping.PublicationLinks;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Maps a BioStudies study ("PageTab" JSON as {@code /biostudies/api/v1/studies/{accno}} serves it) to the common
 * model. Title, description, release date and licence are read from the document's top-level attributes or
 * from the {@code Study} section, whichever holds them (templates differ); every section type is found wherever
 * it sits in the tree and however its type is spelt.
 *
 * <p>Cross-references: a study that mirrors an IDR study ({@code RootPath} {@code S-IMDR0067} or {@code idr0042},
 * {@code IDR accession number}) carries that accession among its identifiers; accessions in links
 * ({@code BBBC024}, {@code EMPIAR-11380}) and other link URLs become related datasets. A top-level {@code DOI}
 * of the archive's own prefix {@code 10.6019} is the dataset DOI; any other is a related publication.
 */
public final class BioStudiesStudyMapper {
    private static final String ARCHIVE_DOI_PREFIX = "10.6019/";
    private static final String ONLY_ORGANISATION = "\u0000only";
    private static final Pattern IDR_ROOT_PATH = Pattern.compile("(?i)^(?:S-IMDR|idr)(\\d{4})$");

    public BiaStudy map(byte[] bytes) throws InvalidRecordException {
        JsonNode document = JsonRecords.parse(bytes);
        if (!document.isObject()) {
            throw new InvalidRecordException("not a BioStudies study: the document is not a JSON object");
        }
        String accno = JsonRecords.text(document, "accno");
        if (accno == null) {
            throw new InvalidRecordException("not a BioStudies study: it has no 'accno'");
        }
        JsonNode sectionNode = document.get("section");
        if (sectionNode == null || !sectionNode.isObject()) {
            throw new InvalidRecordException("not a BioStudies study: " + accno + " has no 'section'");
        }
        PageTabSection top = new PageTabSection("submission", accno,
                PageTabSection.attributes(document.get("attributes")), List.of(), List.of(), List.of());
        PageTabSection study = PageTabSection.of(sectionNode);
        List<PageTabSection> tree = study.tree();

        String title = study.value("Title").or(() -> top.value("Title")).orElse(null);
        if (title == null) {
            throw new InvalidRecordException(accno + " has no Title (neither at top level nor in its Study section)");
        }
        Optional<Accession> accession = Accession.parse(accno);
        String archive = accession.map(a -> a.archive().source()).orElse(Identifier.BIA);
        String nativeId = accession.map(Accession::value).orElse(accno);
        boolean bioImages = top.values("AttachTo").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).startsWith("bioimages"));

        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .description(study.value("Description", "Abstract").or(() -> top.value("Description")).orElse(null))
                .identifier(Identifier.of(archive, nativeId))
                .landingPage("https://www.ebi.ac.uk/biostudies/" + (bioImages ? "bioimages/" : "") + "studies/" + nativeId)
                .released(JsonRecords.date(top.value("ReleaseDate").or(() -> study.value("ReleaseDate", "Release date")).orElse(null)));
        mirrors(top, study, b);
        license(study, top, b);
        study.values("Keyword", "Keywords").forEach(b::keyword);
        study.values("Study type").forEach(b::studyType);
        study.values("Funding statement").forEach(b::funding);

        Map<String, String> organisations = organisations(tree);
        for (PageTabSection section : tree) {
            if (section.is("author")) {
                b.creator(creator(section, organisations));
            } else if (section.is("Publication")) {
                b.publication(publication(section));
            } else if (section.is("Funding")) {
                b.funding(funding(section));
            } else if (section.is("Biosample")) {
                section.values("Biological entity").forEach(b::sampleType);
                section.attributesNamed("Organism").forEach(o -> b.organism(OntologyTerms.organism(o.value(), o.qualifier("TermId"))));
            } else if (section.is("Organism")) {
                b.organism(OntologyTerms.organism(section.value("Scientific name").orElse(null),
                        section.value("NCBI taxon ID").orElse(null)));
            } else if (section.is("Image acquisition")) {
                section.attributesNamed("Imaging method").forEach(m -> b.imagingMethod(
                        OntologyTerms.imagingMethod(m.value(), m.qualifier("TermId"))));
            } else if (section.is("Imaging Method")) {
                b.imagingMethod(OntologyTerms.imagingMethod(section.value("Ontology Value").orElse(null),
                        section.value("Ontology Term ID").orElse(null)));
            } else if (section.is("Experiment")) {
                section.values("Sample type").forEach(b::sampleType);
                section.attributesNamed("Imaging Method").forEach(m -> b.imagingMethod(
                        OntologyTerms.imagingMethod(m.value(), m.qualifier("TermId"))));
            }
        }
        study.attributesNamed("Organism").forEach(o -> b.organism(OntologyTerms.organism(o.value(),
                Optional.ofNullable(o.qualifier("TermId")).orElse(study.value("NCBI Taxonomy ID").orElse(null)))));
        doi(top, b);
        links(tree, b);
        files(tree, b);
        return new BiaStudy(archive, nativeId, b.build());
    }

    private static void doi(PageTabSection top, DatasetMetadata.Builder b) {
        for (String value : top.values("DOI")) {
            Doi.normalise(value).ifPresent(doi -> {
                if (doi.startsWith(ARCHIVE_DOI_PREFIX)) {
                    b.identifier(Identifier.of(Identifier.DOI, doi));
                } else {
                    b.publication(new Publication(doi, null, null, null, null, null, Publication.Relation.RELATED));
                }
            });
        }
    }

    private static void mirrors(PageTabSection top, PageTabSection study, DatasetMetadata.Builder b) {
        List<String> candidates = new ArrayList<>(top.values("RootPath"));
        candidates.addAll(study.values("IDR accession number"));
        for (String candidate : candidates) {
            Matcher m = IDR_ROOT_PATH.matcher(candidate.strip());
            if (m.matches()) {
                b.identifier(Identifier.of(Identifier.IDR, "idr" + m.group(1)));
            }
        }
    }

    private static void license(PageTabSection study, PageTabSection top, DatasetMetadata.Builder b) {
        Optional<Attribute> license = study.attributesNamed("License").stream().findFirst()
                .or(() -> top.attributesNamed("License").stream().findFirst());
        license.ifPresent(l -> b.license(Spdx.license(l.value(), l.qualifier("URL"))));
    }

    /**
     * Organisation names by accno, so that authors' affiliation references resolve to names. Some older studies
     * reference {@code o1} from an organisation section that has no accno; with a single organisation in the
     * study, that one is meant (key {@link #ONLY_ORGANISATION}).
     */
    private static Map<String, String> organisations(List<PageTabSection> tree) {
        Map<String, String> byAccno = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (PageTabSection s : tree) {
            if (s.is("organisation")) {
                s.value("Name").ifPresent(name -> {
                    names.add(name);
                    if (s.accno() != null) {
                        byAccno.put(s.accno(), name);
                    }
                });
            }
        }
        if (names.size() == 1) {
            byAccno.put(ONLY_ORGANISATION, names.get(0));
        }
        return byAccno;
    }

    private static Creator creator(PageTabSection author, Map<String, String> organisations) {
        String name = author.value("Name").orElse(null);
        String orcid = author.value("ORCID").flatMap(Orcid::normalise).orElse(null);
        String email = author.value("Email").orElse(null);
        if (name == null && orcid == null && email == null) {
            return null;
        }
        List<String> affiliations = new ArrayList<>();
        for (Attribute a : author.attributesNamed("affiliation")) {
            String org;
            if (a.value() == null) {
                org = null;
            } else if (a.reference() || organisations.containsKey(a.value())) {
                org = organisations.getOrDefault(a.value(), organisations.get(ONLY_ORGANISATION));
            } else {
                org = a.value();
            }
            if (org != null && !affiliations.contains(org)) {
                affiliations.add(org);
            }
        }
        List<String> roles = new ArrayList<>();
        for (String role : author.values("Role")) {
            for (String part : role.split(",")) {
                if (!part.isBlank() && !roles.contains(part.strip())) {
                    roles.add(part.strip());
                }
            }
        }
        return new Creator(name, orcid, affiliations.isEmpty() ? null : String.join("; ", affiliations),
                email, roles);
    }

    private static Publication publication(PageTabSection section) {
        String doi = section.value("DOI").flatMap(PublicationLinks::doi).orElse(null);
        String pmid = section.value("PubMed ID", "Pubmed ID").flatMap(PubMedIds::pmid).orElse(null);
        String pmcid = section.value("PMC ID").flatMap(PubMedIds::pmcid).orElse(null);
        String title = section.value("Title").orElse(null);
        if (doi == null && pmid == null && pmcid == null && title == null) {
            return null;
        }
        return new Publication(doi, pmid, pmcid, title, section.value("Year").map(JsonRecords::year).orElse(null),
                section.value("Authors").orElse(null), Publication.Relation.PRIMARY);
    }

    private static String funding(PageTabSection section) {
        String agency = section.value("Agency").orElse(null);
        String grant = section.value("grant_id", "Grant ID").orElse(null);
        if (agency == null) {
            return grant;
        }
        return grant == null ? agency : agency + " (" + grant + ")";
    }

    private static void links(List<PageTabSection> tree, DatasetMetadata.Builder b) {
        for (PageTabSection section : tree) {
            for (PageTabSection.Link link : section.links()) {
                List<Accession> accessions = Accession.findAll(link.url());
                Optional<String> doi = PublicationLinks.doi(link.url());
                if (!accessions.isEmpty()) {
                    accessions.forEach(a -> b.relatedDataset(Identifier.of(a.archive().source(), a.value())));
                } else if (doi.isPresent()) {
                    b.relatedDataset(Identifier.of(Identifier.DOI, doi.get()));
                } else if (link.url().startsWith("http")) {
                    b.relatedDataset(Identifier.of(Identifier.URL, link.url()));
                }
            }
        }
    }

    /** Files listed in the study itself (small submissions); large ones keep theirs in separate file lists. */
    private static void files(List<PageTabSection> tree, DatasetMetadata.Builder b) {
        long count = 0;
        long bytes = 0;
        boolean allSized = true;
        for (PageTabSection section : tree) {
            for (PageTabSection.FileEntry file : section.files()) {
                count++;
                if (file.size() == null) {
                    allSized = false;
                } else {
                    bytes += file.size();
                }
                file.attributes().stream().filter(a -> PageTabSection.same(a.name(), "Type") || PageTabSection.same(a.name(), "Format"))
                        .map(Attribute::value).forEach(b::format);
            }
        }
        if (count > 0) {
            b.size(new DatasetSize(allSized ? bytes : null, null, count, null));
        }
    }
}
