package org.bioimagecatalog.model.vocab;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.TermRef;

/**
 * FBbi as the catalog uses it: the shipped release, the reviewed curation and the label matcher, loaded
 * once on first use ({@link #get()}; class initialisation makes that thread-safe).
 */
final class FbbiVocabulary {
    private static final Pattern ID = Pattern.compile(
            "^(?i)(?:https?://purl\\.obolibrary\\.org/obo/|obo:)?(?:FBbi[_:]\\s*)?(\\d{8})$");

    private final FbbiOntology ontology;
    private final FbbiCuration curation;
    private final FbbiLabelMatcher matcher;

    FbbiVocabulary(FbbiOntology ontology, FbbiCuration curation) {
        this.ontology = ontology;
        this.curation = curation;
        this.matcher = new FbbiLabelMatcher(ontology, curation);
    }

    private static final class Holder {
        static final FbbiVocabulary INSTANCE = load();

        private static FbbiVocabulary load() {
            FbbiOntology ontology = FbbiOntology.load();
            return new FbbiVocabulary(ontology, FbbiCuration.load(ontology));
        }
    }

    static FbbiVocabulary get() {
        return Holder.INSTANCE;
    }

    /** {@code FBbi:NNNNNNNN} from any written form of an FBbi accession; whether the release knows it or not. */
    static Optional<String> parseId(String accession) {
        if (accession == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(accession.strip());
        return m.matches() ? Optional.of("FBbi:" + m.group(1)) : Optional.empty();
    }

    Optional<String> matchLabel(String label) {
        return matcher.match(label);
    }

    boolean isKnown(String id) {
        return ontology.contains(id);
    }

    boolean isObsolete(String id) {
        return ontology.term(id).map(OboTerm::obsolete).orElse(false);
    }

    Optional<String> name(String id) {
        return ontology.term(id).map(OboTerm::name);
    }

    Optional<FbbiBranch> branch(String id) {
        return ontology.branch(id);
    }

    boolean isImagingMethod(String id) {
        return branch(id).map(b -> b.field() == FbbiField.IMAGING_METHODS).orElse(false);
    }

    boolean isGeneral(String id) {
        return curation.generalTerms().contains(id);
    }

    Optional<String> impliedMethod(String id) {
        return Optional.ofNullable(curation.impliedMethods().get(id));
    }

    List<String> ancestorIds(String id) {
        return ontology.ancestors(id);
    }

    List<TermRef> ancestors(String id) {
        return ontology.ancestors(id).stream().map(a -> new TermRef(a, name(a).orElse(null))).toList();
    }

    Set<String> descendants(String id) {
        return ontology.descendants(id);
    }

    List<String> namesAndSynonyms(String id) {
        return matcher.namesAndSynonyms(id);
    }

    List<String> mappedLabels(String id) {
        return matcher.mappedLabels(curation, id);
    }
}
