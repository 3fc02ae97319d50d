package org.bioimagecatalog.catalog.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.model.ids.Doi;

/**
 * The keys under which a source record claims to <em>be</em> a dataset; two active records that share one
 * belong to the same canonical dataset. The rule (documented in the README):
 * <ul>
 *   <li>the record's own accession ({@code rec:idr:idr0067}), and for a record whose native id is a DOI
 *       (DataCite, Zenodo …) that DOI, or another archive's accession (a BioImage Archive mirror of
 *       {@code EMPIAR-10310}) that archive's record key;</li>
 *   <li>archive accessions listed in {@code identifiers} ({@code bia:S-BIAD15} in an IDR study, an IDR
 *       accession in a Zenodo record, the declared aliases of a Cell Painting Gallery dataset) — unless the record lists two or more accessions of one archive (a
 *       record naming several IDR studies is a collection or a derived work, not a copy of one study), and
 *       except accessions of the record's own archive (another IDR study named by an IDR study is related);</li>
 *   <li>data DOIs listed in {@code identifiers}, except a DOI the same record also gives as a publication
 *       DOI (an article DOI says "described by", and would fuse every dataset of one paper).</li>
 * </ul>
 * {@code relatedDatasets} never produce keys: "related" (derived from, annotations of, compared with) is not
 * "the same dataset".
 */
public final class MatchKeys {
    /** Bump when the rule changes: records matched under an older rule are re-matched at their next sighting. */
    public static final int VERSION = 2;

    private MatchKeys() {}

    public static Set<String> of(String source, String nativeId, DatasetMetadata metadata) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(recordKey(source, nativeId));
        // an archive mirroring another's entry under that entry's accession (BioStudies holds EMPIAR entries as
        // EMPIAR-…): the same images as the entry itself
        Accession.parse(nativeId).filter(a -> !a.archive().source().equals(source.toLowerCase(Locale.ROOT)))
                .ifPresent(a -> keys.add("rec:" + a.recordKey()));
        Doi.normalise(nativeId).ifPresent(doi -> keys.add(doiKey(doi)));
        if (metadata == null) {
            return keys;
        }
        Set<String> publicationDois = new LinkedHashSet<>();
        for (Publication p : metadata.publications()) {
            Doi.normalise(p.doi()).ifPresent(publicationDois::add);
        }
        Map<String, List<String>> accessionsByArchive = new HashMap<>();
        for (Identifier id : metadata.identifiers()) {
            if (Identifier.DOI.equalsIgnoreCase(id.scheme())) {
                Doi.normalise(id.value()).filter(doi -> !publicationDois.contains(doi))
                        .ifPresent(doi -> keys.add(doiKey(doi)));
            } else {
                accession(id).ifPresent(a -> accessionsByArchive
                        .computeIfAbsent(a.archive().source(), s -> new ArrayList<>()).add(a.value()));
            }
        }
        accessionsByArchive.forEach((archive, values) -> {
            List<String> distinct = values.stream().distinct().toList();
            // the record's own archive is covered by its own key; another study of it is at most related
            if (distinct.size() == 1 && !archive.equals(source.toLowerCase(Locale.ROOT))) {
                keys.add(recordKey(archive, distinct.get(0)));
            }
        });
        return keys;
    }

    /** An identifier naming an archive record ({@code bia:S-BIAD15}, or a bare accession under another scheme). */
    private static Optional<Accession> accession(Identifier id) {
        if (id.scheme() == null || id.value() == null || Identifier.URL.equalsIgnoreCase(id.scheme())) {
            return Optional.empty();
        }
        return Accession.parse(id.value());
    }

    static String recordKey(String source, String nativeId) {
        Optional<Accession> accession = Accession.parse(nativeId);
        if (accession.isPresent() && accession.get().archive().source().equals(source)) {
            return "rec:" + accession.get().recordKey();
        }
        return "rec:" + source + ":" + nativeId;
    }

    static String doiKey(String normalisedDoi) {
        return "doi:" + normalisedDoi;
    }
}
