package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.http.client.AddressGuard;

/**
 * Which locations a harvest run may read: an http(s) URL under the source's configured location or one of its
 * allowed base URLs (or any, where {@code allow-any-url}), on a host the {@link AddressGuard} accepts; a local path
 * or file: URI under the configured local root. What is refused gets a 400 before a run starts.
 */
@ApplicationScoped
public class HarvestLocationPolicy {
    private final AddressGuard guard;
    private final Optional<Path> localRoot;
    private final Map<String, List<String>> allowed;
    private final boolean anyUrl;

    @Inject
    public HarvestLocationPolicy(HarvesterConfig config) {
        this(new AddressGuard(config.locations().allowPrivateAddresses(), config.locations().allowLinkLocalAddresses()),
                config.locations().localRoot().map(Path::of), config.locations().allowed(),
                config.locations().allowAnyUrl());
    }

    public HarvestLocationPolicy(AddressGuard guard, Optional<Path> localRoot, Map<String, List<String>> allowed,
            boolean anyUrl) {
        this.guard = guard;
        this.localRoot = localRoot.map(p -> p.toAbsolutePath().normalize());
        this.allowed = allowed;
        this.anyUrl = anyUrl;
    }

    /** Refuses {@code location} for {@code source} (whose configured location is {@code configured}, if any). */
    public void check(String source, Optional<String> configured, String location) throws InvalidLocationException {
        String scheme = scheme(location);
        if (scheme.equals("http") || scheme.equals("https")) {
            checkUrl(source, configured, location);
        } else if (scheme.isEmpty() || scheme.equals("file")) {
            checkLocal(location);
        }
        // any other scheme: each connector refuses the schemes it cannot read (checkLocation), with its own advice
    }

    private void checkUrl(String source, Optional<String> configured, String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new InvalidLocationException("the location is not a valid URL: " + e.getMessage());
        }
        if (!anyUrl) {
            List<String> bases = new ArrayList<>(allowed.getOrDefault(source, List.of()));
            configured.filter(c -> c.startsWith("http://") || c.startsWith("https://")).ifPresent(bases::add);
            if (bases.stream().noneMatch(location::startsWith)) {
                throw new InvalidLocationException("source '" + source + "' may only be harvested from " + (bases.isEmpty()
                        ? "its configured location" : String.join(", ", bases))
                        + " (bic.harvester.locations.allowed." + source + ")");
            }
        }
        Optional<String> refusal = guard.refusal(uri);
        if (refusal.isPresent()) {
            throw new InvalidLocationException(refusal.get());
        }
    }

    private void checkLocal(String location) {
        if (localRoot.isEmpty()) {
            throw new InvalidLocationException("local harvest locations are not accepted here"
                    + " (bic.harvester.locations.local-root is not set)");
        }
        Path path;
        try {
            path = (location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location))
                    .toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new InvalidLocationException("the location is not a valid path");
        }
        if (!path.startsWith(localRoot.get())) {
            throw new InvalidLocationException("local harvest locations must lie under " + localRoot.get()
                    + " (bic.harvester.locations.local-root)");
        }
    }

    private static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) { // none, or a Windows drive letter
            return "";
        }
        String scheme = location.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") ? scheme : "";
    }
}
