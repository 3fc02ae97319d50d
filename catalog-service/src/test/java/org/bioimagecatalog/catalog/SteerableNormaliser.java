package org.bioimagecatalog.catalog;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;
import org.bioimagecatalog.catalog.merge.CanonicalNormaliser;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.vocab.TaxonResolver;

/**
 * The service's normaliser, whose version and answers a test can move on, as a vocabulary release would: by
 * default it is the real one. {@link #steer} gives it a newer version and a rule applied after the real
 * normaliser; {@link #raw} stores records as harvested; {@link #reset} goes back. A singleton: the subclass of
 * a bean without a no-args constructor cannot be proxied.
 */
@Alternative
@Priority(1)
@Singleton
public class SteerableNormaliser extends CanonicalNormaliser {
    private volatile Integer version;
    private volatile UnaryOperator<DatasetMetadata> after;
    private volatile boolean raw;

    @Inject
    public SteerableNormaliser(TaxonResolver onlineTaxa) {
        super(onlineTaxa);
    }

    public void steer(int newVersion, UnaryOperator<DatasetMetadata> rule) {
        this.after = rule;
        this.version = newVersion;
    }

    public void raw(boolean on) {
        this.raw = on;
    }

    public void reset() {
        version = null;
        after = null;
        raw = false;
    }

    @Override
    public int version() {
        Integer v = version;
        return v != null ? v : super.version();
    }

    @Override
    public DatasetMetadata normalise(DatasetMetadata metadata) {
        if (raw || metadata == null) {
            return metadata;
        }
        DatasetMetadata normalised = super.normalise(metadata);
        UnaryOperator<DatasetMetadata> rule = after;
        return rule == null ? normalised : rule.apply(normalised);
    }
}
