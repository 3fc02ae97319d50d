package org.bioimagecatalog.reuse.citation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a DataCite/Scholix relation type between a dataset and a work means for credit. "Dataset IsSupplementTo
 * paper" makes the paper the publication describing the dataset (PRIMARY); "dataset IsCitedBy / IsReferencedBy
 * paper" is reuse. "Dataset References paper" (the dataset cites the paper) is no credit for the dataset and
 * gives nothing. Scholix's generic IsRelatedTo counts as reuse, with the relation kept in the evidence detail.
 */
public final class RelationTypes {
    /** dataset RELATION work */
    private static final Map<String, LinkRelation> FROM_DATASET = Map.of(
            "issupplementto", LinkRelation.PRIMARY,
            "isdescribedby", LinkRelation.PRIMARY,
            "isdocumentedby", LinkRelation.PRIMARY,
            "iscitedby", LinkRelation.REUSE,
            "isreferencedby", LinkRelation.REUSE,
            "issourceof", LinkRelation.REUSE,
            "isrequiredby", LinkRelation.REUSE,
            "isrelatedto", LinkRelation.REUSE);

    /** work RELATION dataset */
    private static final Map<String, LinkRelation> FROM_WORK = Map.of(
            "issupplementedby", LinkRelation.PRIMARY,
            "describes", LinkRelation.PRIMARY,
            "documents", LinkRelation.PRIMARY,
            "cites", LinkRelation.REUSE,
            "references", LinkRelation.REUSE,
            "isderivedfrom", LinkRelation.REUSE,
            "requires", LinkRelation.REUSE,
            "isrelatedto", LinkRelation.REUSE);

    private RelationTypes() {}

    public static Optional<LinkRelation> fromDatasetSide(String relationType) {
        return Optional.ofNullable(relationType == null ? null : FROM_DATASET.get(relationType.toLowerCase(Locale.ROOT)));
    }

    public static Optional<LinkRelation> fromWorkSide(String relationType) {
        return Optional.ofNullable(relationType == null ? null : FROM_WORK.get(relationType.toLowerCase(Locale.ROOT)));
    }
}
