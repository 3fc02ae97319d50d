package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An imaging method as the source named it ({@code label}), with its FBbi term id ({@code FBbi:00000246}),
 * canonical name and ancestors under the imaging-method branch where the normaliser resolved it.
 * {@code inferred} is true when the method was implied by another term through a reviewed mapping (an EMPIAR
 * entry that names only "elastic scattering of electrons" is electron microscopy), not stated by the source.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImagingMethod(String label, String fbbiId, String name, List<TermRef> ancestors, Boolean inferred) {

    public ImagingMethod {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
        inferred = Boolean.TRUE.equals(inferred) ? Boolean.TRUE : null;
    }

    /** What a harvester knows: the source's label and any id it gave. */
    public ImagingMethod(String label, String fbbiId) {
        this(label, fbbiId, null, List.of(), null);
    }
}
