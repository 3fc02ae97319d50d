package org.bioimagecatalog.reuse.citation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bioimagecatalog.reuse.dataset.Producer;

/** Whether a citing work is (partly) by the dataset's own producers: by ORCID first, else by normalised name. */
public final class SelfReuse {
    private SelfReuse() {}

    public static boolean isSelfReuse(List<Producer> producers, List<Author> authors) {
        Set<String> producerOrcids = producers.stream().map(Producer::orcid).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (authors.stream().map(Author::orcid).filter(Objects::nonNull).anyMatch(producerOrcids::contains)) {
            return true;
        }
        Set<String> producerNames = producers.stream().map(p -> PersonNames.key(p.name())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return authors.stream().map(a -> PersonNames.key(a.name())).flatMap(Optional::stream)
                .anyMatch(producerNames::contains);
    }

    /** Authors from the comma-separated list a publication row keeps ("Graml V, Studera X"). */
    public static List<Author> fromAuthorList(String authors) {
        if (authors == null || authors.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(authors.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> new Author(name, null)).toList();
    }
}
