package org.bioimagecatalog.model.vocab;

import java.util.List;

/** One {@code [Term]} stanza of an OBO file: what the catalog uses of it. */
record OboTerm(String id, String name, List<String> exactSynonyms, List<String> relatedSynonyms, List<String> parents,
        boolean obsolete) {

    OboTerm {
        exactSynonyms = List.copyOf(exactSynonyms);
        relatedSynonyms = List.copyOf(relatedSynonyms);
        parents = List.copyOf(parents);
    }
}
