package org.bioimagecatalog.harvester.empiar;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.ids.PubMedIds;

/**
 * Maps an EMPIAR entry as {@code GET /empiar/api/entry/{id}/} returns it ({@code {"EMPIAR-10988": {…}}}) to the
 * common model. Authors come in two shapes, both accepted: {@code authors[].author.{name, author_orcid}} (what the
 * API serves) and {@code authors[].{name, author_orcid}} (its 2020 OpenAPI description); {@code author_orcid} may
 * itself be an object with the ORCID and organisation.
 *
 * <p>Fields: title; entry_doi → DOI identifier; release_date / update_date; authors, corresponding_author and
 * principal_investigator → creators (roles); citation → primary publications (DOI, PubMed ID, title, year,
 * authors); cross_references (EMDB), biostudies_references, idr_references, empiar_references → related datasets;
 * grant_references → funding; experiment_type → study type; scale → sample type; dataset_size ("305.5 GB") →
 * bytes; imagesets → image count (sum of num_images_or_tilt_series) and formats (data/header format). The entry
 * JSON names no organism, imaging method or licence (EMPIAR data are CC0 by policy; the GIDE crates of EMPIAR
 * entries carry organism and FBbi method).
 */
public final class EmpiarEntryMapper {
    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*([\\d.,]+)\\s*([KMGTP]?)i?B\\s*$");
    private static final Pattern EMDB = Pattern.compile("(?i)\\b(EMD-\\d{4,})\\b");

    /** An entry as API JSON or, when the bytes start with {@code <}, as EMPIAR's per-entry header XML. */
    public EmpiarEntry map(byte[] bytes) throws InvalidRecordException {
        return map(EmpiarEntryXml.looksLikeXml(bytes) ? EmpiarEntryXml.toEntryJson(bytes) : JsonRecords.parse(bytes));
    }

    EmpiarEntry map(JsonNode document) throws InvalidRecordException {
        if (!document.isObject() || document.size() == 0) {
            throw new InvalidRecordException("not an EMPIAR entry: expected a JSON object {\"EMPIAR-…\": {…}}");
        }
        Map.Entry<String, JsonNode> first = document.fields().next();
        String accession;
        JsonNode entry;
        if (first.getValue().isObject() && document.size() == 1) {
            accession = first.getKey().strip();
            entry = first.getValue();
        } else if (document.has("title")) {
            entry = document;
            accession = Accession.findAll(JsonRecords.text(document, "entry_doi")).stream()
                    .filter(a -> a.archive() == Accession.Archive.EMPIAR).map(Accession::value).findFirst()
                    .orElseThrow(() -> new InvalidRecordException("not an EMPIAR entry: an unwrapped entry without an EMPIAR entry_doi"));
        } else {
            throw new InvalidRecordException("not an EMPIAR entry: expected a JSON object {\"EMPIAR-…\": {…}}");
        }
        if (!accession.toUpperCase(Locale.ROOT).startsWith("EMPIAR-")) {
            throw new InvalidRecordException("not an EMPIAR entry: '" + accession + "' is not an EMPIAR accession");
        }
        String title = JsonRecords.text(entry, "title");
        if (title == null) {
            throw new InvalidRecordException(accession + " has no title");
        }
        String number = accession.substring("EMPIAR-".length());
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .identifier(Identifier.of(Identifier.EMPIAR, accession))
                .landingPage("https://www.ebi.ac.uk/empiar/" + accession + "/")
                .released(JsonRecords.date(JsonRecords.text(entry, "release_date")))
                .modified(JsonRecords.date(JsonRecords.text(entry, "update_date")))
                .studyType(JsonRecords.text(entry, "experiment_type"))
                .sampleType(JsonRecords.text(entry, "scale"));
        Doi.normalise(JsonRecords.text(entry, "entry_doi")).ifPresent(doi -> b.identifier(Identifier.of(Identifier.DOI, doi)));
        if (number.matches("\\d+")) {
            b.accessUrl("https://ftp.ebi.ac.uk/empiar/world_availability/" + number + "/");
        }
        creators(entry).forEach(b::creator);
        for (JsonNode citation : JsonRecords.items(entry.get("citation"))) {
            b.publication(publication(citation));
        }
        relatedDatasets(entry, accession).forEach(b::relatedDataset);
        for (JsonNode grant : JsonRecords.items(entry.get("grant_references"))) {
            b.funding(grant(grant));
        }
        imagesets(entry, b);
        return new EmpiarEntry(accession, b.build());
    }

    private static List<Creator> creators(JsonNode entry) {
        List<Creator> creators = new ArrayList<>();
        for (JsonNode author : JsonRecords.items(entry.get("authors"))) {
            add(creators, person(author, List.of()));
        }
        add(creators, person(entry.get("corresponding_author"), List.of("corresponding author")));
        for (JsonNode pi : JsonRecords.items(entry.get("principal_investigator"))) {
            add(creators, person(pi, List.of("principal investigator")));
        }
        return creators;
    }

    /** Adds a creator, or merges its roles into the same person listed already (same ORCID, else same name). */
    private static void add(List<Creator> creators, Creator creator) {
        if (creator == null) {
            return;
        }
        for (int i = 0; i < creators.size(); i++) {
            Creator c = creators.get(i);
            boolean same = creator.orcid() != null ? creator.orcid().equals(c.orcid())
                    : creator.name() != null && creator.name().equalsIgnoreCase(c.name());
            if (same) {
                List<String> roles = new ArrayList<>(c.roles());
                creator.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                creators.set(i, new Creator(c.name(), c.orcid() != null ? c.orcid() : creator.orcid(),
                        c.affiliation() != null ? c.affiliation() : creator.affiliation(),
                        c.email() != null ? c.email() : creator.email(), roles));
                return;
            }
        }
        creators.add(creator);
    }

    /** A person in either shape: {@code {author: {…}}} or the fields directly. */
    private static Creator person(JsonNode node, List<String> roles) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode p = node.has("author") && node.get("author").isObject() ? node.get("author") : node;
        String name = JsonRecords.text(p, "name");
        if (name == null) {
            String first = JsonRecords.text(p, "first_name");
            String last = JsonRecords.text(p, "last_name");
            name = first == null ? last : last == null ? first : first + " " + last;
        }
        JsonNode orcidNode = p.get("author_orcid");
        String orcid;
        String organisation = JsonRecords.text(p, "organization");
        if (orcidNode != null && orcidNode.isObject()) {
            orcid = JsonRecords.text(orcidNode, "author_orcid");
            organisation = organisation != null ? organisation : JsonRecords.text(orcidNode, "organization");
        } else {
            orcid = JsonRecords.text(orcidNode);
        }
        String normalisedOrcid = Orcid.normalise(orcid).orElse(null);
        if (name == null && normalisedOrcid == null) {
            return null;
        }
        return new Creator(name, normalisedOrcid, organisation, JsonRecords.text(p, "email"), roles);
    }

    private static Publication publication(JsonNode citation) {
        String doi = Doi.normalise(JsonRecords.text(citation, "doi")).orElse(null);
        String pmid = PubMedIds.pmid(JsonRecords.text(citation, "pubmedid")).orElse(null);
        String title = JsonRecords.text(citation, "title");
        if (doi == null && pmid == null && title == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode author : JsonRecords.items(citation.get("authors"))) {
            Creator c = person(author, List.of());
            if (c != null && c.name() != null) {
                names.add(c.name());
            }
        }
        return new Publication(doi, pmid, null, title, JsonRecords.year(JsonRecords.text(citation, "year")),
                names.isEmpty() ? null : String.join(", ", names), Publication.Relation.PRIMARY);
    }

    /** EMDB maps, BioImage Archive studies, IDR studies and other EMPIAR entries the entry points to. */
    private static List<Identifier> relatedDatasets(JsonNode entry, String accession) {
        List<Identifier> related = new ArrayList<>();
        for (JsonNode ref : JsonRecords.items(entry.get("cross_references"))) {
            Matcher m = EMDB.matcher(ref.isObject() ? String.valueOf(JsonRecords.text(ref, "name")) : ref.asText());
            if (m.find()) {
                related.add(Identifier.of("emdb", m.group(1).toUpperCase(Locale.ROOT)));
            }
        }
        for (String field : List.of("biostudies_references", "idr_references", "empiar_references")) {
            for (JsonNode ref : JsonRecords.items(entry.get(field))) {
                for (Accession a : Accession.findAll(ref.toString())) {
                    Identifier id = Identifier.of(a.archive().source(), a.value());
                    if (!a.value().equalsIgnoreCase(accession) && !related.contains(id)) {
                        related.add(id);
                    }
                }
            }
        }
        return related;
    }

    /** A grant reference as one line of its values, e.g. {@code Wellcome Trust, 202905/Z/16/Z, UK}. */
    private static String grant(JsonNode grant) {
        if (!grant.isObject()) {
            return JsonRecords.text(grant);
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<JsonNode> values = grant.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            String text = value.isObject() ? JsonRecords.text(value, "name") : JsonRecords.text(value);
            if (text != null) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void imagesets(JsonNode entry, DatasetMetadata.Builder b) {
        long images = 0;
        for (JsonNode set : JsonRecords.items(entry.get("imagesets"))) {
            JsonNode count = set.get("num_images_or_tilt_series");
            if (count != null && count.canConvertToLong()) {
                images += count.asLong();
            } else if (count != null && JsonRecords.text(count) != null && JsonRecords.text(count).matches("\\d+")) {
                images += Long.parseLong(JsonRecords.text(count));
            }
            b.format(JsonRecords.text(set, "data_format"));
            b.format(JsonRecords.text(set, "header_format"));
        }
        String sizeText = JsonRecords.text(entry, "dataset_size");
        Long bytes = bytes(sizeText);
        if (bytes != null || images > 0 || sizeText != null) {
            b.size(new DatasetSize(bytes, images > 0 ? images : null, null, sizeText));
        }
    }

    /** {@code 305.5 GB} → 305500000000 (decimal units, as EMPIAR states sizes). */
    static Long bytes(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int power = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 3;
            case "M" -> 6;
            case "G" -> 9;
            case "T" -> 12;
            case "P" -> 15;
            default -> 0;
        };
        try {
            return new BigDecimal(m.group(1).replace(",", "")).movePointRight(power).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
