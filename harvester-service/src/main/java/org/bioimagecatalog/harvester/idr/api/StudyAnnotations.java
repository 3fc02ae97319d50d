package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bioimagecatalog.harvester.files.InvalidRecordException;

/**
 * The study-level key/value pairs of a study's containers, from the answer of
 * {@code GET /webclient/api/annotations/?type=map&project=…&screen=…}:
 * {@code {"annotations": [{"id", "ns", "class": "MapAnnotationI", "values": [["Study Title", "…"], …],
 * "link": {"parent": {"id", "class": "ProjectI", "name"}}, …}], "experimenters": […]}}.
 * Only the study namespaces count ({@code idr.openmicroscopy.org/study/info}, where IDR writes the study file's
 * study-level keys, and the web client's own {@code openmicroscopy.org/omero/client/mapAnnotation}); an annotation is
 * assigned to the container its {@code link.parent} names, since project and screen ids share numbers.
 */
final class StudyAnnotations {
    static final String STUDY_INFO = "idr.openmicroscopy.org/study/info";
    static final String CLIENT_MAP = "openmicroscopy.org/omero/client/mapAnnotation";
    private static final Set<String> STUDY_NAMESPACES = Set.of(STUDY_INFO, CLIENT_MAP);

    private StudyAnnotations() {}

    /** The pairs per container, in the study's container order; a container without study annotations has none. */
    static Map<OmeroContainer, List<Map.Entry<String, String>>> read(JsonNode answer, IdrApiStudy study)
            throws InvalidRecordException {
        JsonNode annotations = answer == null ? null : answer.get("annotations");
        if (annotations == null || !annotations.isArray()) {
            throw new InvalidRecordException("not a map annotations answer: no 'annotations' list");
        }
        Map<OmeroContainer, List<Map.Entry<String, String>>> pairs = new LinkedHashMap<>();
        study.containers().forEach(c -> pairs.put(c, new ArrayList<>()));
        for (JsonNode annotation : annotations) {
            if (!annotation.isObject() || !STUDY_NAMESPACES.contains(annotation.path("ns").asText())) {
                continue;
            }
            Optional<OmeroContainer> parent = parent(annotation.path("link").path("parent"), study);
            if (parent.isPresent()) {
                pairs.get(parent.get()).addAll(values(annotation, parent.get()));
            }
        }
        return pairs;
    }

    private static Optional<OmeroContainer> parent(JsonNode parent, IdrApiStudy study) {
        Optional<ContainerKind> kind = ContainerKind.ofParentClass(parent.path("class").asText());
        long id = parent.path("id").asLong(-1);
        return kind.flatMap(k -> study.containers().stream().filter(c -> c.kind() == k && c.id() == id).findFirst());
    }

    private static List<Map.Entry<String, String>> values(JsonNode annotation, OmeroContainer container)
            throws InvalidRecordException {
        JsonNode values = annotation.get("values");
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (values == null || !values.isArray()) {
            throw new InvalidRecordException("map annotation " + annotation.path("id").asText("?") + " of "
                    + container.label() + " has no 'values' list of [key, value] pairs");
        }
        for (JsonNode pair : values) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !(pair.get(1).isTextual() || pair.get(1).isNull())) {
                throw new InvalidRecordException("map annotation " + annotation.path("id").asText("?") + " of "
                        + container.label() + ": " + pair + " is not a [key, value] pair");
            }
            String value = pair.get(1).isNull() ? "" : pair.get(1).asText().strip();
            if (!value.isEmpty()) {
                pairs.add(Map.entry(pair.get(0).asText().strip(), value));
            }
        }
        return pairs;
    }
}
