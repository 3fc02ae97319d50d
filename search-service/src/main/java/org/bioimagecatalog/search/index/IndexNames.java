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

    /** The index of a generation: 1 at first, one more at each reindex. */
    public String versioned(int generation) {
        return prefix + name + "-v" + generation;
    }

    /** The generation of an index named by {@link #versioned}, or 0 for any other name. */
    public int generationOf(String index) {
        String stem = prefix + name + "-v";
        if (index == null || !index.startsWith(stem)) {
            return 0;
        }
        try {
            return Integer.parseInt(index.substring(stem.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
