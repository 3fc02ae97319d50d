package org.bioimagecatalog.catalog.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one OAI-PMH request, checked against what its verb allows (OAI-PMH 2.0 §3.1, §4):
 * an unknown or repeated argument, a missing required one, or a resumptionToken combined with anything
 * else is {@code badArgument}; a token this provider did not issue is {@code badResumptionToken}.
 */
record OaiRequest(String verb, String identifier, String metadataPrefix, String set, Instant from, Instant until,
        String afterId) {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

    static OaiRequest parse(Map<String, List<String>> params) {
        List<String> verbs = params.getOrDefault("verb", List.of());
        if (verbs.size() != 1 || !ALLOWED.containsKey(verbs.get(0))) {
            throw new OaiException("badVerb", verbs.isEmpty() ? "the verb argument is missing"
                    : "'" + String.join(",", verbs) + "' is not an OAI-PMH verb");
        }
        String verb = verbs.get(0);
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().equals("verb")) {
                continue;
            }
            if (!ALLOWED.get(verb).contains(e.getKey())) {
                throw new OaiException("badArgument", "'" + e.getKey() + "' is not an argument of " + verb);
            }
            if (e.getValue().size() > 1) {
                throw new OaiException("badArgument", "'" + e.getKey() + "' is repeated");
            }
        }
        String token = one(params, "resumptionToken");
        if (token != null) {
            if (params.size() > 2) {
                throw new OaiException("badArgument", "resumptionToken is an exclusive argument");
            }
            return fromToken(verb, token);
        }
        String identifier = one(params, "identifier");
        String prefix = one(params, "metadataPrefix");
        if ((verb.equals("GetRecord") && identifier == null)) {
            throw new OaiException("badArgument", "GetRecord needs an identifier");
        }
        if ((verb.equals("GetRecord") || verb.startsWith("List") && !verb.equals("ListSets")
                && !verb.equals("ListMetadataFormats")) && prefix == null) {
            throw new OaiException("badArgument", verb + " needs a metadataPrefix");
        }
        String fromText = one(params, "from");
        String untilText = one(params, "until");
        Instant from = date(fromText, false);
        Instant until = date(untilText, true);
        if (fromText != null && untilText != null && fromText.length() != untilText.length()) {
            throw new OaiException("badArgument", "from and until must have the same granularity");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new OaiException("badArgument", "until is before from");
        }
        return new OaiRequest(verb, identifier, prefix, one(params, "set"), from, until, null);
    }

    /** The token of the page after {@code lastId}: this request's arguments and where to go on. */
    String tokenAfter(String lastId) {
        String text = String.join("|", "v1", metadataPrefix, set == null ? "" : set,
                from == null ? "" : from.toString(), until == null ? "" : until.toString(), lastId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OaiRequest fromToken(String verb, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 6 || !parts[0].equals("v1") || parts[5].isEmpty()
                    || !(verb.equals("ListIdentifiers") || verb.equals("ListRecords"))) {
                throw new IllegalArgumentException("not a token of this provider");
            }
            return new OaiRequest(verb, null, parts[1], parts[2].isEmpty() ? null : parts[2],
                    parts[3].isEmpty() ? null : Instant.parse(parts[3]),
                    parts[4].isEmpty() ? null : Instant.parse(parts[4]), parts[5]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new OaiException("badResumptionToken", "the resumptionToken is not one this provider issued");
        }
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    /** A day (its start, or its end for {@code until}) or a UTC second, the two granularities we support. */
    private static Instant date(String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() == 20 && text.endsWith("Z")) {
                Instant instant = Instant.parse(text);
                return endOfDay ? instant.plusSeconds(1).minusNanos(1) : instant;
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        throw new OaiException("badArgument", "'" + text + "' is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
    }
}
