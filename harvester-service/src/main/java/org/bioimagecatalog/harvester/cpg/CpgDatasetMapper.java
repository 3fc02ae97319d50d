package org.bioimagecatalog.harvester.cpg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Reads the Gallery's documents ({@link CpgDocuments}) into one record per dataset: every name registered in
 * {@code prefixes.md} or listed in the README's "Complete datasets" table, with the README row's description,
 * publications, associated repositories, sizes, protocol and aliases, the rows of {@code publications.md} that name
 * it, the Gallery-wide licence and the Gallery paper. A table row that cannot be read (wrong number of cells, a
 * name that is not {@code cpgNNNN…}) becomes a rejected entry with the line it is on.
 */
public final class CpgDatasetMapper {
    public static final String ARCHIVE = "cpg";
    private static final Pattern NAME = Pattern.compile("^(cpg\\d{4})(?:-[\\w.-]+)?$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    /** A citation group such as {@code (Chandrasekaran et al., 2024)} followed by its links, or a link. */
    private static final Pattern CITATION_OR_LINK = Pattern.compile("\\(([^()\\[\\]]*?)[,\\s]+(\\d{4})\\)|" + LINK.pattern());
    private static final Pattern SIZE = Pattern.compile("(?i)^~?\\s*(\\d*\\.?\\d+)\\s*([KMGT]?B)$");
    private static final Pattern PUBLISHER_DOI = Pattern.compile("/doi/(?:abs/|full/)?(10\\.\\d{4,9}/[^?#\\s]+)");
    private static final Pattern ARXIV = Pattern.compile("(?i)arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})");
    private static final Pattern NATURE = Pattern.compile("(?i)nature\\.com/articles/(s\\d{5}-\\d{3}-\\d{5}-\\w)");
    private static final Pattern LICENCE_SENTENCE = Pattern.compile(
            "(?im)released with (?:the )?(?:\\[([^\\]]+)\\]\\(([^)\\s]+)\\)|(.+?))\\.?\\s*$");
    private static final Pattern ANNOUNCING = Pattern.compile(
            "(?i)announcing the Cell Painting Gallery \\(\\[([^\\]]*?)[,\\s]+(\\d{4})\\]\\(([^)\\s]+)\\)");
    private static final Pattern FULL_REFERENCE = Pattern.compile("\\(\\d{4}\\)\\.\\s*([^\\n]+?)\\.\\s+[^\\n]*?(https?://(?:dx\\.)?doi\\.org/\\S+)");
    /** Human cell lines the Gallery's descriptions name; the Gallery gives no organism field. */
    private static final Pattern HUMAN_CELL_LINE = Pattern.compile(
            "\\b(U2OS|A549|MCF-?7|HeLa|HepG2|HCT116|Huh7|iPSC)\\b");
    /** Every Gallery dataset is a Cell Painting assay: fluorescence microscopy (AWS registry entry: "fluorescence microscopy cell images"). */
    private static final ImagingMethod CELL_PAINTING_IMAGING = Fbbi.method("fluorescence microscopy", null);

    /** One dataset of the Gallery, or why its row cannot be used. */
    public record Entry(String name, String accession, String location, DatasetMetadata metadata, String rejection,
            String excerpt) {}

    public List<Entry> map(CpgDocuments docs) {
        // accession → the dataset's name (prefixes.md and the README may spell it cpg0013 or cpg0013-…: the longer wins)
        Map<String, String> names = new TreeMap<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, Entry> broken = new LinkedHashMap<>();
        List<Entry> rejected = new ArrayList<>();
        MarkdownTable readme = docs.readme() == null ? null : MarkdownTable.all(docs.readme()).stream()
                .filter(t -> t.hasColumns("Dataset name", "Description")).findFirst().orElse(null);
        if (docs.prefixes() != null) {
            for (MarkdownTable t : MarkdownTable.all(docs.prefixes())) {
                if (t.column("Dataset name") < 0) {
                    continue;
                }
                for (MarkdownTable.Row row : t.rows()) {
                    String name = linkText(row.cells().get(t.column("Dataset name")));
                    if (NAME.matcher(name).matches()) {
                        addName(names, name);
                    } else if (!name.isBlank()) {
                        rejected.add(reject(docs.prefixesUrl(), row, "prefixes.md line " + row.line()
                                + ": '" + name + "' is not a Cell Painting Gallery name (cpgNNNN-…)"));
                    }
                }
            }
        }
        if (readme != null) {
            int nameColumn = readme.column("Dataset name");
            for (MarkdownTable.Row row : readme.rows()) {
                String name = linkText(row.cells().size() > nameColumn ? row.cells().get(nameColumn) : "");
                if (!NAME.matcher(name).matches()) {
                    rejected.add(reject(docs.readmeUrl(), row, "README.md line " + row.line() + ": '" + name
                            + "' is not a Cell Painting Gallery name (cpgNNNN-…)"));
                } else if (row.cells().size() != readme.header().size()) {
                    // half a row would publish half a record: the dataset is rejected until its row is fixed
                    broken.put(accession(name), new Entry(name, accession(name), docs.readmeUrl() + "#" + name, null,
                            "README.md line " + row.line() + ": " + row.cells().size() + " cells where the dataset table has "
                                    + readme.header().size() + " columns", String.join(" | ", row.cells())));
                } else {
                    rows.put(accession(name), row.cells());
                    addName(names, name);
                }
            }
        }
        Map<String, List<Publication>> listed = publicationsByName(docs.publications());
        License licence = licence(docs);
        Optional<Publication> galleryPaper = galleryPaper(docs);
        List<Entry> entries = new ArrayList<>();
        names.forEach((accession, name) -> {
            if (broken.containsKey(accession)) {
                return;
            }
            List<String> row = rows.get(accession);
            String where = (row != null ? docs.readmeUrl() : docs.prefixesUrl()) + "#" + name;
            DatasetMetadata m = dataset(name, readme, row, listed.getOrDefault(accession, List.of()), licence, galleryPaper);
            entries.add(new Entry(name, accession, where, m, null, null));
        });
        entries.addAll(broken.values());
        entries.addAll(rejected);
        return entries;
    }

    private static void addName(Map<String, String> names, String name) {
        names.merge(accession(name), name, (a, b) -> b.length() > a.length() ? b : a);
    }

    private static Entry reject(String url, MarkdownTable.Row row, String reason) {
        return new Entry(null, null, url + "#L" + row.line(), null, reason, String.join(" | ", row.cells()));
    }

    static String accession(String name) {
        return name.substring(0, 7).toLowerCase(Locale.ROOT);
    }

    private DatasetMetadata dataset(String name, MarkdownTable table, List<String> row, List<Publication> listed,
            License licence, Optional<Publication> galleryPaper) {
        String accession = accession(name);
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(name)
                .identifier(Identifier.of(ARCHIVE, accession))
                .landingPage("https://cellpainting-gallery.s3.amazonaws.com/index.html#" + name + "/")
                .accessUrl("s3://cellpainting-gallery/" + name + "/")
                .accessUrl("https://cellpainting-gallery.s3.amazonaws.com/index.html#" + name + "/")
                .license(licence)
                .studyType("Cell Painting")
                .imagingMethod(CELL_PAINTING_IMAGING);
        List<Publication> publications = new ArrayList<>();
        if (row != null) {
            String description = cell(table, row, "Description");
            b.description(description == null ? null : plainText(description));
            if (description != null) {
                Matcher lines = HUMAN_CELL_LINE.matcher(description);
                while (lines.find()) {
                    b.organism(new Organism(lines.group(1), "9606"));
                    b.sampleType(lines.group(1) + " cells");
                }
            }
            publications.addAll(citedPublications(cell(table, row, "Publication to cite")));
            repositories(b, cell(table, row, "Associated repositories"));
            b.size(size(cell(table, row, "Total size"), cell(table, row, "Images size"), cell(table, row, "Numerical data size")));
            String protocol = cell(table, row, "Cell Painting protocol");
            if (protocol != null) {
                b.keyword("Cell Painting protocol: " + protocol);
            }
            aliases(b, cell(table, row, "Other aliases"));
        }
        for (Publication p : listed) {
            mergePublication(publications, p, true);
        }
        galleryPaper.ifPresent(p -> mergePublication(publications, p, false));
        publications.forEach(b::publication);
        return b.build();
    }

    private static String cell(MarkdownTable table, List<String> row, String column) {
        int i = table.column(column);
        if (i < 0 || i >= row.size() || row.get(i).isBlank()) {
            return null;
        }
        return row.get(i).strip();
    }

    /**
     * "(Haghighi et al., 2022) [Publication](doi), [Preprint](doi)": each link belongs to the citation before it.
     * A Publication/Paper link is PRIMARY; a Preprint is PRIMARY only when its citation has no published version.
     */
    static List<Publication> citedPublications(String cell) {
        List<Publication> result = new ArrayList<>();
        if (cell == null) {
            return result;
        }
        String authors = null;
        Integer year = null;
        List<String[]> group = new ArrayList<>();
        Matcher m = CITATION_OR_LINK.matcher(cell);
        while (m.find()) {
            if (m.group(2) != null) {
                addGroup(result, group, authors, year);
                group.clear();
                authors = m.group(1).strip();
                year = Integer.valueOf(m.group(2));
            } else {
                group.add(new String[] {m.group(3).strip(), m.group(4)});
            }
        }
        addGroup(result, group, authors, year);
        return result;
    }

    private static void addGroup(List<Publication> result, List<String[]> links, String authors, Integer year) {
        // a published version counts only when its link names an identifier (a proceedings PDF names none)
        boolean published = links.stream().anyMatch(l -> !isPreprint(l[0]) && doi(l[1]).isPresent());
        for (String[] link : links) {
            Publication.Relation relation = isPreprint(link[0]) && published ? Publication.Relation.RELATED : Publication.Relation.PRIMARY;
            publication(link[1], null, year, authors, relation).ifPresent(p -> mergePublication(result, p, false));
        }
    }

    private static boolean isPreprint(String label) {
        return label.toLowerCase(Locale.ROOT).contains("preprint");
    }

    /** A publication from a URL: DOI from resolver, bioRxiv, publisher {@code /doi/…}, arXiv and Nature article URLs; PubMed ids. */
    static Optional<Publication> publication(String url, String title, Integer year, String authors, Publication.Relation relation) {
        String doi = doi(url).orElse(null);
        String pmid = PublicationLinks.pmid(url).orElse(null);
        String pmcid = PublicationLinks.pmcid(url).orElse(null);
        if (doi == null && pmid == null && pmcid == null && title == null) {
            return Optional.empty();
        }
        return Optional.of(new Publication(doi, pmid, pmcid, title, year, authors, relation));
    }

    static Optional<String> doi(String url) {
        Optional<String> doi = PublicationLinks.doi(url);
        if (doi.isPresent()) {
            return doi;
        }
        Matcher publisher = PUBLISHER_DOI.matcher(url);
        if (publisher.find()) {
            return Doi.normalise(publisher.group(1));
        }
        Matcher arxiv = ARXIV.matcher(url);
        if (arxiv.find()) {
            return Optional.of("10.48550/arxiv." + arxiv.group(1));
        }
        Matcher nature = NATURE.matcher(url);
        if (nature.find()) {
            return Doi.normalise("10.1038/" + nature.group(1));
        }
        return Optional.empty();
    }

    /**
     * Adds {@code p}, or merges it into the publication with the same DOI or PubMed id: the README's citation
     * decides the relation and authors; a publications.md row ({@code fromListing}) brings its own title and year.
     */
    private static void mergePublication(List<Publication> publications, Publication p, boolean fromListing) {
        for (int i = 0; i < publications.size(); i++) {
            Publication q = publications.get(i);
            boolean same = p.doi() != null && p.doi().equals(q.doi()) || p.pmid() != null && p.pmid().equals(q.pmid());
            if (same) {
                publications.set(i, new Publication(first(q.doi(), p.doi()), first(q.pmid(), p.pmid()),
                        first(q.pmcid(), p.pmcid()),
                        fromListing ? first(p.title(), q.title()) : first(q.title(), p.title()),
                        fromListing ? first(p.year(), q.year()) : first(q.year(), p.year()),
                        first(q.authors(), p.authors()), q.relation()));
                return;
            }
        }
        if (p.hasIdentifier() || p.title() != null) {
            publications.add(p);
        }
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    /** "[data](github…), [aggregated profiles](https://doi.org/10.5281/zenodo.…)": DOIs and URLs as related datasets. */
    private static void repositories(DatasetMetadata.Builder b, String cell) {
        if (cell == null) {
            return;
        }
        Matcher m = LINK.matcher(cell);
        while (m.find()) {
            String url = m.group(2);
            b.relatedDataset(PublicationLinks.doi(url).map(d -> Identifier.of(Identifier.DOI, d))
                    .orElse(Identifier.of(Identifier.URL, url)));
        }
    }

    /**
     * "[BBBC021](…), CDRP, idr0016": the Gallery states these are other names of the same images, so archive
     * accessions (from the link text) are identifiers of the dataset, which the catalog merges on; other names
     * are keywords.
     */
    private static void aliases(DatasetMetadata.Builder b, String cell) {
        if (cell == null) {
            return;
        }
        for (String alias : plainText(cell).split(",")) {
            String a = alias.strip();
            Optional<Accession> accession = Accession.parse(a);
            if (accession.isPresent()) {
                b.identifier(Identifier.of(accession.get().archive().source(), accession.get().value()));
            } else if (!a.isEmpty()) {
                b.keyword(a);
            }
        }
    }

    /** Total, images and numerical data sizes ("12.3 TB", "~10 TB", ".3 GB", "0"), decimal units; the text kept. */
    static DatasetSize size(String total, String images, String numerical) {
        if (total == null && images == null && numerical == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (total != null) {
            parts.add("total " + total);
        }
        if (images != null) {
            parts.add("images " + images);
        }
        if (numerical != null) {
            parts.add("numerical data " + numerical);
        }
        return new DatasetSize(bytes(total).orElse(null), null, null, String.join("; ", parts));
    }

    static Optional<Long> bytes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValue());
    }

    /** publications.md: First Author, Title, Year, Publication URL (links), Dataset Name in Gallery. */
    private static Map<String, List<Publication>> publicationsByName(String markdown) {
        Map<String, List<Publication>> byAccession = new LinkedHashMap<>();
        if (markdown == null) {
            return byAccession;
        }
        for (MarkdownTable t : MarkdownTable.all(markdown)) {
            if (!t.hasColumns("Title", "Dataset Name in Gallery")) {
                continue;
            }
            for (MarkdownTable.Row row : t.rows()) {
                String name = linkText(cell(t, row.cells(), "Dataset Name in Gallery") == null ? "" : cell(t, row.cells(), "Dataset Name in Gallery"));
                if (!NAME.matcher(name).matches()) {
                    continue;
                }
                String title = cell(t, row.cells(), "Title");
                String author = cell(t, row.cells(), "First Author");
                String yearText = cell(t, row.cells(), "Year");
                Integer year = yearText != null && yearText.matches("\\d{4}") ? Integer.valueOf(yearText) : null;
                String links = cell(t, row.cells(), "Publication URL");
                List<Publication> found = new ArrayList<>();
                Matcher m = LINK.matcher(links == null ? "" : links);
                boolean published = links != null && LINK.matcher(links).results().anyMatch(r -> !isPreprint(r.group(1)));
                while (m.find()) {
                    Publication.Relation relation = isPreprint(m.group(1)) && published ? Publication.Relation.RELATED
                            : Publication.Relation.PRIMARY;
                    // the title belongs to the published version; a preprint beside it keeps none
                    String own = relation == Publication.Relation.RELATED ? null : title;
                    publication(m.group(2), own, year, author == null ? null : author + " et al.", relation)
                            .ifPresent(found::add);
                }
                if (found.isEmpty() && title != null) {
                    found.add(new Publication(null, null, null, title, year, author, Publication.Relation.PRIMARY));
                }
                byAccession.computeIfAbsent(accession(name), k -> new ArrayList<>()).addAll(found);
            }
        }
        return byAccession;
    }

    /** "All the data is released with CC0 1.0 Universal (CC0 1.0)." (README); the licence URL from citing.md. */
    static License licence(CpgDocuments docs) {
        String label = null;
        String url = null;
        for (String text : new String[] {docs.readme(), docs.citing()}) {
            Matcher m = text == null ? null : LICENCE_SENTENCE.matcher(text);
            if (m != null && m.find()) {
                label = label != null ? label : m.group(1) != null ? m.group(1).strip() : m.group(3).strip();
                url = url != null ? url : m.group(2);
            }
        }
        if (label == null && url == null) {
            return null;
        }
        String l = label;
        String spdx = Spdx.idFor(url).or(() -> Spdx.idFor(l)).or(() -> spdxInParentheses(l)).orElse(null);
        return new License(spdx, url, label);
    }

    private static Optional<String> spdxInParentheses(String label) {
        if (label == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\\(([^)]+)\\)").matcher(label);
        return m.find() ? Spdx.idFor(m.group(1)) : Optional.empty();
    }

    /**
     * The Gallery's own paper, RELATED to every dataset: the README cites it as "our Nature Methods publication
     * announcing the Cell Painting Gallery ([Weisbart et al., 2024](doi))"; citing.md gives the reference in full
     * ("… (2024). Cell Painting Gallery: an open resource for image-based profiling. Nature Methods. https://doi.org/…"),
     * from which the title is taken.
     */
    static Optional<Publication> galleryPaper(CpgDocuments docs) {
        Matcher cited = docs.readme() == null ? null : ANNOUNCING.matcher(docs.readme());
        if (cited == null || !cited.find()) {
            return Optional.empty();
        }
        String title = null;
        if (docs.citing() != null) {
            Matcher full = FULL_REFERENCE.matcher(docs.citing());
            while (full.find()) {
                if (PublicationLinks.doi(full.group(2)).equals(PublicationLinks.doi(cited.group(3)))) {
                    title = full.group(1).strip();
                    break;
                }
            }
        }
        return publication(cited.group(3), title, Integer.valueOf(cited.group(2)), cited.group(1).strip(),
                Publication.Relation.RELATED);
    }

    /** Markdown links reduced to their text, emphasis removed. */
    static String plainText(String markdown) {
        return LINK.matcher(markdown).replaceAll("$1").replace("**", "").strip();
    }

    private static String linkText(String cell) {
        return plainText(cell).replace("`", "").strip();
    }

}
