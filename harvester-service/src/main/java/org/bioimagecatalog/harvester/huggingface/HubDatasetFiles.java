package org.bioimagecatalog.harvester.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * An offline copy of Hub metadata: a folder of {@code *.json} files (searched recursively, read in path order), each a
 * saved {@code /api/datasets} page (an array) or one dataset ({@code /api/datasets/{id}}, an object); or one such
 * file. Each file is one page; a file that is not JSON is a rejected page and the next file is read. No checkpoint.
 */
final class HubDatasetFiles implements PageReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Iterator<Path> files;
    private final BiFunction<JsonNode, String, PageEntry> entry;

    private HubDatasetFiles(List<Path> files, BiFunction<JsonNode, String, PageEntry> entry) {
        this.files = files.iterator();
        this.entry = entry;
    }

    /** @param entry maps a dataset and the {@code file:} URI it was read from */
    static HubDatasetFiles open(Path location, BiFunction<JsonNode, String, PageEntry> entry) throws LocationUnreadableException {
        if (!Files.exists(location)) {
            throw new LocationUnreadableException("no such file or directory: " + location);
        }
        if (Files.isRegularFile(location)) {
            return new HubDatasetFiles(List.of(location), entry);
        }
        try (Stream<Path> walk = Files.walk(location)) {
            List<Path> pages = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
            if (pages.isEmpty()) {
                throw new LocationUnreadableException("no Hub dataset files (*.json) in " + location);
            }
            return new HubDatasetFiles(pages, entry);
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot list " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException {
        if (!files.hasNext()) {
            return null;
        }
        Path file = files.next();
        String where = file.toUri().toString();
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isArray() && !json.isObject()) {
            return List.of(new PageEntry.Rejected(new RecordRejectedException(where,
                    file.getFileName() + ": not a Hub datasets page or dataset (JSON array or object)", HubDatasetPages.excerpt(body))));
        }
        List<PageEntry> entries = new ArrayList<>();
        for (JsonNode dataset : json.isArray() ? json : List.of(json)) {
            entries.add(entry.apply(dataset, where));
        }
        return entries;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.empty();
    }
}
