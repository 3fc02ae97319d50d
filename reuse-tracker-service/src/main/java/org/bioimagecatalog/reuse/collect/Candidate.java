package org.bioimagecatalog.reuse.collect;

import java.util.List;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationRef;

/**
 * "This work cites the dataset known by this DOI or accession", as a collector read it; the sink decides
 * whether the id belongs to a tracked dataset.
 */
public record Candidate(String datasetIdentifier, PublicationRef publication, String journal, List<Author> authors,
        LinkRelation relation, String detail) {}
