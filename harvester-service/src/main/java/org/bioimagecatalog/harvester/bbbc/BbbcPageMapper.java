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
    /** Organism words on BBBC pages → scientific name looked up in NCBITaxon (the word itself is kept as the label). */
    private static final Map<Pattern, String> ORGANISMS = organisms();

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
        b.description(description.isEmpty() ? null : String.join("\n\n", description));
        organisms(b, title, application == null ? "" : application.text());
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
        for (String selector : new String[] {"main", "#content", "article", ".region-content"}) {
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

    private static Optional<String> title(Element root, Document doc) {
        String h1 = text(root.selectFirst("h1"));
        String title = h1 != null ? h1 : doc.title().replaceAll("\\s*[|·]\\s*Broad Bioimage Benchmark Collection.*$", "");
        title = TITLE_SUFFIX.matcher(TITLE_PREFIX.matcher(title.strip()).replaceFirst("")).replaceFirst("").strip();
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
    }

    private static String text(Element e) {
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    /** A section: its heading and the elements up to the next heading. */
    record Section(String heading, List<Element> elements) {
        String text() {
            return String.join(" ", elements.stream().map(Element::text).filter(t -> !t.isBlank()).toList()).strip();
        }
    }

    private static Map<String, Section> sections(Element root) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Element heading : root.select("h2, h3, h4")) {
            List<Element> content = new ArrayList<>();
            for (Element e = heading.nextElementSibling(); e != null && !e.is("h1, h2, h3, h4"); e = e.nextElementSibling()) {
                content.add(e);
            }
            sections.putIfAbsent(heading.text().strip().toLowerCase(Locale.ROOT), new Section(heading.text().strip(), content));
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

    private static void organisms(DatasetMetadata.Builder b, String title, String application) {
        for (String text : new String[] {title, application}) {
            boolean found = false;
            for (Map.Entry<Pattern, String> o : ORGANISMS.entrySet()) {
                Matcher m = o.getKey().matcher(text);
                if (m.find()) {
                    b.organism(new Organism(m.group().strip(), NcbiTaxon.idForName(o.getValue()).orElse(null)));
                    found = true;
                }
            }
            if (found) {
                return; // the title names the organism when it can; the prose is read only when it does not
            }
        }
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
     * DOIs and PubMed ids from the links and text of the citation and reference sections (else the whole page). The
     * collection's own paper (Ljosa et al. 2012, cited by every page) is RELATED; the dataset's papers PRIMARY.
     */
    private static void publications(DatasetMetadata.Builder b, Map<String, Section> sections, Element root) {
        List<Element> scope = new ArrayList<>();
        for (String word : new String[] {"citation", "reference", "more information", "publication"}) {
            for (Map.Entry<String, Section> s : sections.entrySet()) {
                if (s.getKey().contains(word)) {
                    scope.addAll(s.getValue().elements());
                }
            }
        }
        if (scope.isEmpty()) {
            scope.add(root);
        }
        Map<String, Publication> found = new LinkedHashMap<>();
        for (Element e : scope) {
            for (Element a : e.select("a[href]")) {
                String href = a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href");
                String title = a.text().strip();
                boolean titled = title.length() > 20 && !title.startsWith("http") && !title.matches("(?i)^(doi|pmid|pubmed|link).*");
                PublicationLinks.fromLink(href, titled ? title : null, null, Publication.Relation.PRIMARY)
                        .ifPresent(p -> found.merge(key(p), p, BbbcPageMapper::merge));
            }
            Matcher doi = DOI_TEXT.matcher(e.text());
            while (doi.find()) {
                Doi.normalise(doi.group(1)).ifPresent(d -> found.merge("doi:" + d,
                        new Publication(d, null, null, null, null, null, Publication.Relation.PRIMARY), BbbcPageMapper::merge));
            }
            Matcher pmid = PMID_TEXT.matcher(e.text());
            while (pmid.find()) {
                PubMedIds.pmid(pmid.group(1)).ifPresent(id -> {
                    if (found.values().stream().noneMatch(p -> id.equals(p.pmid()))) {
                        found.put("pmid:" + id, new Publication(null, id, null, null, null, null, Publication.Relation.PRIMARY));
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

    private static Publication merge(Publication a, Publication b) {
        return new Publication(a.doi() != null ? a.doi() : b.doi(), a.pmid() != null ? a.pmid() : b.pmid(),
                a.pmcid() != null ? a.pmcid() : b.pmcid(), a.title() != null ? a.title() : b.title(), a.year(), a.authors(),
                a.relation());
    }

    /** The licence link of the Copyright section (Creative Commons, else any), with its text; else the section's words. */
    private static License licence(Section copyright) {
        if (copyright == null) {
            return null;
        }
        for (Element e : copyright.elements()) {
            for (Element a : e.select("a[href]")) {
                String href = a.attr("href");
                if (href.contains("creativecommons.org") || href.contains("opensource.org") || Spdx.idFor(a.text()).isPresent()) {
                    return Spdx.license(a.text().strip(), href);
                }
            }
        }
        String text = copyright.text();
        if (text.isBlank()) {
            return null;
        }
        String spdx = text.matches("(?is).*\\b(CC0|public domain)\\b.*") ? "CC0-1.0" : null;
        return new License(spdx, null, text);
    }

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

    private static Map<Pattern, String> organisms() {
        Map<Pattern, String> o = new LinkedHashMap<>();
        o.put(Pattern.compile("(?i)\\bhuman\\b"), "homo sapiens");
        o.put(Pattern.compile("(?i)\\bHomo sapiens\\b"), "homo sapiens");
        o.put(Pattern.compile("(?i)\\b(?:mouse|murine|Mus musculus)\\b"), "mus musculus");
        o.put(Pattern.compile("(?i)\\b(?:rat|Rattus norvegicus)\\b"), "rattus norvegicus");
        o.put(Pattern.compile("(?i)\\bDrosophila(?: melanogaster)?\\b"), "drosophila melanogaster");
        o.put(Pattern.compile("(?i)\\b(?:C\\. elegans|Caenorhabditis elegans)\\b"), "caenorhabditis elegans");
        o.put(Pattern.compile("(?i)\\b(?:zebrafish|Danio rerio)\\b"), "danio rerio");
        o.put(Pattern.compile("(?i)\\b(?:E\\. coli|Escherichia coli)\\b"), "escherichia coli");
        o.put(Pattern.compile("(?i)\\b(?:S\\. cerevisiae|Saccharomyces cerevisiae|budding yeast)\\b"), "saccharomyces cerevisiae");
        o.put(Pattern.compile("(?i)\\bArabidopsis(?: thaliana)?\\b"), "arabidopsis thaliana");
        return o;
    }
}
