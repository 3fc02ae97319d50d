package org.bioimagecatalog.harvester.oaipmh;

import static org.bioimagecatalog.harvester.oaipmh.SafeXml.attribute;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.child;
import static org.bioimagecatalog.harvester.oaipmh.SafeXml.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.w3c.dom.Element;

/**
 * An offline copy of an OAI-PMH harvest: a folder of saved {@code ListRecords} response pages ({@code *.xml},
 * searched recursively, read in path order) or one such file. Each file is one page; its resumption token is not
 * followed (the next page is the next file). Such a copy has no "since": no checkpoint is kept.
 */
final class OaiPmhFilePages implements PageReader {
    private final Iterator<Path> files;

    private OaiPmhFilePages(List<Path> files) {
        this.files = files.iterator();
    }

    static OaiPmhFilePages open(Path location) throws LocationUnreadableException {
        if (!Files.exists(location)) {
            throw new LocationUnreadableException("no such file or directory: " + location);
        }
        if (Files.isRegularFile(location)) {
            return new OaiPmhFilePages(List.of(location));
        }
        try (Stream<Path> walk = Files.walk(location)) {
            List<Path> pages = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml"))
                    .sorted().toList();
            if (pages.isEmpty()) {
                throw new LocationUnreadableException("no OAI-PMH response page (*.xml) in " + location);
            }
            return new OaiPmhFilePages(pages);
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot list " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
        if (!files.hasNext()) {
            return null;
        }
        Path file = files.next();
        String where = file.toString();
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Element root = OaiPmhPages.parse(where, 200, body);
        Optional<Element> error = child(root, "error");
        if (error.isPresent()) {
            if ("noRecordsMatch".equals(attribute(error.get(), "code"))) {
                return List.of();
            }
            throw new LocationUnreadableException("OAI-PMH error " + attribute(error.get(), "code")
                    + Optional.ofNullable(text(error.get())).map(m -> " (" + m + ")").orElse("") + " in " + file);
        }
        Element listRecords = child(root, "ListRecords").orElseThrow(() -> new RecordRejectedException(where,
                "OAI-PMH page " + where + ": no ListRecords", null));
        List<PageEntry> entries = new ArrayList<>();
        String fileUri = file.toUri().toString();
        for (Element record : SafeXml.children(listRecords, "record")) {
            entries.add(OaiPmhPages.entry(where, record, id -> fileUri + "#" + id));
        }
        return entries;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.empty();
    }
}
