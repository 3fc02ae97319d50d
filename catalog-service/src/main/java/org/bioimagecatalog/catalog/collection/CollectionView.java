package org.bioimagecatalog.catalog.collection;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection as the API shows it (JSON). */
@Schema(name = "Collection", description = "A curated, citable set of datasets")
public record CollectionView(
        @Schema(description = "Stable id; never reused", example = "col-4f2a9c01b7e3") String id,
        @Schema(description = "The collection's citable URL") String url,
        String title,
        @Schema(nullable = true) String description,
        @Schema(example = "Jane Doe, EMBL-EBI") String curator,
        @Schema(description = "The name of the API key that created it") String createdBy,
        Instant created,
        Instant updated,
        @Schema(description = "Increases by one with every change") int version,
        long datasetCount,
        @Schema(description = "How to cite the collection",
                example = "Jane Doe (2026). Cell Painting datathon 2026 [Data collection]. BioImage Catalog, col-4f2a9c01b7e3. https://…/api/v1/collections/col-4f2a9c01b7e3")
        String citation,
        @Schema(description = "Left out in lists", nullable = true) List<Item> datasets) {

    @Schema(name = "CollectionItem")
    public record Item(
            @Schema(description = "The dataset as it was added") String datasetId,
            @Schema(nullable = true) String note,
            String addedBy,
            Instant added,
            @Schema(description = "live, merged (see currentId) or withdrawn", example = "live") String status,
            @Schema(description = "The live dataset holding its records now (itself unless merged)", nullable = true)
            String currentId,
            @Schema(nullable = true) String title,
            @Schema(nullable = true) String url) {}

    public static CollectionView of(CuratedCollection c, String self, String datasetsBase, boolean withItems) {
        List<Item> items = withItems ? c.entries().stream().map(e -> item(e, datasetsBase)).toList() : null;
        return new CollectionView(c.id(), self, c.title(), c.description(), c.curator(), c.createdBy(),
                c.createdAt(), c.updatedAt(), c.version(), c.datasetCount(), citation(c, self), items);
    }

    static String citation(CuratedCollection c, String self) {
        return c.curator() + " (" + c.createdAt().toString().substring(0, 4) + "). " + c.title()
                + " [Data collection]. BioImage Catalog, " + c.id() + ". " + self;
    }

    private static Item item(CuratedCollection.Entry e, String datasetsBase) {
        String status = e.current() == null ? "withdrawn" : e.current().id.equals(e.datasetId()) ? "live" : "merged";
        String currentId = e.current() == null ? null : e.current().id;
        return new Item(e.datasetId(), e.note(), e.addedBy(), e.addedAt(), status, currentId,
                e.current() == null ? null : e.current().documentAsEvent().metadata().title(),
                currentId == null ? null : datasetsBase + "/" + currentId);
    }
}
