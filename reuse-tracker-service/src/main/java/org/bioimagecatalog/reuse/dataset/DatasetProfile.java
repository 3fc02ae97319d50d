package org.bioimagecatalog.reuse.dataset;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.reuse.citation.PublicationRef;

/**
 * The part of a catalog dataset the reuse tracker needs: the ids collectors will look for in the
 * literature, the producers to credit, and the primary publications. Values are normalised and sorted so
 * that the same catalog record always gives an equal profile (replays are then recognised as no change).
 */
public record DatasetProfile(
        String title,
        List<String> sources,
        List<Identifier> identifiers,
        List<Producer> producers,
        List<PublicationRef> primaryPublications,
        String primaryEvidenceDetail) {

    private static final Comparator<Identifier> BY_SCHEME_AND_VALUE =
            Comparator.comparing(Identifier::scheme).thenComparing(Identifier::value);

    public static DatasetProfile of(DatasetChanged event) {
        DatasetMetadata metadata = event.metadata();
        return new DatasetProfile(
                metadata.title(),
                List.copyOf(new TreeSet<>(event.sources())),
                identifiers(metadata, event.sourceRecords()),
                producers(metadata.creators()),
                primaryPublications(metadata.publications()),
                primaryEvidenceDetail(event));
    }

    /** DOIs and archive accessions, from the record's identifiers and from the source records merged into it. */
    static List<Identifier> identifiers(DatasetMetadata metadata, List<SourceRecordRef> sourceRecords) {
        Set<Identifier> found = new TreeSet<>(BY_SCHEME_AND_VALUE);
        for (Identifier id : metadata.identifiers()) {
            String scheme = id.scheme() == null ? "" : id.scheme().toLowerCase(Locale.ROOT);
            if (scheme.equals(Identifier.DOI) || scheme.equals(Identifier.URL)) {
                Doi.normalise(id.value()).ifPresent(doi -> found.add(Identifier.of(Identifier.DOI, doi)));
            }
            accession(id.value()).ifPresent(found::add);
        }
        for (SourceRecordRef ref : sourceRecords) {
            accession(ref.nativeId()).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private static Optional<Identifier> accession(String value) {
        return Accession.parse(value).map(a -> Identifier.of(a.archive().source(), a.value()));
    }

    static List<Producer> producers(List<Creator> creators) {
        Set<Producer> producers = new LinkedHashSet<>();
        for (Creator creator : creators) {
            String name = creator.name() == null || creator.name().isBlank() ? null : creator.name().strip();
            String orcid = Orcid.normalise(creator.orcid()).orElse(null);
            if (name != null || orcid != null) {
                producers.add(new Producer(name, orcid));
            }
        }
        return List.copyOf(producers);
    }

    /** PRIMARY publications with at least one usable id; RELATED ones are left to the collectors. */
    static List<PublicationRef> primaryPublications(List<Publication> publications) {
        return publications.stream()
                .filter(p -> p.relation() == Publication.Relation.PRIMARY)
                .map(PublicationRef::from)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    private static String primaryEvidenceDetail(DatasetChanged event) {
        String sources = event.sourceRecords().stream().map(SourceRecordRef::key).sorted()
                .collect(Collectors.joining(", "));
        return sources.isEmpty()
                ? "listed as primary publication in catalog dataset " + event.datasetId()
                : "listed as primary publication by " + sources;
    }
}
