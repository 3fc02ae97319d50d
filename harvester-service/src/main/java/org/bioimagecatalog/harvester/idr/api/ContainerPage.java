package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.http.JsonPageFetcher;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * Reads one page of {@code GET /api/v0/m/projects/} or {@code /screens/}:
 * {@code {"data": [{"@id", "@type", "Name", "Description", "omero:details", "url:…"}, …],
 * "meta": {"offset", "limit", "maxLimit", "totalCount"}}}. Each usable item is added to the listing; an item without
 * a numeric {@code @id} or a {@code Name}, or of the other kind, is a rejected entry of its own.
 */
final class ContainerPage {
    private ContainerPage() {}

    /** The items read, and {@code meta.totalCount} when the page gives it. */
    record Read(int items, OptionalLong totalCount) {}

    /**
     * @param where the page's URL or file, the location of rejections
     * @throws InvalidRecordException the page is not a listing at all (no {@code data} array)
     */
    static Read read(JsonNode page, ContainerKind kind, String where, ContainerListing listing) throws InvalidRecordException {
        JsonNode data = page == null ? null : page.get("data");
        if (data == null || !data.isArray()) {
            throw new InvalidRecordException("not an OMERO " + kind + " listing: no 'data' list");
        }
        int index = 0;
        for (JsonNode item : data) {
            container(item, kind, where + "#" + index, listing);
            index++;
        }
        JsonNode total = page.path("meta").path("totalCount");
        return new Read(data.size(), total.canConvertToLong() && total.isIntegralNumber()
                ? OptionalLong.of(total.asLong()) : OptionalLong.empty());
    }

    private static void container(JsonNode item, ContainerKind kind, String where, ContainerListing listing) {
        JsonNode id = item.get("@id");
        String name = JsonRecords.text(item, "Name");
        String type = JsonRecords.text(item, "@type");
        String problem = id == null || !id.canConvertToLong() || !id.isIntegralNumber() ? "has no numeric '@id'"
                : name == null ? "has no 'Name'"
                : type != null && !type.equals(kind.schemaType()) ? "is a " + type + ", not a " + kind.schemaType()
                : null;
        if (problem != null) {
            listing.unreadable(new RecordRejectedException(where, "a listed " + kind + " " + problem, JsonPageFetcher.excerpt(item)));
            return;
        }
        listing.add(new OmeroContainer(kind, id.asLong(), name, JsonRecords.text(item, "Description")));
    }
}
