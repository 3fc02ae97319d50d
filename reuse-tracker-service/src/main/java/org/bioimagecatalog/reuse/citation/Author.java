package org.bioimagecatalog.reuse.citation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.ids.Orcid;

/** An author of a citing work as a source names them; the ORCID normalised when it is a valid one. */
public record Author(String name, String orcid) {

    public static Author of(String name, String orcid) {
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        return new Author(cleanName, Orcid.normalise(orcid).orElse(null));
    }

    /** The names as the publication row keeps them: {@code "Graml V, Studera X"}; null when there is none. */
    public static String joinNames(List<Author> authors) {
        String joined = authors.stream().map(Author::name).filter(Objects::nonNull).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }
}
