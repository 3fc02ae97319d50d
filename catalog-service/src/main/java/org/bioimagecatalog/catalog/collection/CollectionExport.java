package org.bioimagecatalog.catalog.collection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bioimagecatalog.catalog.api.DatasetView;
import org.bioimagecatalog.catalog.export.DatasetCsv;
import org.bioimagecatalog.catalog.export.SchemaOrgDataset;
import org.bioimagecatalog.model.ModelJson;

/**
 * A collection exported like a search: as CSV (the columns of the dataset list plus the curator's note) and
 * as a schema.org {@code DataCatalog} whose {@code dataset} list holds each dataset's schema.org
 * {@code Dataset}. Both carry the live datasets the collection points at (a merged dataset through its
 * survivor, once); withdrawn datasets are left out.
 */
public final class CollectionExport {
    private CollectionExport() {}

    /** The live datasets of the collection with their notes, each dataset once. */
    record Line(DatasetView dataset, String note) {}

    static List<Line> lines(CuratedCollection collection) {
        Set<String> seen = new LinkedHashSet<>();
        List<Line> lines = new ArrayList<>();
        for (CuratedCollection.Entry entry : collection.entries()) {
            if (entry.current() != null && seen.add(entry.current().id)) {
                lines.add(new Line(DatasetView.of(entry.current()), entry.note()));
            }
        }
        return lines;
    }

    static String csv(CuratedCollection collection, Function<String, String> datasetUrl) {
        List<Line> lines = lines(collection);
        return DatasetCsv.withNotes(lines.stream().map(l -> new DatasetCsv.Row(l.dataset().id(),
                        l.dataset().sourceRecords(), l.dataset().metadata(), l.dataset().quality().score(),
                        datasetUrl.apply(l.dataset().id()))).toList(),
                lines.stream().map(Line::note).toList());
    }

    static ObjectNode jsonLd(CuratedCollection collection, String self, Function<String, String> datasetUrl) {
        ObjectNode catalog = ModelJson.mapper().createObjectNode();
        catalog.put("@context", "https://schema.org/");
        catalog.put("@type", "DataCatalog");
        catalog.put("@id", self);
        catalog.put("identifier", collection.id());
        catalog.put("url", self);
        catalog.put("name", collection.title());
        if (collection.description() != null) {
            catalog.put("description", collection.description());
        }
        catalog.putObject("creator").put("@type", "Person").put("name", collection.curator());
        catalog.put("dateCreated", collection.createdAt().toString());
        catalog.put("dateModified", collection.updatedAt().toString());
        catalog.put("citation", CollectionView.citation(collection, self));
        catalog.putObject("includedInDataCatalog").put("@type", "DataCatalog").put("name", "BioImage Catalog");
        ArrayNode datasets = catalog.putArray("dataset");
        for (Line line : lines(collection)) {
            ObjectNode dataset = SchemaOrgDataset.of(datasetUrl.apply(line.dataset().id()),
                    line.dataset().sourceRecords(), line.dataset().metadata());
            dataset.remove("@context"); // the catalog's context covers it
            if (line.note() != null) {
                dataset.putObject("comment").put("@type", "Comment").put("text", line.note());
            }
            datasets.add(dataset);
        }
        return catalog;
    }
}
