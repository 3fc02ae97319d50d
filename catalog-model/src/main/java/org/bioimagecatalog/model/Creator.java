package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A person (or organisation) who made the dataset; {@code orcid} is the bare 0000-0000-0000-0000 form. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Creator(String name, String orcid, String affiliation, String email, List<String> roles) {
    public Creator {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
