package org.bioimagecatalog.reuse.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A creator of a dataset as the tracker keeps it: enough to credit them (ORCID, normalised) and to recognise
 * self-reuse (name). E-mail addresses from the catalog record are deliberately not copied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Producer(String name, String orcid) {}
