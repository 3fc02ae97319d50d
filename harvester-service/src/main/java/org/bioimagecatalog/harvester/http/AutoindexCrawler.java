package org.bioimagecatalog.harvester.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * Walks the HTML folder listings ("autoindex") that nginx, Apache and static mirrors serve, collecting the
 * files whose names a predicate accepts. Sub-folders are followed to a bounded depth and only below the
 * starting URL, so a listing's parent link or an absolute link elsewhere never takes the crawl outside.
 */
public class AutoindexCrawler {
    private static final Pattern HREF = Pattern.compile("(?i)<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private final PoliteHttpClient http;
    private final int maxDepth;

    /** What a crawl found: the matching files in discovery order, and the listings it could not read. */
    public record Listing(List<URI> files, Map<URI, String> unreadableFolders) {}

    public AutoindexCrawler(PoliteHttpClient http, int maxDepth) {
        this.http = http;
        this.maxDepth = maxDepth;
    }

    /**
     * Crawls from an already fetched listing page. Files are reported in discovery order; a sub-folder whose
     * listing fails is reported rather than silently skipped.
     */
    public Listing crawl(FetchedResource start, Predicate<String> wantedFileName) {
        URI base = folderOf(start.uri());
        List<URI> files = new ArrayList<>();
        Map<URI, String> unreadable = new LinkedHashMap<>();
        Set<URI> visited = new HashSet<>();
        Deque<Folder> pending = new ArrayDeque<>();
        visited.add(base);
        enqueueLinks(start, 0, base, wantedFileName, files, visited, pending);
        while (!pending.isEmpty()) {
            Folder folder = pending.removeFirst();
            try {
                FetchedResource page = http.get(folder.uri());
                if (page.isHtml()) {
                    enqueueLinks(page, folder.depth(), base, wantedFileName, files, visited, pending);
                }
            } catch (HttpFetchException e) {
                unreadable.put(folder.uri(), e.getMessage());
            }
        }
        return new Listing(files, unreadable);
    }

    private record Folder(URI uri, int depth) {}

    private void enqueueLinks(FetchedResource page, int depth, URI base, Predicate<String> wanted, List<URI> files,
            Set<URI> visited, Deque<Folder> pending) {
        for (URI link : links(page)) {
            if (!isBelow(link, base) || !visited.add(link)) {
                continue;
            }
            String path = link.getPath();
            if (path.endsWith("/")) {
                if (depth < maxDepth) {
                    pending.addLast(new Folder(link, depth + 1));
                }
            } else if (wanted.test(path.substring(path.lastIndexOf('/') + 1))) {
                files.add(link);
            }
        }
    }

    /** The absolute links of a listing page, without query strings (Apache's sort links) or fragments. */
    static List<URI> links(FetchedResource page) {
        String html = new String(page.body(), StandardCharsets.UTF_8);
        List<URI> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&").strip();
            int fragment = href.indexOf('#');
            href = fragment >= 0 ? href.substring(0, fragment) : href;
            if (href.isEmpty() || href.contains("?")) {
                continue;
            }
            try {
                links.add(page.uri().resolve(new URI(href.replace(" ", "%20"))).normalize());
            } catch (URISyntaxException e) {
                // a link that is not a valid URI cannot point at a file we could fetch
            }
        }
        return links;
    }

    static boolean isBelow(URI link, URI base) {
        return link.getScheme() != null && link.getScheme().equalsIgnoreCase(base.getScheme())
                && link.getRawAuthority() != null && link.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())
                && link.getRawPath() != null && link.getRawPath().startsWith(base.getRawPath())
                && !link.getRawPath().equals(base.getRawPath())
                && !java.util.Arrays.asList(link.getRawPath().split("/")).contains(".."); // "../" from the root stays "/../"
    }

    /** The folder a URL stands for: itself when it ends with '/', else its parent. */
    public static URI folderOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String folder = path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + folder);
    }
}
