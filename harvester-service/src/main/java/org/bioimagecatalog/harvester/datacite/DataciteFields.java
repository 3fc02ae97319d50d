package org.bioimagecatalog.harvester.datacite;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * The DataCite kernel's meaning, shared by its XML (OAI-PMH {@code oai_datacite}, {@code datacite}) and JSON (REST
 * API) forms: which related identifiers are publications and which are datasets, rights to SPDX, funding
 * references, sizes and dates.
 */
public final class DataciteFields {
    /** The dataset is a supplement to / described by the work: the work is the primary publication. */
    private static final Set<String> PRIMARY = Set.of("issupplementto", "isdescribedby", "isdocumentedby");
    /** Works that cite the dataset or that it cites: related publications when they are not datasets. */
    private static final Set<String> CITING = Set.of("iscitedby", "isreferencedby", "cites", "references",
            "issupplementedby", "documents", "describes");
    private static final Pattern SIZE = Pattern.compile(
            "^\\s*([\\d.,]+)\\s*(bytes?|B|kB|KB|KiB|MB|MiB|GB|GiB|TB|TiB)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILES = Pattern.compile("^\\s*(\\d+)\\s*files?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGES = Pattern.compile("^\\s*(\\d+)\\s*images?\\s*$", Pattern.CASE_INSENSITIVE);

    private DataciteFields() {}

    /**
     * A related identifier: a DOI or PubMed id of an article ({@code IsSupplementTo} → PRIMARY, citations →
     * RELATED) becomes a publication; anything else (versions, parts, derived or dataset-typed works) a related
     * dataset under its identifier type, so that no relation is dropped.
     */
    public static void addRelated(DatasetMetadata.Builder metadata, String value, String type, String relationType,
            String resourceTypeGeneral) {
        if (value == null || value.isBlank()) {
            return;
        }
        String scheme = type == null || type.isBlank() ? "url" : type.strip().toLowerCase(Locale.ROOT);
        String relation = relationType == null ? "" : relationType.strip().toLowerCase(Locale.ROOT);
        boolean dataset = resourceTypeGeneral != null && resourceTypeGeneral.equalsIgnoreCase("Dataset");
        boolean publication = !dataset && (PRIMARY.contains(relation) || CITING.contains(relation));
        Publication.Relation role = PRIMARY.contains(relation) ? Publication.Relation.PRIMARY : Publication.Relation.RELATED;
        if (publication && scheme.equals("doi")) {
            Optional<String> doi = Doi.normalise(value);
            if (doi.isPresent()) {
                metadata.publication(new Publication(doi.get(), null, null, null, null, null, role));
                return;
            }
        }
        if (publication && scheme.equals("pmid")) {
            Optional<String> pmid = PubMedIds.pmid(value);
            if (pmid.isPresent()) {
                metadata.publication(new Publication(null, pmid.get(), null, null, null, null, role));
                return;
            }
        }
        String normalised = scheme.equals("doi") ? Doi.normalise(value).orElse(value.strip()) : value.strip();
        metadata.relatedDataset(Identifier.of(scheme, normalised));
    }

    /**
     * A {@code rights} entry as a licence, or null for an access statement such as
     * {@code info:eu-repo/semantics/openAccess} (it says who may read, not under which licence).
     */
    public static License license(String label, String uri, String identifier) {
        if (uri != null && uri.startsWith("info:eu-repo/semantics/")) {
            uri = null;
        }
        if (label != null && label.startsWith("info:eu-repo/semantics/")) {
            label = null;
        }
        License license = Spdx.license(label, uri);
        Optional<String> spdx = Spdx.idFor(identifier);
        if (spdx.isEmpty() && identifier != null && !identifier.isBlank()) {
            spdx = Spdx.idFor("CC-" + identifier.strip().replaceFirst("(?i)^cc-", ""));
        }
        if (license == null) {
            return spdx.map(id -> new License(id, null, identifier.strip())).orElse(null);
        }
        if (license.spdx() == null && spdx.isPresent()) {
            return new License(spdx.get(), license.url(), license.label());
        }
        return license;
    }

    /** The first licence among rights entries, preferring one with an SPDX id. */
    public static License firstLicense(List<License> licenses) {
        return licenses.stream().filter(l -> l != null && l.spdx() != null).findFirst()
                .orElse(licenses.stream().filter(l -> l != null).findFirst().orElse(null));
    }

    /** "Funder, award number (award title)", leaving out the parts not given. */
    public static String funding(String funderName, String awardNumber, String awardTitle) {
        StringBuilder text = new StringBuilder();
        append(text, funderName, "");
        append(text, awardNumber, ", ");
        if (awardTitle != null && !awardTitle.isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append('(').append(awardTitle.strip()).append(')');
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static void append(StringBuilder text, String value, String separator) {
        if (value != null && !value.isBlank()) {
            text.append(text.isEmpty() ? "" : separator).append(value.strip());
        }
    }

    /** Sizes as given ("1.2 GB", "250 files"), recognised units summed into bytes/files/images; text kept. */
    public static DatasetSize size(List<String> sizes) {
        List<String> given = sizes.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            return null;
        }
        Long bytes = null;
        Long files = null;
        Long images = null;
        for (String size : given) {
            Matcher m = SIZE.matcher(size);
            Matcher f = FILES.matcher(size);
            Matcher i = IMAGES.matcher(size);
            if (m.matches()) {
                Long b = bytes(m.group(1), m.group(2));
                bytes = b == null ? bytes : (bytes == null ? 0 : bytes) + b;
            } else if (f.matches()) {
                files = (files == null ? 0 : files) + Long.parseLong(f.group(1));
            } else if (i.matches()) {
                images = (images == null ? 0 : images) + Long.parseLong(i.group(1));
            }
        }
        return new DatasetSize(bytes, images, files, String.join("; ", given));
    }

    private static Long bytes(String number, String unit) {
        try {
            double value = Double.parseDouble(number.replace(",", ""));
            String u = unit.toLowerCase(Locale.ROOT);
            double factor = switch (u) {
                case "kb", "kib" -> 1e3;
                case "mb", "mib" -> 1e6;
                case "gb", "gib" -> 1e9;
                case "tb", "tib" -> 1e12;
                default -> 1;
            };
            if (u.endsWith("ib")) {
                factor = Math.pow(1024, switch (u) { case "kib" -> 1; case "mib" -> 2; case "gib" -> 3; default -> 4; });
            }
            return Math.round(value * factor);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A calendar date from {@code 2014-10-17}, {@code 2014-10-17T10:00:00Z} or similar; null for a year or a range. */
    public static LocalDate date(String text) {
        if (text == null || text.strip().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
