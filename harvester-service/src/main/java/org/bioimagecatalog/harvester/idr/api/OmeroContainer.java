package org.bioimagecatalog.harvester.idr.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One listed project or screen: {@code idr0022-koedoot-cellmigration/screenA}, screen 2151. IDR names every container
 * after its study, so the accession is the start of the {@code Name}; a name without a {@code /component} suffix is
 * the study's umbrella container, which holds no images but carries the study-level description.
 */
record OmeroContainer(ContainerKind kind, long id, String name, String description) {
    /** Where IDR's web client shows a container; always the public IDR, whichever mirror was harvested. */
    static final String WEBCLIENT = "https://idr.openmicroscopy.org/webclient/?show=";
    private static final Pattern ACCESSION = Pattern.compile("^(idr\\d{4})(?:[-/]|$)", Pattern.CASE_INSENSITIVE);

    Optional<String> studyAccession() {
        Matcher m = ACCESSION.matcher(name == null ? "" : name.strip());
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    boolean isUmbrella() {
        return name != null && !name.contains("/");
    }

    String webclientUrl() {
        return WEBCLIENT + kind.parameter() + "-" + id;
    }

    /** {@code screen 2151 (idr0022-koedoot-cellmigration/screenA)}, for messages. */
    String label() {
        return kind + " " + id + " (" + name + ")";
    }
}
