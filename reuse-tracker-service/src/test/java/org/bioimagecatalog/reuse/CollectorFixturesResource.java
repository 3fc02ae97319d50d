package org.bioimagecatalog.reuse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;

/**
 * Points the collectors at the recorded responses in {@code ../shared/fixtures}, served over loopback HTTP:
 * the Crossref data-citation cassette (2023-01-01) through {@link CassetteReplayServer}, whose page 3 first
 * answers 429 + Retry-After, and the Crossref works-with-references cassette (2018-01-04) on the same server, the DataCite relatedIdentifiers cassette (first page of January 2018), and the ScholeXplorer link package through {@link FixtureHttpServer}.
 */
public class CollectorFixturesResource implements QuarkusTestResourceLifecycleManager {
    static final String THROTTLED_ONCE = "page=3";
    private static final String WORKS = "https://api.crossref.org/works";
    private static final String WORKS_DAY = "filter=reference-visibility:open,has-references:true,"
            + "from-created-date:2018-01-04,until-created-date:2018-01-04";
    static final String WORKS_NEXT_CURSOR = "AoJwzICVyO8CPwpodHRwOi8vZHguZG9pLm9yZy8xMC4yMTM0L2NzYTIwMTguNjMuMDEyNA==";

    private CassetteReplayServer crossref;
    private CassetteReplayServer datacite;
    private CassetteReplayServer europepmc;
    private FixtureHttpServer files;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.root();
        try {
            crossref = new CassetteReplayServer(
                    List.of(root.resolve("crossref/event-data-cassettes/eventdata-scholix-and-datacitations-2023-01-01.yml"),
                            root.resolve("crossref/works-cassettes/works-with-references-cursor.yml")),
                    Set.of(THROTTLED_ONCE))
                    // the works cassette stops after page 1 of 2018-01-04 (25 of 8122 works): its next cursor is
                    // answered with the cassette's own empty list (the rows=0 count), i.e. the day ends there
                    .alias(WORKS + "?cursor=" + WORKS_NEXT_CURSOR + "&" + WORKS_DAY + "&rows=25",
                            WORKS + "?cursor=*&" + WORKS_DAY + "&rows=0");
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the Crossref cassette from " + root, e);
        }
        try {
            datacite = new CassetteReplayServer(
                    List.of(root.resolve("datacite/rest-api-cassettes/levriero-RelatedIdentifier-import.yml")), Set.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the DataCite cassette from " + root, e);
        }
        try {
            // the EMPIAR search is self-written (see the file's header); any other search answers the recorded
            // real "no results" response
            europepmc = new CassetteReplayServer(List.of(Path.of(CollectorFixturesResource.class
                    .getResource("/europepmc/SELF-WRITTEN-search-EMPIAR-10002.yml").toURI())), Set.of())
                    .fallback("/europepmc/webservices/rest/search",
                            java.nio.file.Files.readAllBytes(root.resolve("europepmc/rest-search/search_no_results.json")));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot load the Europe PMC fixtures", e);
        }
        files = FixtureHttpServer.serve(root);
        return Map.ofEntries(
                Map.entry("bic.reuse.collect.datacite.url", datacite.baseUrl()),
                Map.entry("bic.reuse.collect.europepmc.url", europepmc.baseUrl() + "/europepmc/webservices/rest"),
                Map.entry("bic.reuse.collect.europepmc.page-size", "25"),
                Map.entry("bic.reuse.collect.datacite.start", "2018-01-04T00:00:00Z"),
                Map.entry("bic.reuse.collect.datacite.window", "28d"),
                Map.entry("bic.reuse.collect.datacite.page-size", "25"),
                Map.entry("bic.reuse.collect.datacite.max-pages-per-run", "1"),
                Map.entry("bic.reuse.collect.crossref.url", crossref.baseUrl()),
                Map.entry("bic.reuse.collect.crossref.start-date", "2023-01-01"),
                Map.entry("bic.reuse.collect.crossref.max-days-per-run", "1"),
                Map.entry("bic.reuse.collect.crossref.rows", "25"),
                Map.entry("bic.reuse.collect.crossref.works-start-date", "2018-01-04"),
                Map.entry("bic.reuse.collect.crossref.works-date-filter", "created"),
                Map.entry("bic.reuse.collect.scholix.url", files.baseUrl() + "scholix/scholexplorer-v1/LargeSample.json"));
    }

    @Override
    public void stop() {
        if (crossref != null) {
            crossref.close();
        }
        if (europepmc != null) {
            europepmc.close();
        }
        if (datacite != null) {
            datacite.close();
        }
        if (files != null) {
            files.close();
        }
    }
}
