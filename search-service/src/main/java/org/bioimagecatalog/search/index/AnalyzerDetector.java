package org.bioimagecatalog.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;
import org.jboss.logging.Logger;

/**
 * Asks the cluster whether it has the preferred language analyser. Production clusters (ECK images) have
 * {@code english}; the minimal distribution of the local stack does not, and answers the analyze API with
 * 400 "failed to find global analyzer".
 */
@ApplicationScoped
public class AnalyzerDetector {
    private static final Logger LOG = Logger.getLogger(AnalyzerDetector.class);

    private final ElasticsearchGateway es;
    private final SearchConfig config;

    public AnalyzerDetector(ElasticsearchGateway es, SearchConfig config) {
        this.es = es;
        this.config = config;
    }

    public TextAnalysis detect() {
        String preferred = config.index().preferredAnalyzer();
        if (TextAnalysis.STANDARD.equals(preferred)) {
            return TextAnalysis.standard();
        }
        var answer = es.json("POST", "/_analyze", Map.of("analyzer", preferred, "text", "imaged microscopes"));
        if (answer.ok()) {
            return new TextAnalysis(preferred);
        }
        LOG.infof("the cluster has no '%s' analyser (%s); text fields use 'standard'", preferred, answer.errorType());
        return TextAnalysis.standard();
    }
}
