package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.OntologyTerm;

/**
 * Resolves a dataset's FBbi values (imaging methods, and terms already sorted into the other branches) and
 * writes each into the field of its branch:
 * <ul>
 *   <li>imaging methods keep their label and gain the FBbi id, canonical name and ancestors;</li>
 *   <li>sample preparation, visualization and imaged-parameter terms (which archives list as methods) move to
 *       {@code samplePreparation}, {@code visualizationMethods} and {@code imagingParameters};</li>
 *   <li>a non-method term may imply a method through the reviewed mapping; that method is added with
 *       {@code inferred=true} unless the dataset already names it or a method below it;</li>
 *   <li>a general term ("recorded image") is dropped as a method of its own when the dataset names a
 *       specific one: it stays in the specific method's ancestors;</li>
 *   <li>a label no vocabulary knows stays as given, without an id.</li>
 * </ul>
 * Running it again on its own output gives the same record (inferred methods are derived afresh).
 */
final class ImagingTermNormaliser {
    private final FbbiVocabulary fbbi;

    ImagingTermNormaliser() {
        this(FbbiVocabulary.get());
    }

    ImagingTermNormaliser(FbbiVocabulary fbbi) {
        this.fbbi = fbbi;
    }

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {
        List<Value> resolved = new ArrayList<>();
        source.imagingMethods().stream().filter(m -> !Boolean.TRUE.equals(m.inferred()))
                .forEach(m -> resolved.add(resolve(m.label(), m.fbbiId(), FbbiField.IMAGING_METHODS)));
        source.samplePreparation().forEach(t -> resolved.add(resolve(t.label(), t.id(), FbbiField.SAMPLE_PREPARATION)));
        source.visualizationMethods().forEach(t -> resolved.add(resolve(t.label(), t.id(), FbbiField.VISUALIZATION_METHODS)));
        source.imagingParameters().forEach(t -> resolved.add(resolve(t.label(), t.id(), FbbiField.IMAGING_PARAMETERS)));
        List<Value> values = resolved.stream().filter(Objects::nonNull).toList();

        Map<String, ImagingMethod> methods = new LinkedHashMap<>();
        target.clearImagingMethods().clearSamplePreparation().clearVisualizationMethods().clearImagingParameters();
        for (Value v : values) {
            switch (v.field()) {
                case IMAGING_METHODS -> methods.putIfAbsent(v.key(), method(v.label(), v.id(), false));
                case SAMPLE_PREPARATION -> target.samplePreparation(v.term());
                case VISUALIZATION_METHODS -> target.visualizationMethod(v.term());
                case IMAGING_PARAMETERS -> target.imagingParameter(v.term());
            }
        }
        for (Value v : values) {
            Optional<String> implied = v.id() == null || v.field() == FbbiField.IMAGING_METHODS
                    ? Optional.empty() : fbbi.impliedMethod(v.id());
            implied.filter(m -> !namesMethodAtOrBelow(methods.values(), m))
                    .ifPresent(m -> methods.put(m, method(fbbi.name(m).orElse(m), m, true)));
        }
        boolean specific = methods.values().stream().anyMatch(m -> m.fbbiId() != null && !namesGeneralTerm(m));
        methods.values().stream().filter(m -> !(specific && namesGeneralTerm(m))).forEach(target::imagingMethod);
    }

    /**
     * Whether the value is a general term by its own name ("recorded image"). A label that the reviewed mapping
     * sends to a general term because FBbi has nothing narrower ("imaging mass cytometry") is a method of its
     * own and stays.
     */
    private boolean namesGeneralTerm(ImagingMethod m) {
        if (m.fbbiId() == null || !fbbi.isGeneral(m.fbbiId())) {
            return false;
        }
        String key = LabelKey.of(m.label());
        return key.isEmpty() || fbbi.namesAndSynonyms(m.fbbiId()).stream().map(LabelKey::of).anyMatch(key::equals);
    }

    private boolean namesMethodAtOrBelow(Iterable<ImagingMethod> methods, String id) {
        for (ImagingMethod m : methods) {
            if (id.equals(m.fbbiId()) || (m.fbbiId() != null && fbbi.ancestorIds(m.fbbiId()).contains(id))) {
                return true;
            }
        }
        return false;
    }

    private ImagingMethod method(String label, String id, boolean inferred) {
        if (id == null) {
            return new ImagingMethod(label, null);
        }
        return new ImagingMethod(label, id, fbbi.name(id).orElse(null), fbbi.ancestors(id), inferred);
    }

    /**
     * The source's id decides when the release knows it, unless it points outside the imaging methods while
     * the label names a method ("light sheet fluorescence microscopy" given with the id of light-sheet
     * illumination) or it is obsolete; otherwise the label decides. An FBbi id newer than the shipped release is
     * kept as given, without name or branch. Null when there is neither label nor id.
     */
    private Value resolve(String label, String givenId, FbbiField sourceField) {
        String clean = label == null || label.isBlank() ? null : label.strip();
        Optional<String> parsed = FbbiVocabulary.parseId(givenId);
        String fromId = parsed.filter(fbbi::isKnown).orElse(null);
        String fromLabel = clean == null ? null : fbbi.matchLabel(clean).orElse(null);
        if (clean == null && parsed.isEmpty()) {
            return null;
        }
        String id;
        if (fromId != null && (fromLabel == null || fromLabel.equals(fromId)
                || (!fbbi.isObsolete(fromId) && (fbbi.isImagingMethod(fromId) || !fbbi.isImagingMethod(fromLabel))))) {
            id = fromId;
        } else if (fromLabel != null) {
            id = fromLabel;
        } else {
            id = parsed.orElse(null);
        }
        FbbiField field = id == null ? sourceField : fbbi.branch(id).map(FbbiBranch::field).orElse(sourceField);
        return new Value(clean, id, field, id == null ? null : fbbi.name(id).orElse(null));
    }

    private record Value(String label, String id, FbbiField field, String name) {
        String key() {
            return id != null ? id : "label:" + LabelKey.of(label);
        }

        OntologyTerm term() {
            return new OntologyTerm(label, id, name);
        }
    }
}
