package org.bioimagecatalog.harvester.idr.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.idr.IdrStudy;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Maps a study's containers and their study-level key/value pairs to the common model. IDR writes these pairs from
 * the study file (its {@code pyidr} study parser): on every screen/experiment {@code Sample Type}, {@code Organism},
 * {@code Study Title} (only when it differs from the publication title), {@code Study Type}, {@code Screen Type},
 * {@code Screen Technology Type}, {@code Imaging Method}; then per publication {@code Publication Title},
 * {@code Publication Authors}, {@code PubMed ID}, {@code PMC ID}, {@code Publication DOI}; then {@code Release Date},
 * {@code License}, {@code Copyright}, {@code Data Publisher}, {@code Data DOI}, {@code External URL},
 * {@code BioStudies Accession}, {@code EMPIAR Accession}, {@code Annotation File}. Identifier values carry their
 * link after a space ({@code 25373780 https://www.ncbi.nlm.nih.gov/pubmed/25373780}). The umbrella container of a
 * multi-container study carries the study-level keys only. Every container repeats the study's keys, so values
 * are collected across containers without repeats.
 */
final class IdrApiStudyMapper {
    private static final Pattern DESCRIPTION = Pattern.compile("(?s)(?:^|\\n)(Study|Screen|Experiment|Project) Description\\n(.*)");
    private static final Pattern VERSION_HISTORY = Pattern.compile("(?s)\\n\\nVersion History\\n.*$");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PUBLICATION_KEYS = Set.of("Publication Title", "Publication Authors", "PubMed ID",
            "PMC ID", "Publication DOI");

    DatasetMetadata map(IdrApiStudy study, Map<OmeroContainer, List<Map.Entry<String, String>>> pairs)
            throws InvalidRecordException {
        StudyValues values = new StudyValues(pairs);
        List<Publication> publications = publications(pairs);
        String title = values.first("Study Title")
                .or(() -> publications.stream().map(Publication::title).filter(t -> t != null).findFirst())
                .orElseThrow(() -> new InvalidRecordException(study.accession() + ": no title: neither 'Study Title' nor"
                        + " 'Publication Title' in the map annotations of " + labels(study)));
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .description(description(study))
                .landingPage(IdrStudy.landingPage(study.accession()))
                .identifier(Identifier.of(Identifier.IDR, study.accession()))
                .released(values.first("Release Date").map(JsonRecords::date).orElse(null))
                .license(values.first("License").map(IdrApiStudyMapper::license).orElse(null));
        values.all("Data DOI").forEach(v -> firstToken(v).flatMap(Doi::normalise)
                .ifPresent(doi -> b.identifier(Identifier.of(Identifier.DOI, doi))));
        values.all("BioStudies Accession").forEach(v -> firstToken(v).flatMap(Accession::parse)
                .filter(a -> a.archive() == Accession.Archive.BIA)
                .ifPresent(a -> b.identifier(Identifier.of(Identifier.BIA, a.value()))));
        for (OmeroContainer c : study.containers()) {
            b.identifier(Identifier.of(c.kind().identifierScheme(), String.valueOf(c.id())));
            b.accessUrl(c.webclientUrl());
        }
        // an EMPIAR entry holds part of the same study's data: related, not the same dataset (as for study files)
        values.all("EMPIAR Accession").forEach(v -> firstToken(v).flatMap(Accession::parse)
                .ifPresent(a -> b.relatedDataset(Identifier.of(a.archive().source(), a.value()))));
        values.all("Study Type").forEach(b::studyType);
        values.all("Screen Type").forEach(b::keyword);
        values.all("Screen Technology Type").forEach(b::keyword);
        values.all("Sample Type").forEach(b::sampleType);
        values.all("Organism").forEach(label -> b.organism(NcbiTaxon.organism(label, null)));
        values.all("Imaging Method").forEach(label -> b.imagingMethod(Fbbi.method(label, null)));
        publications.forEach(b::publication);
        return b.build();
    }

    /**
     * The umbrella's {@code Study Description}; else the description of each container (its {@code Screen|Experiment
     * Description} section), as given; a description without IDR's headings is kept whole.
     */
    private static String description(IdrApiStudy study) {
        for (OmeroContainer c : study.containers()) {
            Matcher m = DESCRIPTION.matcher(c.description() == null ? "" : c.description());
            if (m.find() && m.group(1).equals("Study")) {
                return section(m.group(2));
            }
        }
        Set<String> parts = new LinkedHashSet<>();
        for (OmeroContainer c : study.containers()) {
            if (c.description() != null) {
                Matcher m = DESCRIPTION.matcher(c.description());
                parts.add(m.find() ? section(m.group(2)) : c.description().strip());
            }
        }
        parts.remove("");
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static String section(String text) {
        return VERSION_HISTORY.matcher(text).replaceFirst("").strip();
    }

    /**
     * Publications in the order IDR writes them: each {@code Publication Title} starts one, the keys after it belong
     * to it (a key met twice starts the next one too, for a publication without a title).
     */
    private static List<Publication> publications(Map<OmeroContainer, List<Map.Entry<String, String>>> pairs) {
        Set<Publication> publications = new LinkedHashSet<>();
        for (List<Map.Entry<String, String>> container : pairs.values()) {
            PublicationFields current = null;
            for (Map.Entry<String, String> pair : container) {
                if (!PUBLICATION_KEYS.contains(pair.getKey())) {
                    continue;
                }
                if (current == null || pair.getKey().equals("Publication Title") || current.has(pair.getKey())) {
                    addIfUsable(current, publications);
                    current = new PublicationFields();
                }
                current.put(pair.getKey(), pair.getValue());
            }
            addIfUsable(current, publications);
        }
        return new ArrayList<>(publications);
    }

    private static void addIfUsable(PublicationFields fields, Set<Publication> publications) {
        if (fields != null) {
            Publication p = fields.publication();
            if (p.hasIdentifier() || p.title() != null) {
                publications.add(p);
            }
        }
    }

    /** {@code CC BY 4.0 https://creativecommons.org/licenses/by/4.0/}: the label, the URL after it, and the SPDX id. */
    private static License license(String value) {
        List<String> tokens = Arrays.asList(value.split("\\s+"));
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() > 1 && URL.matcher(last).matches()) {
            return Spdx.license(String.join(" ", tokens.subList(0, tokens.size() - 1)), last);
        }
        return URL.matcher(value).matches() ? Spdx.license(null, value) : Spdx.license(value, null);
    }

    static Optional<String> firstToken(String value) {
        String[] tokens = value.strip().split("\\s+", 2);
        return tokens[0].isEmpty() ? Optional.empty() : Optional.of(tokens[0]);
    }

    private static String labels(IdrApiStudy study) {
        return String.join(", ", study.containers().stream().map(OmeroContainer::label).toList());
    }

    /** One publication's pairs as they come. */
    private static final class PublicationFields {
        private final Map<String, String> fields = new HashMap<>();

        boolean has(String key) {
            return fields.containsKey(key);
        }

        void put(String key, String value) {
            fields.put(key, value);
        }

        Publication publication() {
            String doi = Optional.ofNullable(fields.get("Publication DOI")).flatMap(IdrApiStudyMapper::firstToken)
                    .flatMap(Doi::normalise).orElse(null);
            String pmid = Optional.ofNullable(fields.get("PubMed ID")).flatMap(IdrApiStudyMapper::firstToken)
                    .flatMap(PubMedIds::pmid).orElse(null);
            String pmcid = Optional.ofNullable(fields.get("PMC ID")).flatMap(IdrApiStudyMapper::firstToken)
                    .flatMap(PubMedIds::pmcid).orElse(null);
            return new Publication(doi, pmid, pmcid, fields.get("Publication Title"), null,
                    fields.get("Publication Authors"), Publication.Relation.PRIMARY);
        }
    }

    /** The values of each key across the study's containers, in container order, each once. */
    private static final class StudyValues {
        private final Map<OmeroContainer, List<Map.Entry<String, String>>> pairs;

        StudyValues(Map<OmeroContainer, List<Map.Entry<String, String>>> pairs) {
            this.pairs = pairs;
        }

        List<String> all(String key) {
            Set<String> values = new LinkedHashSet<>();
            pairs.values().forEach(list -> list.stream().filter(p -> p.getKey().equals(key)).forEach(p -> values.add(p.getValue())));
            return List.copyOf(values);
        }

        Optional<String> first(String key) {
            return all(key).stream().findFirst();
        }
    }
}
