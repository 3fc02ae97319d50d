package org.bioimagecatalog.harvester.gide;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.mapping.OntologyTerms;
import org.bioimagecatalog.harvester.mapping.PublicationLinks;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * Maps a crate in the GIDE search-input profile (RO-Crate 1.2) to the common model. The root Dataset is the
 * entity the metadata descriptor is {@code about} (else the only Dataset); its {@code identifier} is the native
 * id, and the archive is the one that accession belongs to ({@code idr0001}, {@code S-BIAD…}, {@code EMPIAR-…})
 * or, for SSBD, the host of the Dataset's {@code @id}.
 *
 * <p>Fields: name → title; description; identifier → identifiers; {@code @id} → landing page; datePublished /
 * dateModified; license (SPDX); author → creators (ORCID from an orcid.org {@code @id} or identifier, e-mail,
 * affiliation names, else address); seeAlso and citation → primary publications (DOI, PubMed and PMC URLs,
 * {@code sameAs}); about → organisms (Taxon, and BioSample taxonomicRange), sample types (BioSample name) and
 * keywords (other DefinedTerms); measurementMethod → imaging methods (DefinedTerms, and FBbi terms of
 * LabProtocols); keywords; size → bytes / files (QuantitativeValue, also the BIA spelling QuantitiveValue);
 * funder → funding; url / distribution → access URLs.
 */
public final class GideCrateMapper {
    private static final String UO_BYTES = "UO_0000233";
    private static final String UO_COUNT = "UO_0000189";
    /**
     * The BioImage Archive's description of its OME-NGFF copy of an IDR study ("OME-NGFF converted study from
     * idr0054."): the same images, so the IDR accession is an identifier of the dataset.
     */
    private static final Pattern IDR_CONVERSION = Pattern.compile("(?i)\\bconverted study from (idr\\d{4})\\b");

    private static Optional<Identifier> idrConversion(String archive, String description) {
        if (!Identifier.BIA.equals(archive) || description == null) {
            return Optional.empty();
        }
        Matcher m = IDR_CONVERSION.matcher(description);
        return m.find() ? Optional.of(Identifier.of(Identifier.IDR, m.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    public GideCrate map(byte[] bytes) throws InvalidRecordException {
        RoCrateGraph crate = RoCrateGraph.of(JsonRecords.parse(bytes));
        JsonNode root = root(crate);
        String rootId = JsonRecords.text(root, "@id");
        String nativeId = nativeId(root);
        if (nativeId == null) {
            throw new InvalidRecordException("the root Dataset " + rootId + " has no 'identifier'");
        }
        String title = JsonRecords.text(root, "name");
        if (title == null) {
            throw new InvalidRecordException("the root Dataset " + nativeId + " has no 'name' (title)");
        }
        String archive = archive(nativeId, rootId);
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .description(JsonRecords.text(root, "description"))
                .identifier(archive == null ? null : Identifier.of(archive, nativeId))
                .released(JsonRecords.date(JsonRecords.text(root, "datePublished")))
                .modified(JsonRecords.date(JsonRecords.text(root, "dateModified")));
        idrConversion(archive, JsonRecords.text(root, "description")).ifPresent(b::identifier);
        if (isHttp(rootId)) {
            b.landingPage(rootId);
            if (archive == null) {
                b.identifier(Identifier.of(Identifier.URL, rootId));
            }
        }
        license(crate, root, b);
        crate.refs(root, "author").forEach(a -> b.creator(creator(crate, a)));
        crate.refs(root, "creator").forEach(a -> b.creator(creator(crate, a)));
        publications(crate, root).forEach(b::publication);
        about(crate, root, b);
        imagingMethods(crate, root).forEach(b::imagingMethod);
        keywords(root).forEach(b::keyword);
        b.size(size(crate, root));
        crate.refs(root, "funder").forEach(f -> b.funding(funding(f)));
        crate.refs(root, "funding").forEach(f -> b.funding(funding(f)));
        crate.texts(root, "url").stream().filter(GideCrateMapper::isHttp).forEach(b::accessUrl);
        crate.refs(root, "distribution").forEach(d -> {
            String url = Optional.ofNullable(JsonRecords.text(d, "contentUrl")).orElse(JsonRecords.text(d, "url"));
            if (isHttp(url)) {
                b.accessUrl(url);
            }
        });
        return new GideCrate(archive, nativeId, b.build());
    }

    private static JsonNode root(RoCrateGraph crate) throws InvalidRecordException {
        for (JsonNode entity : crate.entities()) {
            String id = JsonRecords.text(entity, "@id");
            if (id != null && id.endsWith("ro-crate-metadata.json")) {
                for (JsonNode about : crate.refs(entity, "about")) {
                    if (RoCrateGraph.isA(about, "Dataset")) {
                        return about;
                    }
                }
            }
        }
        List<JsonNode> datasets = crate.entities().stream().filter(e -> RoCrateGraph.isA(e, "Dataset")).toList();
        if (datasets.size() == 1) {
            return datasets.get(0);
        }
        throw new InvalidRecordException(datasets.isEmpty()
                ? "not a GIDE RO-Crate: the graph has no Dataset entity"
                : "not a GIDE RO-Crate: " + datasets.size() + " Dataset entities and no metadata descriptor says which is the root");
    }

    private static String nativeId(JsonNode root) {
        for (JsonNode id : JsonRecords.items(root.get("identifier"))) {
            String text = id.isObject() ? JsonRecords.text(id, "value") : JsonRecords.text(id);
            if (text != null) {
                return Accession.parse(text).map(Accession::value).orElse(text);
            }
        }
        return null;
    }

    /** The archive an accession belongs to, else the one the Dataset's host is; null when neither says. */
    static String archive(String nativeId, String rootId) {
        Optional<Accession> accession = Accession.parse(nativeId);
        if (accession.isPresent()) {
            return accession.get().archive().source();
        }
        String host = host(rootId);
        if (host != null && (host.equals("ssbd.riken.jp") || host.endsWith(".ssbd.riken.jp"))) {
            return "ssbd";
        }
        return null;
    }

    private static void license(RoCrateGraph crate, JsonNode root, DatasetMetadata.Builder b) {
        JsonNode license = root.get("license");
        if (license == null) {
            return;
        }
        if (license.isObject()) {
            JsonNode entity = crate.refs(root, "license").stream().findFirst().orElse(license);
            String url = Optional.ofNullable(JsonRecords.text(entity, "url")).orElse(crate.iri(entity));
            b.license(Spdx.license(JsonRecords.text(entity, "name"), isHttp(url) ? url : null));
        } else {
            String text = JsonRecords.text(license);
            b.license(isHttp(text) ? Spdx.license(null, text) : Spdx.license(text, null));
        }
    }

    private static Creator creator(RoCrateGraph crate, JsonNode person) {
        String name = JsonRecords.text(person, "name");
        if (name == null) {
            String given = JsonRecords.text(person, "givenName");
            String family = JsonRecords.text(person, "familyName");
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        String orcid = Orcid.normalise(JsonRecords.text(person, "@id"))
                .or(() -> JsonRecords.items(person.get("identifier")).stream()
                        .map(i -> i.isObject() ? JsonRecords.text(i, "@id") : JsonRecords.text(i))
                        .map(Orcid::normalise).flatMap(Optional::stream).findFirst())
                .orElse(null);
        if (name == null && orcid == null) {
            return null;
        }
        List<String> affiliations = new ArrayList<>();
        for (JsonNode org : crate.refs(person, "affiliation")) {
            String orgName = JsonRecords.text(org, "name");
            if (orgName != null && !affiliations.contains(orgName)) {
                affiliations.add(orgName);
            }
        }
        JsonRecords.items(person.get("affiliation")).stream().map(JsonRecords::text)
                .filter(t -> t != null && !affiliations.contains(t)).forEach(affiliations::add);
        String affiliation = affiliations.isEmpty() ? JsonRecords.text(person, "address") : String.join("; ", affiliations);
        String email = JsonRecords.text(person, "email");
        if (email != null && email.regionMatches(true, 0, "mailto:", 0, 7)) {
            email = email.substring(7);
        }
        return new Creator(name, orcid, affiliation, email, List.of());
    }

    private static List<Publication> publications(RoCrateGraph crate, JsonNode root) {
        List<Publication> publications = new ArrayList<>();
        List<JsonNode> works = new ArrayList<>(crate.refs(root, "seeAlso"));
        works.addAll(crate.refs(root, "citation"));
        for (JsonNode work : works) {
            String id = crate.iri(work);
            String name = JsonRecords.text(work, "name");
            String title = name == null || name.equals(id) || isHttp(name) ? null : name;
            Integer year = JsonRecords.year(JsonRecords.text(work, "datePublished"));
            List<String> links = new ArrayList<>();
            links.add(id);
            links.addAll(crate.texts(work, "sameAs"));
            links.addAll(crate.texts(work, "identifier"));
            String doi = null;
            String pmid = null;
            String pmcid = null;
            for (String link : links) {
                doi = doi != null ? doi : PublicationLinks.doi(link).orElse(null);
                pmid = pmid != null ? pmid : PublicationLinks.pmid(link).orElse(null);
                pmcid = pmcid != null ? pmcid : PublicationLinks.pmcid(link).orElse(null);
            }
            if (doi == null && pmid == null && pmcid == null && title == null) {
                continue;
            }
            Publication p = new Publication(doi, pmid, pmcid, title, year, null, Publication.Relation.PRIMARY);
            if (!publications.contains(p)) {
                publications.add(p);
            }
        }
        // a title-only entry that repeats an identified publication's title is the same work (S-BIAD1879)
        publications.removeIf(p -> !p.hasIdentifier() && publications.stream()
                .anyMatch(o -> o.hasIdentifier() && o.title() != null && o.title().equalsIgnoreCase(p.title())));
        return publications;
    }

    private static void about(RoCrateGraph crate, JsonNode root, DatasetMetadata.Builder b) {
        for (JsonNode about : crate.refs(root, "about")) {
            if (RoCrateGraph.isA(about, "Taxon")) {
                b.organism(organism(crate, about));
            } else if (RoCrateGraph.isA(about, "BioSample")) {
                b.sampleType(JsonRecords.text(about, "name"));
                crate.refs(about, "taxonomicRange").forEach(t -> b.organism(organism(crate, t)));
            } else if (RoCrateGraph.isA(about, "DefinedTerm")) {
                b.keyword(JsonRecords.text(about, "name"));
            } else {
                OntologyTerms.taxonId(crate.iri(about)).ifPresent(id -> b.organism(new Organism(null, id)));
            }
        }
    }

    private static Organism organism(RoCrateGraph crate, JsonNode taxon) {
        String label = Optional.ofNullable(JsonRecords.text(taxon, "scientificName")).orElse(JsonRecords.text(taxon, "name"));
        String id = OntologyTerms.taxonId(crate.iri(taxon)).orElse(JsonRecords.text(taxon, "identifier"));
        return OntologyTerms.organism(label, id);
    }

    private static Set<ImagingMethod> imagingMethods(RoCrateGraph crate, JsonNode root) {
        Set<ImagingMethod> methods = new LinkedHashSet<>();
        for (JsonNode method : crate.refs(root, "measurementMethod")) {
            if (RoCrateGraph.isA(method, "LabProtocol")) {
                for (JsonNode technique : crate.refs(method, "measurementTechnique")) {
                    if (OntologyTerms.fbbiId(crate.iri(technique)).isPresent()) {
                        methods.add(method(crate, technique));
                    }
                }
            } else {
                ImagingMethod m = method(crate, method);
                if (m != null) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    private static ImagingMethod method(RoCrateGraph crate, JsonNode term) {
        String id = OntologyTerms.fbbiId(crate.iri(term)).map(String::valueOf).orElse(JsonRecords.text(term, "identifier"));
        return OntologyTerms.imagingMethod(JsonRecords.text(term, "name"), id);
    }

    private static List<String> keywords(JsonNode root) {
        List<String> keywords = new ArrayList<>();
        for (JsonNode k : JsonRecords.items(root.get("keywords"))) {
            String text = JsonRecords.text(k);
            if (text != null && k.isTextual() && JsonRecords.items(root.get("keywords")).size() == 1 && text.contains(",")) {
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        keywords.add(part.strip());
                    }
                }
            } else if (text != null) {
                keywords.add(text);
            }
        }
        return keywords;
    }

    private static DatasetSize size(RoCrateGraph crate, JsonNode root) {
        Long bytes = null;
        Long files = null;
        List<String> descriptions = new ArrayList<>();
        for (JsonNode value : crate.refs(root, "size")) {
            if (!RoCrateGraph.isA(value, "QuantitativeValue", "QuantitiveValue")) {
                continue;
            }
            JsonNode v = value.get("value");
            Long number = v != null && v.canConvertToLong() ? v.asLong() : null;
            String unit = (Optional.ofNullable(JsonRecords.text(value, "unitCode")).orElse("") + " "
                    + Optional.ofNullable(JsonRecords.text(value, "unitText")).orElse("")).toLowerCase(Locale.ROOT);
            if (number != null && (unit.contains(UO_BYTES.toLowerCase(Locale.ROOT)) || unit.contains("byte"))) {
                bytes = number;
            } else if (number != null && (unit.contains(UO_COUNT.toLowerCase(Locale.ROOT)) || unit.contains("file"))) {
                files = number;
            }
            String description = JsonRecords.text(value, "description");
            if (description != null) {
                descriptions.add(description);
            }
        }
        if (bytes == null && files == null && descriptions.isEmpty()) {
            return null;
        }
        return new DatasetSize(bytes, null, files, descriptions.isEmpty() ? null : String.join("; ", descriptions));
    }

    private static String funding(JsonNode funder) {
        String name = JsonRecords.text(funder, "name");
        String identifier = JsonRecords.text(funder, "identifier");
        if (name == null) {
            return identifier;
        }
        return identifier == null || name.contains(identifier) ? name : name + " (" + identifier + ")";
    }

    private static boolean isHttp(String text) {
        return text != null && (text.startsWith("http://") || text.startsWith("https://"));
    }

    private static String host(String url) {
        if (!isHttp(url)) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
