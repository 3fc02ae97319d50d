package org.bioimagecatalog.reuse.collect;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.reuse.citation.CitationLinker;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.summary.ReuseSummaryPublisher;
import org.jboss.logging.Logger;

/**
 * Turns one run's candidates into links: one transaction per page, then the summaries of the datasets
 * whose figures changed are published (the sweep retries any that fail). Tracked identifiers are read once
 * per run.
 */
final class LinkWritingSink implements CandidateSink {
    private static final Logger LOG = Logger.getLogger(LinkWritingSink.class);

    private final Collector collector;
    private final CitationLinker linker;
    private final ReuseSummaryPublisher summaries;
    private Map<String, List<String>> datasetsById;
    private final Set<String> accessions = new TreeSet<>();
    private int recordsSeen;
    private int matched;
    private int linksCreated;
    private int evidenceAdded;

    LinkWritingSink(Collector collector, CitationLinker linker, ReuseSummaryPublisher summaries) {
        this.collector = collector;
        this.linker = linker;
        this.summaries = summaries;
    }

    @Override
    public Set<String> trackedDois() {
        Set<String> dois = new TreeSet<>();
        index().keySet().stream().filter(k -> k.startsWith("doi:")).forEach(k -> dois.add(k.substring(4)));
        return dois;
    }

    @Override
    public Set<String> trackedAccessions() {
        index();
        return accessions;
    }

    @Override
    public void seen(int records) {
        recordsSeen += records;
    }

    @Override
    public void accept(List<Candidate> page) {
        Set<String> stale = new TreeSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Candidate candidate : page) {
                for (String datasetId : datasetsFor(candidate.datasetIdentifier())) {
                    if (candidate.publication().doi() != null
                            && candidate.publication().doi().equals(Doi.normalise(candidate.datasetIdentifier()).orElse(null))) {
                        continue; // a record relating the dataset to itself
                    }
                    matched++;
                    TrackedDataset dataset = TrackedDataset.findById(datasetId);
                    CitationLinker.Outcome outcome = linker.record(dataset, new CitationLinker.Finding(datasetId,
                            candidate.publication(), candidate.journal(), candidate.authors(), candidate.relation(),
                            collector.kind(), candidate.detail(), null), now);
                    linksCreated += outcome.created() ? 1 : 0;
                    evidenceAdded += outcome.evidenceAdded() ? 1 : 0;
                    stale.addAll(outcome.staleDatasets());
                }
            }
        });
        try {
            summaries.publishStale(stale);
        } catch (RuntimeException e) {
            LOG.warnf("%d reuse summaries not published now (%s); the sweep will retry", stale.size(), e.getMessage());
        }
    }

    private List<String> datasetsFor(String identifier) {
        String key = Doi.normalise(identifier).map(doi -> "doi:" + doi)
                .orElseGet(() -> "acc:" + identifier.strip().toLowerCase(java.util.Locale.ROOT));
        return index().getOrDefault(key, List.of());
    }

    /** "doi:10.x/y" and "acc:empiar-10002" → dataset ids, for the datasets the catalog has not withdrawn. */
    private Map<String, List<String>> index() {
        if (datasetsById == null) {
            Map<String, List<String>> index = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                for (TrackedDataset dataset : TrackedDataset.<TrackedDataset>list("withdrawn = false")) {
                    for (Identifier id : dataset.identifiers) {
                        String key = Identifier.DOI.equals(id.scheme()) ? "doi:" + id.value()
                                : "acc:" + id.value().toLowerCase(java.util.Locale.ROOT);
                        if (!Identifier.DOI.equals(id.scheme())) {
                            accessions.add(id.value());
                        }
                        index.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(dataset.datasetId);
                    }
                }
            });
            datasetsById = index;
        }
        return datasetsById;
    }

    int recordsSeen() {
        return recordsSeen;
    }

    int matched() {
        return matched;
    }

    int linksCreated() {
        return linksCreated;
    }

    int evidenceAdded() {
        return evidenceAdded;
    }
}
