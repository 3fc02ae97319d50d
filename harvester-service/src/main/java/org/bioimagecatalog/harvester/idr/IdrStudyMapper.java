package org.bioimagecatalog.harvester.idr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.idr.StudyFile.Row;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Maps the rows of an IDR study file to the common model. Study-level keys give the title, people,
 * publications and licence; the per-screen/per-experiment blocks add organisms, imaging methods, sample types,
 * formats and sizes. Parallel columns stay parallel: cell {@code i} of one key belongs with cell {@code i} of
 * its companion keys.
 */
final class IdrStudyMapper {
    private static final List<String> BLOCKS = List.of("Screen", "Experiment");
    /** Taxonomies other than NCBI whose bare numeric ids must not be read as NCBI taxon ids. */
    private static final Set<String> OTHER_TAXONOMIES = Set.of("GBIF", "ITIS", "WORMS", "EOL", "COL");
    private static final List<DateTimeFormatter> DATE_FORMATS = Stream.of(
            "yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "d MMMM yyyy", "MMMM d, yyyy")
            .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toList();

    DatasetMetadata map(StudyFile file, String accession) {
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(file.first("Study Title").orElse(null))
                .description(file.first("Study Description").orElse(null))
                .landingPage(IdrStudy.landingPage(accession))
                .identifier(Identifier.of(Identifier.IDR, accession))
                .released(releaseDate(file))
                .license(Spdx.license(file.first("Study License").orElse(null),
                        file.first("Study License URL").orElse(null)))
                .size(StudySizeParser.parse(sizeBlocks(file)));
        file.first("Study Data DOI").flatMap(Doi::normalise).ifPresent(doi -> b.identifier(Identifier.of(Identifier.DOI, doi)));
        Stream.of("Study BioImage Archive Accession", "Study BioStudies Accession")
                .flatMap(key -> file.values(key).stream())
                .map(IdrStudyMapper::biaAccession)
                .forEach(id -> b.identifier(Identifier.of(Identifier.BIA, id)));
        // an EMPIAR entry holds part of the same study's data: related, not the same dataset
        file.values("Study EMPIAR Accession").stream().flatMap(v -> Accession.parse(v).stream())
                .forEach(a -> b.relatedDataset(Identifier.of(a.archive().source(), a.value())));
        file.values("Study Key Words").forEach(b::keyword);
        file.values("Study Key Word").forEach(b::keyword);
        file.values("Study Type").forEach(b::studyType);
        organisms(file, b);
        for (String block : BLOCKS) {
            file.values(block + " Sample Type").forEach(b::sampleType);
            imagingMethods(file, block, b);
        }
        file.values("Raw Image Data Format").forEach(b::format);
        creators(file).forEach(b::creator);
        publications(file).forEach(b::publication);
        return b.build();
    }

    private static String biaAccession(String value) {
        return Accession.parse(value).filter(a -> a.archive() == Accession.Archive.BIA)
                .map(Accession::value).orElse(value.toUpperCase(Locale.ROOT));
    }

    private static LocalDate releaseDate(StudyFile file) {
        String raw = file.first("Study Public Release Date").orElse(null);
        if (raw == null) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(raw, format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next format; a date none of them reads is left out rather than guessed
            }
        }
        return null;
    }

    private static void organisms(StudyFile file, DatasetMetadata.Builder b) {
        for (String prefix : List.of("Study", "Screen", "Experiment")) {
            for (Row labels : file.rowsOf(prefix + " Organism")) {
                Row ids = file.companion(labels, prefix + " Organism Term Accession").orElse(null);
                Row refs = file.companion(labels, prefix + " Organism Term Source REF").orElse(null);
                int columns = Math.max(labels.cells().size(), ids == null ? 0 : ids.cells().size());
                for (int i = 0; i < columns; i++) {
                    String label = labels.cell(i);
                    String id = ids == null ? "" : ids.cell(i);
                    String ref = refs == null ? "" : refs.cell(i);
                    if (OTHER_TAXONOMIES.contains(ref.toUpperCase(Locale.ROOT)) && !id.toUpperCase(Locale.ROOT).startsWith("NCBI")) {
                        id = "";
                    }
                    if (!label.isEmpty() || NcbiTaxon.parseId(id).isPresent()) {
                        b.organism(NcbiTaxon.organism(label, id));
                    }
                }
            }
        }
    }

    private static void imagingMethods(StudyFile file, String block, DatasetMetadata.Builder b) {
        for (Row labels : file.rowsOf(block + " Imaging Method")) {
            Row ids = file.companion(labels, block + " Imaging Method Term Accession").orElse(null);
            for (int i = 0; i < labels.cells().size(); i++) {
                String label = labels.cell(i);
                if (!label.isEmpty()) {
                    b.imagingMethod(Fbbi.method(label, ids == null ? null : ids.cell(i)));
                }
            }
        }
    }

    private static List<List<String>> sizeBlocks(StudyFile file) {
        return BLOCKS.stream().flatMap(block -> file.rowsOf(block + " Size").stream()).map(Row::cells).toList();
    }

    private static List<Creator> creators(StudyFile file) {
        Row last = file.row("Study Person Last Name").orElse(null);
        Row first = file.row("Study Person First Name").orElse(null);
        Row email = file.row("Study Person Email").orElse(null);
        Row address = file.row("Study Person Address").orElse(null);
        Row orcid = file.row("Study Person ORCID").orElse(null);
        Row roles = file.row("Study Person Roles").orElse(null);
        int people = Math.max(width(last), width(first));
        List<Creator> creators = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String name = (cell(first, i) + " " + cell(last, i)).strip();
            if (name.isEmpty()) {
                continue;
            }
            creators.add(new Creator(name, Orcid.normalise(cell(orcid, i)).orElse(null), blankToNull(cell(address, i)),
                    blankToNull(cell(email, i)), splitRoles(cell(roles, i))));
        }
        return creators;
    }

    private static List<String> splitRoles(String roles) {
        return Arrays.stream(roles.split("[,;]")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    /** The {@code Study PubMed ID / PMC ID / DOI / Publication Title / Author List} columns, read in parallel. */
    private static List<Publication> publications(StudyFile file) {
        Row pmids = file.row("Study PubMed ID").orElse(null);
        Row pmcids = file.row("Study PMC ID").orElse(null);
        Row dois = file.row("Study DOI").orElse(null);
        Row titles = file.row("Study Publication Title").orElse(null);
        Row authors = file.row("Study Author List").orElse(null);
        int count = Stream.of(pmids, pmcids, dois, titles, authors).mapToInt(IdrStudyMapper::width).max().orElse(0);
        List<Publication> publications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Publication p = new Publication(
                    Doi.normalise(cell(dois, i)).orElse(null),
                    PubMedIds.pmid(cell(pmids, i)).orElse(null),
                    PubMedIds.pmcid(cell(pmcids, i)).orElse(null),
                    blankToNull(cell(titles, i)), null,
                    blankToNull(cell(authors, i)),
                    Publication.Relation.PRIMARY);
            if (p.hasIdentifier() || p.title() != null) {
                publications.add(p);
            }
        }
        file.values("Study Publication Preprint").stream().flatMap(v -> Doi.normalise(v).stream())
                .filter(doi -> publications.stream().noneMatch(p -> doi.equals(p.doi())))
                .forEach(doi -> publications.add(new Publication(doi, null, null, null, null, null,
                        Publication.Relation.RELATED)));
        return publications;
    }

    private static int width(Row row) {
        return row == null ? 0 : row.cells().size();
    }

    private static String cell(Row row, int index) {
        return row == null ? "" : row.cell(index);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
