package org.bioimagecatalog.harvester.idr.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The two OMERO containers an IDR study is made of: projects (experiments: project → dataset → image) and screens
 * (high-content screens: screen → plate → well → image). Each has its own listing, its own id space (screen 51 and
 * project 51 are different studies) and its own parameter name in the annotations query.
 */
enum ContainerKind {
    PROJECT("projects", "project", "ProjectI", "Project"),
    SCREEN("screens", "screen", "ScreenI", "Screen");

    static final String SCHEMA = "http://www.openmicroscopy.org/Schemas/OME/2016-06#";

    private final String listing;
    private final String parameter;
    private final String omeroClass;
    private final String schemaType;

    ContainerKind(String listing, String parameter, String omeroClass, String schemaType) {
        this.listing = listing;
        this.parameter = parameter;
        this.omeroClass = omeroClass;
        this.schemaType = schemaType;
    }

    /** The listing's path under the API root: {@code api/v0/m/projects/}. */
    String listingPath() {
        return "api/v0/m/" + listing + "/";
    }

    /** The query parameter of the annotations endpoint, and the webclient's {@code show=project-51} prefix. */
    String parameter() {
        return parameter;
    }

    /** The class an annotation's {@code link.parent} names: {@code ProjectI}. */
    String omeroClass() {
        return omeroClass;
    }

    /** The {@code @type} of a listed container: {@code http://www.openmicroscopy.org/Schemas/OME/2016-06#Project}. */
    String schemaType() {
        return SCHEMA + schemaType;
    }

    /** The identifier scheme of the container's OMERO id in a record: {@code idr-project:51}. */
    String identifierScheme() {
        return "idr-" + parameter;
    }

    static Optional<ContainerKind> ofParentClass(String omeroClass) {
        for (ContainerKind kind : values()) {
            if (kind.omeroClass.equals(omeroClass)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
