package org.bioimagecatalog.harvester.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;

/**
 * The location of a REST API harvest: an http(s) URL whose query holds the search (e.g.
 * {@code https://api.datacite.org/dois?prefix=10.5281&query=microscopy}); arguments can be read, replaced or
 * added before the first request.
 */
public record ApiLocation(URI base, List<Map.Entry<String, String>> arguments) {

    public static ApiLocation parse(String location, String example) throws InvalidLocationException {
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            throw new InvalidLocationException("not a URL: '" + location + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidLocationException("the location must be the API's http(s) URL with the search in its query,"
                    + " e.g. " + example + ", not '" + location + "'");
        }
        List<Map.Entry<String, String>> args = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    args.add(Map.entry(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : ""));
                }
            }
        }
        return new ApiLocation(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())), List.copyOf(args));
    }

    /** {@link #parse} when a run opens its location: a location that slipped past the check cannot be read. */
    public static ApiLocation open(String location, String example) throws LocationUnreadableException {
        try {
            return parse(location, example);
        } catch (InvalidLocationException e) {
            throw new LocationUnreadableException(e.getMessage());
        }
    }

    public Optional<String> get(String name) {
        return arguments.stream().filter(a -> a.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * This location with {@code clause} ANDed into the search parameter {@code name} (for example an
     * {@code updated:[… TO *]} range on an incremental run); the clause alone when the parameter is blank.
     */
    public ApiLocation andQuery(String name, String clause) {
        return with(name, get(name).filter(q -> !q.isBlank()).map(q -> "(" + q + ") AND " + clause).orElse(clause));
    }

    /** This location with {@code name} set to {@code value}: replaced in place if present, else appended. */
    public ApiLocation with(String name, String value) {
        List<Map.Entry<String, String>> args = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, String> a : arguments) {
            if (a.getKey().equals(name)) {
                if (!replaced) {
                    args.add(Map.entry(name, value));
                    replaced = true;
                }
            } else {
                args.add(a);
            }
        }
        if (!replaced) {
            args.add(Map.entry(name, value));
        }
        return new ApiLocation(base, List.copyOf(args));
    }

    public URI uri() {
        if (arguments.isEmpty()) {
            return base;
        }
        return URI.create(base + "?" + arguments.stream()
                .map(a -> encode(a.getKey()) + "=" + encode(a.getValue())).collect(Collectors.joining("&")));
    }

    /** {@code scheme://host:port}, which all pages of the harvest stay on. */
    public URI origin() {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
