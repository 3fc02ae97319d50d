package org.bioimagecatalog.harvester.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Maps one HuggingFace Hub dataset, as {@code GET /api/datasets?full=true} lists it or {@code GET /api/datasets/{id}}
 * returns it: {@code id}, {@code author}, {@code createdAt}, {@code lastModified}, {@code description},
 * {@code citation}, {@code doi}, {@code tags} (prefixed {@code license:}, {@code task_categories:}, {@code modality:},
 * {@code size_categories:}, {@code format:}, {@code arxiv:}, {@code doi:} … and free tags) and the dataset card's
 * {@code cardData} ({@code pretty_name}, {@code license}, {@code license_name}, {@code license_link}, {@code tags},
 * {@code dataset_info}).
 */
public final class HuggingFaceDatasetMapper {
    public static final String SCHEME = "huggingface";
    private static final Pattern BIBTEX_DOI = Pattern.compile("(?i)\\bdoi\\s*=\\s*[{\"]\\s*(?:https?://(?:dx\\.)?doi\\.org/)?(10\\.[^}\"\\s]+)");
    private static final Pattern BIBTEX_YEAR = Pattern.compile("(?i)\\byear\\s*=\\s*[{\"]?\\s*(\\d{4})");
    private static final Pattern BIBTEX_TITLE = Pattern.compile("(?i)\\btitle\\s*=\\s*[{\"]+([^}\"]+)");
    /** Hub licence ids that are not Creative Commons ones (those {@link Spdx} knows) → SPDX. */
    private static final Map<String, String> HUB_LICENSES = Map.of(
            "mit", "MIT", "apache-2.0", "Apache-2.0", "bsd-3-clause", "BSD-3-Clause", "bsd-2-clause", "BSD-2-Clause",
            "odbl", "ODbL-1.0", "odc-by", "ODC-By-1.0", "pddl", "PDDL-1.0", "gpl-3.0", "GPL-3.0-only",
            "cdla-permissive-2.0", "CDLA-Permissive-2.0", "unlicense", "Unlicense");
    /** Prefixed tags that say something else than a subject: not keywords. */
    private static final Set<String> NOT_KEYWORDS = Set.of("license", "size_categories", "format", "library", "region",
            "arxiv", "doi", "language", "modality", "task_ids", "annotations_creators", "language_creators",
            "multilinguality", "source_datasets", "benchmark");

    public DatasetMetadata map(JsonNode dataset) throws InvalidRecordException {
        String id = text(dataset, "id").orElseThrow(() -> new InvalidRecordException("a Hub dataset without an id"));
        if (dataset.path("disabled").asBoolean(false)) {
            throw new InvalidRecordException(id + ": the dataset is disabled on the Hub");
        }
        JsonNode card = dataset.path("cardData");
        String landing = "https://huggingface.co/datasets/" + id;
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(text(card, "pretty_name").orElse(id))
                .description(text(dataset, "description").or(() -> text(card, "description")).orElse(null))
                .identifier(Identifier.of(SCHEME, id))
                .landingPage(landing)
                .accessUrl(landing + "/tree/main")
                .released(date(dataset, "createdAt"))
                .modified(date(dataset, "lastModified"));
        text(dataset, "author").ifPresent(author -> b.creator(new Creator(author, null, null, null, List.of("owner on the Hub"))));

        Set<String> tags = new LinkedHashSet<>();
        dataset.path("tags").forEach(t -> tags.add(t.asText().strip()));
        card.path("tags").forEach(t -> tags.add(t.asText().strip()));
        card.path("task_categories").forEach(t -> tags.add("task_categories:" + t.asText().strip()));
        List<Publication> publications = new ArrayList<>();
        text(dataset.path("doi"), "id").flatMap(Doi::normalise).ifPresent(d -> b.identifier(Identifier.of(Identifier.DOI, d)));
        String licenseTag = null;
        for (String tag : tags) {
            int colon = tag.indexOf(':');
            String prefix = colon > 0 ? tag.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? tag.substring(colon + 1).strip() : tag;
            switch (prefix) {
                case "license" -> licenseTag = licenseTag == null ? value : licenseTag;
                case "doi" -> Doi.normalise(value).ifPresent(d -> b.identifier(Identifier.of(Identifier.DOI, d)));
                case "arxiv" -> addPublication(publications, new Publication("10.48550/arxiv." + value.toLowerCase(Locale.ROOT),
                        null, null, null, null, null, Publication.Relation.PRIMARY));
                case "format" -> b.format(value);
                case "size_categories" -> { }
                case "task_categories", "modality" -> b.keyword(value);
                default -> {
                    if (prefix.isEmpty() || !NOT_KEYWORDS.contains(prefix)) {
                        b.keyword(tag);
                        subject(b, tag);
                    }
                }
            }
        }
        citation(text(dataset, "citation").orElse(null)).ifPresent(p -> addPublication(publications, p));
        publications.forEach(b::publication);
        b.license(license(card, licenseTag));
        b.size(size(card, tags));
        return b.build();
    }

    /** A free tag that names an organism or an imaging method ({@code fluorescence-microscopy}, {@code zebrafish}). */
    private static void subject(DatasetMetadata.Builder b, String tag) {
        String words = tag.replace('-', ' ').replace('_', ' ').strip();
        NcbiTaxon.idForName(words).ifPresent(taxon -> b.organism(new Organism(tag, taxon)));
        Optional<String> fbbi = Fbbi.idForLabel(words).or(() -> Fbbi.idForLabel(tag));
        if (fbbi.isPresent() || words.toLowerCase(Locale.ROOT).contains("microscopy")) {
            b.imagingMethod(new ImagingMethod(tag, fbbi.orElse(null)));
        }
    }

    /** The DOI, title and year of the BibTeX in {@code citation}: the dataset's paper, PRIMARY. */
    static Optional<Publication> citation(String bibtex) {
        if (bibtex == null) {
            return Optional.empty();
        }
        Matcher doi = BIBTEX_DOI.matcher(bibtex);
        if (!doi.find()) {
            return Optional.empty();
        }
        Matcher year = BIBTEX_YEAR.matcher(bibtex);
        Matcher title = BIBTEX_TITLE.matcher(bibtex);
        return Doi.normalise(doi.group(1)).map(d -> new Publication(d, null, null, title.find() ? title.group(1).strip() : null,
                year.find() ? Integer.valueOf(year.group(1)) : null, null, Publication.Relation.PRIMARY));
    }

    private static void addPublication(List<Publication> publications, Publication p) {
        for (int i = 0; i < publications.size(); i++) {
            if (publications.get(i).doi().equals(p.doi())) {
                Publication q = publications.get(i);
                publications.set(i, new Publication(q.doi(), null, null, q.title() != null ? q.title() : p.title(),
                        q.year() != null ? q.year() : p.year(), null, q.relation()));
                return;
            }
        }
        publications.add(p);
    }

    /**
     * The card's {@code license} (a Hub licence id, or a list: the first), else the {@code license:} tag; {@code other}
     * takes the card's {@code license_name} and {@code license_link}. SPDX from the Hub id; the id kept as the label.
     */
    static License license(JsonNode card, String tag) {
        JsonNode value = card.path("license");
        String id = value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.isTextual() ? value.asText() : tag;
        if (id == null || id.isBlank()) {
            return null;
        }
        id = id.strip();
        if (id.equalsIgnoreCase("other") || id.equalsIgnoreCase("unknown")) {
            String name = text(card, "license_name").orElse(null);
            String link = text(card, "license_link").filter(l -> l.startsWith("http")).orElse(null);
            return Spdx.license(name != null ? name : id, link);
        }
        String lower = id.toLowerCase(Locale.ROOT);
        String spdx = Spdx.idFor(lower).orElse(HUB_LICENSES.get(lower));
        return new License(spdx, null, id);
    }

    /** Bytes from {@code cardData.dataset_info.dataset_size} (an object, or a list of configs summed); the size category as text. */
    private static DatasetSize size(JsonNode card, Set<String> tags) {
        JsonNode info = card.path("dataset_info");
        Long bytes = null;
        Long examples = null;
        for (JsonNode config : info.isArray() ? info : List.of(info)) {
            if (config.path("dataset_size").canConvertToLong()) {
                bytes = (bytes == null ? 0 : bytes) + config.path("dataset_size").asLong();
            }
            for (JsonNode split : config.path("splits")) {
                if (split.path("num_examples").canConvertToLong()) {
                    examples = (examples == null ? 0 : examples) + split.path("num_examples").asLong();
                }
            }
        }
        String category = tags.stream().filter(t -> t.startsWith("size_categories:"))
                .map(t -> t.substring("size_categories:".length())).findFirst().orElse(null);
        if (bytes == null && examples == null && category == null) {
            return null;
        }
        String description = category == null ? null : category + " examples (Hub size category)";
        return new DatasetSize(bytes, examples, null, description);
    }

    private static LocalDate date(JsonNode node, String field) {
        return text(node, field).map(v -> {
            try {
                return OffsetDateTime.parse(v).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v);
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }).orElse(null);
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().strip()) : Optional.empty();
    }
}
