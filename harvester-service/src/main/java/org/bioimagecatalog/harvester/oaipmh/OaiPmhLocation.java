package org.bioimagecatalog.harvester.oaipmh;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.run.InvalidLocationException;

/**
 * An OAI-PMH location: the endpoint's base URL with the harvest's arguments in the query, e.g.
 * {@code https://zenodo.org/oai2d?metadataPrefix=oai_datacite&set=user-bioimaging}. {@code metadataPrefix}
 * defaults to {@code oai_dc}; an explicit {@code from} wins over the stored checkpoint.
 */
record OaiPmhLocation(URI endpoint, String metadataPrefix, String set, String from, String until) {
    private static final Set<String> ARGUMENTS = Set.of("metadataPrefix", "set", "from", "until");

    static OaiPmhLocation parse(String location) throws InvalidLocationException {
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            throw new InvalidLocationException("not a URL: '" + location + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidLocationException("an OAI-PMH location is the endpoint's http(s) URL, e.g."
                    + " https://zenodo.org/oai2d?metadataPrefix=oai_datacite, not '" + location + "'");
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String name = decode(kv[0]);
                if (!ARGUMENTS.contains(name)) {
                    throw new InvalidLocationException("unsupported OAI-PMH argument '" + name + "' in the location;"
                            + " allowed: " + ARGUMENTS.stream().sorted().collect(Collectors.joining(", ")));
                }
                args.put(name, kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        URI endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        return new OaiPmhLocation(endpoint, args.getOrDefault("metadataPrefix", "oai_dc"), blank(args.get("set")),
                blank(args.get("from")), blank(args.get("until")));
    }

    URI listRecords(String effectiveFrom) {
        StringBuilder query = new StringBuilder("verb=ListRecords&metadataPrefix=").append(encode(metadataPrefix));
        if (set != null) {
            query.append("&set=").append(encode(set));
        }
        if (effectiveFrom != null) {
            query.append("&from=").append(encode(effectiveFrom));
        }
        if (until != null) {
            query.append("&until=").append(encode(until));
        }
        return withQuery(query.toString());
    }

    /** Continuation requests carry the token and nothing else, as the protocol demands. */
    URI resume(String token) {
        return withQuery("verb=ListRecords&resumptionToken=" + encode(token));
    }

    URI identify() {
        return withQuery("verb=Identify");
    }

    URI getRecord(String identifier) {
        return withQuery("verb=GetRecord&metadataPrefix=" + encode(metadataPrefix) + "&identifier=" + encode(identifier));
    }

    private URI withQuery(String query) {
        return URI.create(endpoint + "?" + query);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
