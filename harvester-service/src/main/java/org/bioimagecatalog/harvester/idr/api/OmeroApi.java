package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * The OMERO JSON API of IDR (or a mirror, or a replay) over HTTP. Containers are paged with {@code offset} and
 * {@code limit} until {@code meta.totalCount} (the server clamps {@code limit} to its {@code maxLimit}, so the offset
 * advances by what each page holds). A study's map annotations are fetched in one request naming all its containers,
 * {@code webclient/api/annotations/?type=map&project=1602&project=1603&screen=2801}, as IDR's own study browser does.
 * Every request goes through the polite client (retries on 5xx/429 with {@code Retry-After}).
 */
final class OmeroApi implements OmeroAnswers {
    /** More pages than IDR has containers: a server that never stops paging is not followed forever. */
    private static final int MAX_PAGES = 10_000;
    private static final String JSON = "application/json";

    private final PoliteHttpClient http;
    private final URI root;
    private final int limit;

    /** @param root the API root with a trailing slash, e.g. {@code https://idr.openmicroscopy.org/} */
    OmeroApi(PoliteHttpClient http, URI root, int limit) {
        this.http = http;
        this.root = root;
        this.limit = limit;
    }

    @Override
    public ContainerListing containers() throws LocationUnreadableException {
        ContainerListing listing = new ContainerListing();
        List<String> failures = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            list(kind, listing, failures);
        }
        if (listing.containers().isEmpty() && !failures.isEmpty()) {
            throw new LocationUnreadableException("no project or screen could be listed at " + root + ": " + failures.get(0));
        }
        return listing;
    }

    private void list(ContainerKind kind, ContainerListing listing, List<String> failures) {
        long offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            URI uri = root.resolve(kind.listingPath() + "?offset=" + offset + "&limit=" + limit);
            ContainerPage.Read read;
            byte[] body;
            try {
                body = get(uri).body();
            } catch (HttpFetchException e) {
                failures.add(e.getMessage());
                listing.unreadable(new RecordRejectedException(uri.toString(), kind + " listing page cannot be read, the "
                        + kind + " enumeration stopped here: " + e.getMessage(), null));
                return;
            }
            try {
                read = ContainerPage.read(JsonRecords.parse(body), kind, uri.toString(), listing);
            } catch (InvalidRecordException e) {
                failures.add(uri + ": " + e.getMessage());
                listing.unreadable(new RecordRejectedException(uri.toString(), kind + " listing page " + uri + ": "
                        + e.getMessage() + "; the " + kind + " enumeration stopped here", excerpt(body)));
                return;
            }
            offset += read.items();
            OptionalLong total = read.totalCount();
            if (read.items() == 0 || (total.isPresent() ? offset >= total.getAsLong() : read.items() < limit)) {
                return;
            }
        }
    }

    @Override
    public String annotationsLocation(IdrApiStudy study) {
        String ids = study.containers().stream()
                .sorted(Comparator.comparing(OmeroContainer::kind).thenComparingLong(OmeroContainer::id))
                .map(c -> c.kind().parameter() + "=" + c.id())
                .collect(Collectors.joining("&"));
        return root.resolve("webclient/api/annotations/?type=map&" + ids).toString();
    }

    @Override
    public String sourceUrl(IdrApiStudy study) {
        return annotationsLocation(study);
    }

    @Override
    public String containerLocation(OmeroContainer container) {
        return root.resolve(container.kind().listingPath() + container.id() + "/").toString();
    }

    @Override
    public JsonNode annotations(IdrApiStudy study) throws RecordRejectedException {
        String location = annotationsLocation(study);
        FetchedResource answer;
        try {
            answer = get(URI.create(location));
        } catch (HttpFetchException e) {
            throw new RecordRejectedException(location, study.accession() + ": the map annotations cannot be read: "
                    + e.getMessage(), null);
        }
        try {
            return JsonRecords.parse(answer.body());
        } catch (InvalidRecordException e) {
            throw new RecordRejectedException(location, study.accession() + ": the map annotations answer: "
                    + e.getMessage(), excerpt(answer.body()));
        }
    }

    private FetchedResource get(URI uri) throws HttpFetchException {
        return http.get(uri, JSON, status -> false);
    }

    /** The start of an answer, as a dead-letter payload excerpt. */
    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4000), StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
