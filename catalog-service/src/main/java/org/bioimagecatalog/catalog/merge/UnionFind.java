package org.bioimagecatalog.catalog.merge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Disjoint sets of record keys; {@link #groups} lists them sorted, each group by key, groups by first key. */
final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    UnionFind(Collection<String> keys) {
        keys.forEach(k -> parent.put(k, k));
    }

    void union(String a, String b) {
        if (!parent.containsKey(a) || !parent.containsKey(b)) {
            return;
        }
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private String find(String key) {
        String root = key;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(key, root);
        return root;
    }

    List<List<String>> groups() {
        Map<String, TreeSet<String>> byRoot = new TreeMap<>();
        parent.keySet().forEach(k -> byRoot.computeIfAbsent(find(k), r -> new TreeSet<>()).add(k));
        List<List<String>> result = new ArrayList<>();
        byRoot.values().stream()
                .sorted((x, y) -> x.first().compareTo(y.first()))
                .forEach(g -> result.add(List.copyOf(g)));
        return result;
    }
}
