package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/**
 * A folder of saved OMERO API answers, laid out like the API's paths:
 * <pre>
 * api/v0/m/projects/*.json                 saved pages of GET /api/v0/m/projects/ (any names, read in name order)
 * api/v0/m/screens/*.json                  saved pages of GET /api/v0/m/screens/
 * webclient/api/annotations/project-51.json    GET /webclient/api/annotations/?type=map&amp;project=51
 * webclient/api/annotations/screen-2151.json   GET /webclient/api/annotations/?type=map&amp;screen=2151
 * </pre>
 * The query of an annotations request is in the file name, one container per file, so that each container's answer
 * can be saved with a plain {@code curl -o}.
 */
final class SavedOmeroAnswers implements OmeroAnswers {
    static final String ANNOTATIONS = "webclient/api/annotations";

    private final Path root;

    SavedOmeroAnswers(Path root) {
        this.root = root;
    }

    @Override
    public ContainerListing containers() throws LocationUnreadableException {
        if (!Files.isDirectory(root)) {
            throw new LocationUnreadableException(Files.exists(root) ? root + " is not a folder of saved OMERO API answers"
                    : "no such file or directory: " + root);
        }
        ContainerListing listing = new ContainerListing();
        boolean any = false;
        for (ContainerKind kind : ContainerKind.values()) {
            Path folder = root.resolve(kind.listingPath());
            if (Files.isDirectory(folder)) {
                any = true;
                for (Path page : jsonFiles(folder)) {
                    read(page, kind, listing);
                }
            }
        }
        if (!any) {
            throw new LocationUnreadableException("no saved OMERO API answers under " + root
                    + ": expected api/v0/m/projects/*.json or api/v0/m/screens/*.json");
        }
        return listing;
    }

    private static void read(Path page, ContainerKind kind, ContainerListing listing) {
        byte[] body;
        try {
            body = Files.readAllBytes(page);
            ContainerPage.read(JsonRecords.parse(body), kind, page.toString(), listing);
        } catch (IOException e) {
            listing.unreadable(new RecordRejectedException(page.toString(), page.getFileName() + ": cannot be read: "
                    + e.getMessage(), null));
        } catch (InvalidRecordException e) {
            listing.unreadable(new RecordRejectedException(page.toString(), page.getFileName() + ": " + e.getMessage(),
                    excerpt(page)));
        }
    }

    private static List<Path> jsonFiles(Path folder) throws LocationUnreadableException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new LocationUnreadableException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String annotationsLocation(IdrApiStudy study) {
        return root.resolve(ANNOTATIONS) + "#" + study.accession();
    }

    @Override
    public String sourceUrl(IdrApiStudy study) {
        return root.resolve(ANNOTATIONS).toUri() + "#" + study.accession();
    }

    @Override
    public String containerLocation(OmeroContainer container) {
        return root.resolve(container.kind().listingPath()) + "#" + container.kind().parameter() + "-" + container.id();
    }

    /** The saved answers of the study's containers, their annotations joined as one answer would hold them. */
    @Override
    public JsonNode annotations(IdrApiStudy study) throws RecordRejectedException {
        ObjectNode joined = JsonNodeFactory.instance.objectNode();
        ArrayNode annotations = joined.putArray("annotations");
        for (OmeroContainer container : study.containers()) {
            Path file = root.resolve(ANNOTATIONS).resolve(container.kind().parameter() + "-" + container.id() + ".json");
            String location = annotationsLocation(study);
            if (!Files.isRegularFile(file)) {
                throw new RecordRejectedException(location, study.accession() + ": no saved map annotations of "
                        + container.label() + ": expected " + root.relativize(file), null);
            }
            JsonNode answer;
            try {
                answer = JsonRecords.parse(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new RecordRejectedException(location, study.accession() + ": " + file.getFileName()
                        + " cannot be read: " + e.getMessage(), null);
            } catch (InvalidRecordException e) {
                throw new RecordRejectedException(location, study.accession() + ": the map annotations answer "
                        + file.getFileName() + ": " + e.getMessage(), excerpt(file));
            }
            JsonNode list = answer.get("annotations");
            if (list == null || !list.isArray()) {
                throw new RecordRejectedException(location, study.accession() + ": " + file.getFileName()
                        + " is not a map annotations answer: no 'annotations' list", excerpt(file));
            }
            annotations.addAll((ArrayNode) list);
        }
        return joined;
    }

    private static String excerpt(Path file) {
        try {
            return OmeroApi.excerpt(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }
}
