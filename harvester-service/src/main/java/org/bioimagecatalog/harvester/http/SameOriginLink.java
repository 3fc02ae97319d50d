package org.bioimagecatalog.harvester.http;

import java.net.URI;

/**
 * A "next page" link from an API answer, kept on the host the harvest was pointed at: its path and query are
 * applied to the location's scheme, host and port. A mirror or a replay then serves every page, and an answer
 * can never send the harvester to a host nobody configured.
 */
public final class SameOriginLink {
    private SameOriginLink() {}

    public static URI resolve(URI location, String link) {
        URI next = location.resolve(link.strip());
        return URI.create(location.getScheme() + "://" + location.getRawAuthority() + next.getRawPath()
                + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }
}
