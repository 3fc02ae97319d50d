package org.bioimagecatalog.model.vocab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FBbi release shipped in {@code vocab/fbbi.obo} as a term graph: names, synonyms, {@code is_a} parents,
 * obsolete flags, and the branch ({@code vocab/fbbi-branches.tsv}) each term sits in. Immutable once built.
 */
final class FbbiOntology {
    /** The ontology's own root, "method involved in biological imaging": above every branch, never a value. */
    static final String ROOT = "FBbi_root:00000000";

    private final Map<String, OboTerm> terms;
    private final Map<String, List<String>> children;
    private final List<FbbiBranch> branches;
    private final Map<String, Optional<FbbiBranch>> branchCache = new ConcurrentHashMap<>();

    FbbiOntology(List<OboTerm> terms, List<FbbiBranch> branches) {
        Map<String, OboTerm> byId = new LinkedHashMap<>();
        terms.forEach(t -> byId.put(t.id(), t));
        Map<String, List<String>> kids = new HashMap<>();
        for (OboTerm t : terms) {
            for (String p : t.parents()) {
                kids.computeIfAbsent(p, k -> new ArrayList<>()).add(t.id());
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.terms = Collections.unmodifiableMap(byId);
        this.children = Map.copyOf(kids);
        this.branches = List.copyOf(branches);
        for (FbbiBranch b : branches) {
            if (!byId.containsKey(b.rootId())) {
                throw new IllegalStateException("branch root " + b.rootId() + " of vocab/fbbi-branches.tsv is not in fbbi.obo");
            }
        }
    }

    /** Loads the shipped release and branch table. */
    static FbbiOntology load() {
        List<FbbiBranch> branches = VocabResource.rows("/vocab/fbbi-branches.tsv").stream()
                .map(r -> new FbbiBranch(r[0], r[1], FbbiField.ofFieldName(r[2])))
                .toList();
        return new FbbiOntology(OboParser.parse(VocabResource.text("/vocab/fbbi.obo")), branches);
    }

    Optional<OboTerm> term(String id) {
        return Optional.ofNullable(id == null ? null : terms.get(id));
    }

    boolean contains(String id) {
        return id != null && terms.containsKey(id);
    }

    Iterable<OboTerm> terms() {
        return terms.values();
    }

    List<FbbiBranch> branches() {
        return branches;
    }

    /** Every {@code is_a} ancestor, nearest first, without the ontology root. */
    List<String> ancestors(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(term(id).map(OboTerm::parents).orElse(List.of()));
        while (!queue.isEmpty()) {
            String next = queue.removeFirst();
            if (!next.equals(ROOT) && seen.add(next)) {
                term(next).ifPresent(t -> queue.addAll(t.parents()));
            }
        }
        return List.copyOf(seen);
    }

    /** Every term below {@code id} by {@code is_a}, not {@code id} itself. */
    Set<String> descendants(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(children.getOrDefault(id, List.of()));
        while (!queue.isEmpty()) {
            String next = queue.removeFirst();
            if (seen.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    /** The branch a term sits in, by its own id or an ancestor's; empty for obsolete and upper-level terms. */
    Optional<FbbiBranch> branch(String id) {
        if (!contains(id)) {
            return Optional.empty();
        }
        return branchCache.computeIfAbsent(id, k -> {
            Set<String> lineage = new LinkedHashSet<>(ancestors(k));
            lineage.add(k);
            return branches.stream().filter(b -> lineage.contains(b.rootId())).findFirst();
        });
    }
}
