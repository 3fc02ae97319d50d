package org.bioimagecatalog.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.bioimagecatalog.search.ElasticsearchNaming;
import org.bioimagecatalog.search.SearchConfig;

/** Names of the alias everything reads and writes through, and of the versioned indices behind it. */
@ApplicationScoped
public class IndexNames {
    private final String alias;
    private final String prefix;
    private final String name;

    public IndexNames(SearchConfig config, ElasticsearchNaming naming) {
        this.prefix = naming.indexPrefix().orElse("");
        this.name = config.index().name();
        this.alias = prefix + name;
    }

    public String alias() {
        return alias;
    }

    public String versioned(int mappingVersion) {
        return prefix + name + "-v" + mappingVersion;
    }
}
