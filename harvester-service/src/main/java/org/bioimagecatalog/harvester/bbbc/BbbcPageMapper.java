package org.bioimagecatalog.harvester.bbbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.mapping.PublicationLinks;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Maps one BBBC dataset page (HTML; the collection has no API) to the common model. The page is read by its
 * headings, whatever the markup around them: the accession and version line ("Accession number BBBC021 · Version
 * 1"), the title ({@code h1}), and the sections "Description of the biological application", "Images", "Metadata",
 * "Ground truth", "Recommended citation", "References"/"For more information" and "Copyright" (or "License").
 * Download links under {@code data.broadinstitute.org/bbbc/} are the access URLs. The page states organism and
 * imaging method only in prose: they are taken from the title and text (organism names; "fluorescence
 * microscopy", "brightfield", …), the words kept as written, the ids from the vocabularies.
 */
public final class BbbcPageMapper {
    static final String COLLECTION_PAPER_DOI = "10.1038/nmeth.2083";
    private static final Pattern ACCESSION_LINE = Pattern.compile("(?i)accession(?:\\s+number)?\\s*:?\\s*(BBBC\\d{3})");
    /** An accession, also as the site writes it with its version: {@code BBBC021v1}. */
    private static final Pattern ACCESSION = Pattern.compile("(?i)\\b(BBBC\\d{3})(?:v(\\d+))?\\b");
    private static final Pattern VERSION = Pattern.compile("(?i)\\bversion\\s*:?\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern TITLE_PREFIX = Pattern.compile("(?i)^BBBC\\d{3}(?:v\\d+)?\\s*[:·|–-]?\\s*");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("(?i)\\s*\\(BBBC\\d{3}(?:v\\d+)?\\)\\s*$");
    private static final Pattern DOI_TEXT = Pattern.compile("(?i)\\bdoi:?\\s*(10\\.\\d{4,9}/[^\\s\"<>]+)");
    private static final Pattern PMID_TEXT = Pattern.compile("(?i)\\bPMID:?\\s*(\\d{1,9})\\b");
    private static final Pattern IMAGE_COUNT = Pattern.compile("(?i)(\\d{1,3}(?:,\\d{3})+|\\d+)\\s+(?:image files|images|image sets? of|fields? of view)");
    private static final Pattern FILE_SIZE = Pattern.compile("(?i)\\(\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]B)\\s*\\)");
    private static final Pattern IMAGE_FORMAT = Pattern.compile("\\b(OME-TIFF|TIFF?|PNG|JPE?G|BMP|DIB|HDF5|C01)\\b");
    private static final Pattern METHOD = Pattern.compile("(?i)\\b(wide-?field fluorescence|fluorescen(?:ce|t)|confocal|bright[- ]?field|phase[- ]contrast"
            + "|differential interference contrast|DIC|light[- ]sheet|electron|two-photon|time[- ]lapse)\\s+(microscop(?:y|e|ic)|imag(?:ing|es))");
    private static final Pattern SITE_NAME = Pattern.compile("(?i)\\s*(the\\s+)?Broad Bioimage Benchmark Collection\\s*(\\(BBBC\\))?\\s*");
    /** Organism words on BBBC pages → scientific name looked up in NCBITaxon (the word itself is kept as the label). */
    private static final Map<Pattern, String> ORGANISMS = organisms();
    private static final License UNKNOWN_LICENCE = new License(null, null, "unknown");

    public BbbcPage map(byte[] bytes, String sourceUrl) throws InvalidRecordException {
        String html = new String(bytes, StandardCharsets.UTF_8);
        if (!html.contains("<")) {
            throw new InvalidRecordException("not an HTML page");
        }
        Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
        Element root = root(doc);
        String text = root.text();
        String accession = accession(root, doc, sourceUrl)
                .orElseThrow(() -> new InvalidRecordException("no BBBC accession (BBBCnnn) on the page"));
        String title = title(root, doc).orElseThrow(() -> new InvalidRecordException(accession + ": the page has no title"));
        Map<String, Section> sections = sections(root);
        String version = find(VERSION, text).or(() -> versionOf(accession, root.text())).orElse(null);

        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .identifier(Identifier.of(Identifier.BBBC, accession))
                .landingPage("https://bbbc.broadinstitute.org/" + accession)
                .studyType("benchmark image set");
        Section application = section(sections, "biological application", "description");
        Section images = section(sections, "images");
        Section groundTruth = section(sections, "ground truth");
        List<String> description = new ArrayList<>();
        if (application != null) {
            description.add(application.text());
        }
        if (groundTruth != null && !groundTruth.text().isBlank()) {
            description.add("Ground truth: " + groundTruth.text());
        }
        if (application == null && images != null && !images.text().isBlank()) {
            description.add(0, images.text()); // pages without an application section describe the set under "Images"
        }
        b.description(description.isEmpty() ? null : String.join("\n\n", description));
        boolean organismFound = organisms(b, title, application == null ? "" : application.text());
        List<CellLine> lines = cellLines(b, title + " " + (application == null ? "" : application.text()) + " "
                + (images == null ? "" : images.text()));
        if (!organismFound) {
            // "Nuclei of U2OS cells": the species of a named cell line
            lines.stream().filter(l -> l.ncbiTaxonId() != null).map(CellLine::ncbiTaxonId).distinct()
                    .forEach(taxon -> b.organism(new Organism(SPECIES.get(taxon), taxon)));
        }
        groundTruth(b, sections);
        String imagingText = (images == null ? "" : images.text()) + " " + (application == null ? "" : application.text());
        Matcher method = METHOD.matcher(imagingText);
        while (method.find()) {
            String label = method.group().strip();
            Optional<String> canonical = canonicalMethod(method.group(1));
            b.imagingMethod(new ImagingMethod(label, Fbbi.idForLabel(label).or(() -> canonical).orElse(null)));
        }
        if (images != null) {
            Matcher format = IMAGE_FORMAT.matcher(images.text());
            while (format.find()) {
                b.format(switch (format.group(1)) {
                    case "TIF" -> "TIFF";
                    case "JPG" -> "JPEG";
                    default -> format.group(1);
                });
            }
        }
        b.size(size(images, root));
        publications(b, sections, root);
        Section copyright = section(sections, "copyright", "license", "licence");
        b.license(licence(copyright));
        for (Element a : root.select("a[href]")) {
            String href = a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href");
            if (href.contains("data.broadinstitute.org/bbbc/") || href.contains("/bbbc/" + accession + "/")) {
                b.accessUrl(href);
            }
        }
        for (Accession other : Accession.findAll(text)) {
            if (!other.value().equals(accession)) {
                b.relatedDataset(Identifier.of(other.archive().source(), other.value()));
            }
        }
        if (version != null) {
            b.keyword("version " + version);
        }
        return new BbbcPage(accession, version, b.build());
    }

    /** The content part of the page (Drupal's {@code main}/{@code #content}), so menus and footers are not read. */
    private static Element root(Document doc) {
        // Drupal (today's site), then the 2020 static site's Bootstrap tab pane
        for (String selector : new String[] {"main", "#content", "article", ".region-content", ".tab-content"}) {
            Element e = doc.selectFirst(selector);
            if (e != null && e.selectFirst("h1, h2") != null) {
                return e;
            }
        }
        return doc.body();
    }

    private static Optional<String> accession(Element root, Document doc, String sourceUrl) {
        Matcher line = ACCESSION_LINE.matcher(root.text());
        if (line.find()) {
            return Optional.of(line.group(1).toUpperCase(Locale.ROOT));
        }
        for (String candidate : new String[] {text(root.selectFirst("h1")), doc.title(), sourceUrl}) {
            if (candidate != null) {
                Matcher m = ACCESSION.matcher(candidate);
                if (m.find()) {
                    return Optional.of(m.group(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The dataset's name: the content's {@code h1}, else the document title without the accession and the site's name
     * (the 2020 pages: {@code <title>BBBC021: Human MCF7 cells – …</title>}), else the content's first {@code h2}.
     * The site's own name, the banner heading of the 2020 pages, is never a title.
     */
    private static Optional<String> title(Element root, Document doc) {
        for (String candidate : new String[] {text(root.selectFirst("h1")),
                doc.title().replaceAll("\\s*[|·]\\s*Broad Bioimage Benchmark Collection.*$", ""), text(root.selectFirst("h2"))}) {
            if (candidate == null) {
                continue;
            }
            String title = TITLE_SUFFIX.matcher(TITLE_PREFIX.matcher(candidate.strip()).replaceFirst("")).replaceFirst("").strip();
            if (!title.isEmpty() && !SITE_NAME.matcher(title).matches()) {
                return Optional.of(title);
            }
        }
        return Optional.empty();
    }

    private static String text(Element e) {
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    /**
     * A section: its heading and what follows it up to the next heading or the page footer, text between elements
     * included (the 2020 pages write the licence sentence as bare text around its links).
     */
    record Section(Element headingElement, List<Node> nodes) {
        String heading() {
            return headingElement.text().strip();
        }

        List<Element> elements() {
            return nodes.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            for (Node n : nodes) {
                text.append(' ').append(n instanceof Element e ? e.text() : n instanceof TextNode t ? t.text() : "");
            }
            return text.toString().replaceAll("\\s+", " ").strip();
        }
    }

    private static Map<String, Section> sections(Element root) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Element heading : root.select("h2, h3, h4")) {
            if (heading.closest(".carousel, .carousel-caption") != null) {
                continue; // captions of example images, not sections
            }
            List<Node> content = new ArrayList<>();
            for (Node n = heading.nextSibling(); n != null; n = n.nextSibling()) {
                if (n instanceof Element e && (e.is("h1, h2, h3, h4, footer") || e.selectFirst("footer") != null)) {
                    break;
                }
                content.add(n);
            }
            sections.putIfAbsent(heading.text().strip().toLowerCase(Locale.ROOT), new Section(heading, content));
        }
        return sections;
    }

    /** The first section whose heading contains one of the words. */
    private static Section section(Map<String, Section> sections, String... words) {
        for (String word : words) {
            for (Map.Entry<String, Section> s : sections.entrySet()) {
                if (s.getKey().contains(word)) {
                    return s.getValue();
                }
            }
        }
        return null;
    }

    /** Whether an organism was found. */
    private static boolean organisms(DatasetMetadata.Builder b, String title, String application) {
        for (String text : new String[] {title, application}) {
            boolean found = false;
            for (Map.Entry<Pattern, String> o : ORGANISMS.entrySet()) {
                Matcher m = o.getKey().matcher(text);
                if (m.find()) {
                    String[] nameAndId = o.getValue().split("\\|");
                    b.organism(new Organism(m.group().strip(), NcbiTaxon.idForName(nameAndId[0]).orElse(nameAndId[1])));
                    found = true;
                }
            }
            if (found) {
                return true; // the title names the organism when it can; the prose is read only when it does not
            }
        }
        return false;
    }

    private static Optional<String> canonicalMethod(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String label = w.startsWith("fluoresc") || w.contains("wide") ? "fluorescence microscopy"
                : w.startsWith("bright") ? "bright-field microscopy"
                : w.startsWith("phase") ? "phase contrast microscopy"
                : w.equals("dic") || w.startsWith("differential") ? "differential interference contrast microscopy"
                : w.startsWith("light") ? "light sheet fluorescence microscopy"
                : w.startsWith("time") ? "time lapse microscopy"
                : w.startsWith("two") ? "two-photon laser scanning microscopy"
                : w + " microscopy";
        return Fbbi.idForLabel(label);
    }

    /** Images counted in the Images section ("39,600 image files"); bytes summed over "(1.2 GB)" next to download links. */
    private static DatasetSize size(Section images, Element root) {
        Long count = null;
        String described = null;
        if (images != null) {
            Matcher m = IMAGE_COUNT.matcher(images.text());
            if (m.find()) {
                count = Long.parseLong(m.group(1).replace(",", ""));
                described = sentenceAround(images.text(), m.start());
            }
        }
        long bytes = 0;
        boolean anyBytes = false;
        for (Element a : root.select("a[href*=/bbbc/]")) {
            String around = a.parent() == null ? "" : a.parent().text();
            Matcher s = FILE_SIZE.matcher(around);
            if (s.find()) {
                bytes += bytesOf(s.group(1), s.group(2));
                anyBytes = true;
            }
        }
        if (count == null && !anyBytes) {
            return null;
        }
        return new DatasetSize(anyBytes ? bytes : null, count, null, described);
    }

    private static long bytesOf(String number, String unit) {
        long factor = switch (unit.toUpperCase(Locale.ROOT)) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return new BigDecimal(number).multiply(BigDecimal.valueOf(factor)).longValue();
    }

    private static String sentenceAround(String text, int at) {
        int start = Math.max(text.lastIndexOf(". ", at) + 1, 0);
        int end = text.indexOf(". ", at);
        return text.substring(start, end < 0 ? text.length() : end + 1).strip();
    }

    /**
     * DOIs and PubMed ids from the links and text of the sections that cite the dataset's own papers (citation,
     * references, "for more information", and the papers the description and images sections cite), else the whole
     * page: PRIMARY. The collection's own paper (Ljosa et al. 2012, cited by every page) and the papers under
     * "Published results using this image set" (others' results on the set) are RELATED.
     */
    private static void publications(DatasetMetadata.Builder b, Map<String, Section> sections, Element root) {
        Map<Element, Publication.Relation> scope = new LinkedHashMap<>();
        for (Map.Entry<String, Section> s : sections.entrySet()) {
            String heading = s.getKey();
            Publication.Relation relation = heading.contains("published results") ? Publication.Relation.RELATED
                    : heading.matches(".*(citation|reference|more information|publication|biological application|images).*")
                            && !heading.contains("example") ? Publication.Relation.PRIMARY : null;
            if (relation != null) {
                s.getValue().elements().forEach(e -> scope.putIfAbsent(e, relation));
            }
        }
        if (scope.isEmpty()) {
            scope.put(root, Publication.Relation.PRIMARY);
        }
        Map<String, Publication> found = new LinkedHashMap<>();
        for (Map.Entry<Element, Publication.Relation> scoped : scope.entrySet()) {
            Element e = scoped.getKey();
            Publication.Relation relation = scoped.getValue();
            for (Element a : e.select("a[href]")) {
                String href = a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href");
                String title = a.text().strip();
                boolean titled = title.length() > 20 && !title.startsWith("http") && !title.matches("(?i)^(doi|pmid|pubmed|link).*");
                PublicationLinks.fromLink(href, titled ? title : null, null, relation)
                        .ifPresent(p -> found.merge(key(p), p, BbbcPageMapper::merge));
            }
            Matcher doi = DOI_TEXT.matcher(e.text());
            while (doi.find()) {
                Doi.normalise(doi.group(1)).ifPresent(d -> found.merge("doi:" + d,
                        new Publication(d, null, null, null, null, null, relation), BbbcPageMapper::merge));
            }
            Matcher pmid = PMID_TEXT.matcher(e.text());
            while (pmid.find()) {
                PubMedIds.pmid(pmid.group(1)).ifPresent(id -> {
                    if (found.values().stream().noneMatch(p -> id.equals(p.pmid()))) {
                        found.put("pmid:" + id, new Publication(null, id, null, null, null, null, relation));
                    }
                });
            }
        }
        for (Publication p : found.values()) {
            b.publication(COLLECTION_PAPER_DOI.equals(p.doi())
                    ? new Publication(p.doi(), p.pmid(), p.pmcid(), p.title(), 2012, p.authors(), Publication.Relation.RELATED)
                    : p);
        }
    }

    private static String key(Publication p) {
        return p.doi() != null ? "doi:" + p.doi() : p.pmid() != null ? "pmid:" + p.pmid() : "pmc:" + p.pmcid();
    }

    /** One paper found twice: PRIMARY wins (a paper the page cites for the set and lists among results is the set's). */
    private static Publication merge(Publication a, Publication b) {
        return new Publication(a.doi() != null ? a.doi() : b.doi(), a.pmid() != null ? a.pmid() : b.pmid(),
                a.pmcid() != null ? a.pmcid() : b.pmcid(), a.title() != null ? a.title() : b.title(), a.year(), a.authors(),
                a.relation() == Publication.Relation.PRIMARY ? a.relation() : b.relation());
    }

    /**
     * The licence link of the Copyright section ({@code rel="license"} or Creative Commons, else any recognised one),
     * named by its link text (the badge image's empty link is skipped); CC0 or public domain named in words; else
     * "unknown": a page without that section, or one naming only a copyright holder (BBBC021), grants no licence.
     */
    private static License licence(Section copyright) {
        if (copyright == null) {
            return UNKNOWN_LICENCE;
        }
        License found = null;
        for (Element e : copyright.elements()) {
            for (Element a : e.is("a[href]") ? List.of(e) : e.select("a[href]")) {
                String href = a.attr("href");
                if (a.attr("rel").equals("license") || href.contains("creativecommons.org") || href.contains("opensource.org")
                        || Spdx.idFor(a.text()).isPresent()) {
                    License l = Spdx.license(a.text().strip(), href);
                    if (found == null || found.label() == null && l != null && l.label() != null) {
                        found = l;
                    }
                }
            }
        }
        if (found != null) {
            // the 2020 CC0 pages link only the badge image: the licence is then named by its id
            return found.label() == null ? new License(found.spdx(), found.url(), found.spdx()) : found;
        }
        String text = copyright.text();
        return text.matches("(?is).*\\b(CC0|public domain)\\b.*") ? new License("CC0-1.0", null, text) : UNKNOWN_LICENCE;
    }

    /** Ground truth exists when a "Ground truth" section says something; its kinds are the badges of its heading. */
    private static void groundTruth(DatasetMetadata.Builder b, Map<String, Section> sections) {
        Section section = section(sections, "ground truth");
        if (section == null || section.text().isBlank()) {
            return;
        }
        b.keyword("ground truth");
        for (Element badge : section.headingElement().select("a.badge[title]")) {
            b.keyword("ground truth: " + badge.attr("title").toLowerCase(Locale.ROOT));
        }
    }

    /** Cell lines named in the title or the text, with the Cellosaurus accession and species of those we know. */
    private static List<CellLine> cellLines(DatasetMetadata.Builder b, String text) {
        List<CellLine> found = new ArrayList<>();
        for (KnownCellLine line : CELL_LINES) {
            Matcher m = line.pattern().matcher(text);
            if (m.find()) {
                CellLine cellLine = new CellLine(m.group().strip(), line.cellosaurusId(), line.name(), line.ncbiTaxonId());
                b.cellLine(cellLine);
                found.add(cellLine);
            }
        }
        return found;
    }

    private static final Map<String, String> SPECIES = Map.of("9606", "Homo sapiens", "9615", "Canis lupus familiaris",
            "7227", "Drosophila melanogaster", "10029", "Cricetulus griseus");

    private record KnownCellLine(Pattern pattern, String name, String cellosaurusId, String ncbiTaxonId) {
        KnownCellLine(String regex, String name, String cellosaurusId, String ncbiTaxonId) {
            this(Pattern.compile("(?i)\\b(?:" + regex + ")\\b"), name, cellosaurusId, ncbiTaxonId);
        }
    }

    /** The lines the BBBC pages name (Cellosaurus accessions; null where we do not state one). */
    private static final List<KnownCellLine> CELL_LINES = List.of(
            new KnownCellLine("U-?2 ?OS", "U2OS", "CVCL_0042", "9606"),
            new KnownCellLine("HT-?29", "HT-29", "CVCL_0320", "9606"),
            new KnownCellLine("MCF-?7", "MCF-7", "CVCL_0031", "9606"),
            new KnownCellLine("HL-?60", "HL-60", "CVCL_0002", "9606"),
            new KnownCellLine("HEK-?293T", "HEK293T", "CVCL_0063", "9606"),
            new KnownCellLine("HEK-?293(?!T)", "HEK293", "CVCL_0045", "9606"),
            new KnownCellLine("A549", "A-549", "CVCL_0023", "9606"),
            new KnownCellLine("HeLa", "HeLa", "CVCL_0030", "9606"),
            new KnownCellLine("MDCK", "MDCK", "CVCL_0422", "9615"),
            new KnownCellLine("Kc167", "Kc167", null, "7227"),
            new KnownCellLine("CHO(?:-K1)?", "CHO", null, "10029"));

    /** The version the site writes after an accession ({@code BBBC021v1} → {@code 1}). */
    private static Optional<String> versionOf(String accession, String text) {
        Matcher m = ACCESSION.matcher(text);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(accession) && m.group(2) != null) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Organism words → "scientific name|NCBI Taxonomy id" (the id used when the vocabulary does not know the name). */
    private static Map<Pattern, String> organisms() {
        Map<Pattern, String> o = new LinkedHashMap<>();
        o.put(Pattern.compile("(?i)\\bhuman\\b"), "homo sapiens|9606");
        o.put(Pattern.compile("(?i)\\bHomo sapiens\\b"), "homo sapiens|9606");
        o.put(Pattern.compile("(?i)\\b(?:mouse|murine|Mus musculus)\\b"), "mus musculus|10090");
        o.put(Pattern.compile("(?i)\\b(?:rat|Rattus norvegicus)\\b"), "rattus norvegicus|10116");
        o.put(Pattern.compile("(?i)\\bDrosophila(?: melanogaster)?\\b"), "drosophila melanogaster|7227");
        o.put(Pattern.compile("(?i)\\b(?:C\\. elegans|Caenorhabditis elegans)(?!\\w)"), "caenorhabditis elegans|6239");
        o.put(Pattern.compile("(?i)\\b(?:zebrafish|Danio rerio)\\b"), "danio rerio|7955");
        o.put(Pattern.compile("(?i)\\b(?:E\\. coli|Escherichia coli)\\b"), "escherichia coli|562");
        o.put(Pattern.compile("(?i)\\b(?:S\\. cerevisiae|Saccharomyces cerevisiae|budding yeast)\\b"), "saccharomyces cerevisiae|4932");
        o.put(Pattern.compile("(?i)\\bArabidopsis(?: thaliana)?\\b"), "arabidopsis thaliana|3702");
        o.put(Pattern.compile("(?i)\\b(?:Chinese hamster|Cricetulus griseus)\\b"), "cricetulus griseus|10029");
        o.put(Pattern.compile("(?i)\\b(?:P\\. vivax|Plasmodium vivax)\\b"), "plasmodium vivax|5855");
        o.put(Pattern.compile("(?i)\\b(?:canine|Canis (?:lupus )?familiaris)\\b"), "canis lupus familiaris|9615");
        return o;
    }
}
