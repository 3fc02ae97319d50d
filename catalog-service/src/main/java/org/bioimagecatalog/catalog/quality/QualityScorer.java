package org.bioimagecatalog.catalog.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Publication;

/**
 * Scores metadata against the fields REMBI and MIFA recommend for a reusable bioimage dataset. Each check
 * weighs the same; the score is the percentage passed, rounded. The names in {@code missing} are the ones
 * the README documents, so that a data steward knows what to add.
 */
public final class QualityScorer {
    /** The recommended fields, in the order they are reported. */
    public static final Map<String, Predicate<DatasetMetadata>> CHECKS = checks();

    private QualityScorer() {}

    public static Quality score(DatasetMetadata m) {
        List<String> missing = new ArrayList<>();
        CHECKS.forEach((name, check) -> {
            if (!check.test(m)) {
                missing.add(name);
            }
        });
        int passed = CHECKS.size() - missing.size();
        return new Quality(Math.round(100f * passed / CHECKS.size()), missing);
    }

    private static Map<String, Predicate<DatasetMetadata>> checks() {
        Map<String, Predicate<DatasetMetadata>> checks = new LinkedHashMap<>();
        // study: a description long enough to say what was imaged and why
        checks.put("description", m -> m.description() != null && m.description().strip().length() >= 50);
        // sample (REMBI "biosample"): organism and sample type
        checks.put("organism", m -> !m.organisms().isEmpty());
        checks.put("sampleType", m -> !m.sampleTypes().isEmpty());
        // acquisition (REMBI "image acquisition"): the imaging method
        checks.put("imagingMethod", m -> !m.imagingMethods().isEmpty());
        checks.put("license", m -> m.license() != null
                && (m.license().spdx() != null || m.license().url() != null || m.license().label() != null));
        checks.put("publication", m -> m.publications().stream().anyMatch(Publication::hasIdentifier));
        checks.put("creators", m -> !m.creators().isEmpty());
        checks.put("creatorOrcid", m -> m.creators().stream().anyMatch(c -> c.orcid() != null));
        checks.put("size", m -> hasSize(m.size()));
        checks.put("formats", m -> !m.formats().isEmpty());
        checks.put("accessUrl", m -> !m.accessUrls().isEmpty() || m.landingPage() != null);
        checks.put("released", m -> m.released() != null);
        return Collections.unmodifiableMap(checks);
    }

    private static boolean hasSize(DatasetSize size) {
        return size != null && (size.bytes() != null || size.images() != null || size.files() != null);
    }
}
