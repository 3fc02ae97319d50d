package org.bioimagecatalog.catalog.harmony;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bioimagecatalog.model.vocab.TaxonResolver;

/**
 * The bundled taxon table only ({@link TaxonResolver#NONE}) while no online resolver bean exists: a bean of
 * type {@link TaxonResolver} anywhere in the service (the NCBI resolver with its cache) replaces this one.
 */
@Dependent
public class DefaultTaxonResolver {

    @Produces
    @Singleton
    @DefaultBean
    public TaxonResolver bundledTableOnly() {
        return TaxonResolver.NONE;
    }
}
