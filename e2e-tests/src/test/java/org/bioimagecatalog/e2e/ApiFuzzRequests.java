package org.bioimagecatalog.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz requests for every operation of an OpenAPI document: each path parameter, each query parameter and
 * each request body property in turn given hostile values, plus broken bodies and odd headers. Path parameters
 * not under test get a well-formed value that names nothing ({@code fuzz-unknown}), so no request does real work.
 */
final class ApiFuzzRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HUGE = "x".repeat(3_000);

    /** Hostile values for any parameter or string field. */
    static final List<String> VALUES = List.of(
            "' OR '1'='1", "1; DROP TABLE datasets; --", "\" OR 1=1 --", "1' UNION SELECT pg_sleep(0)--",
            "{\"query\":{\"match_all\":{}}}", "{\"script\":{\"source\":\"Thread.sleep(1)\"}}", "*:* OR _exists_:title",
            "title:(a OR b) AND NOT c~2^3 [x TO", "/.*/", "\\", "\"", "((((", "a:b:c:d",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "${jndi:ldap://127.0.0.1:1/a}", "%00", "\u0000", "\u0001\u001f", "\uFEFF", "☃ 𝒳 é", "\uD800",
            "-1", "0", "-0", "99999999999999999999", "1e309", "NaN", "Infinity", "0x10", "1.5", "true", "null",
            "[]", "{}", "", " ", HUGE);

    record Request(String method, String path, String query, Map<String, String> headers, byte[] body, String label) {
        Request withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(method, path, query, h, body, label);
        }

        String describe() {
            String target = path + (query == null ? "" : "?" + query);
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + " (" + label + ")";
        }
    }

    private final JsonNode openApi;
    private final Random random;
    private final List<Request> requests = new ArrayList<>();

    ApiFuzzRequests(JsonNode openApi, Random random) {
        this.openApi = openApi;
        this.random = random;
    }

    List<Request> all() {
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(operation.getKey())) {
                    operation(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), operation.getValue(),
                            path.getValue().path("parameters"));
                }
            }
        }
        return requests;
    }

    private void operation(String method, String template, JsonNode operation, JsonNode shared) {
        List<JsonNode> parameters = new ArrayList<>();
        shared.forEach(p -> parameters.add(resolve(p)));
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        Map<String, String> json = Map.of("Accept", "application/json");
        String basePath = fill(template, null, null);
        boolean hasBody = operation.has("requestBody");
        byte[] validishBody = hasBody ? validishBody(operation.path("requestBody")) : null;
        Map<String, String> bodyHeaders = hasBody ? Map.of("Accept", "application/json", "Content-Type", "application/json")
                : json;

        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            for (String value : values(p.path("schema"))) {
                if ("path".equals(in)) {
                    add(method, fill(template, name, value), null, bodyHeaders, validishBody, "path " + name);
                } else if ("query".equals(in)) {
                    add(method, basePath, encode(name) + "=" + encode(value), bodyHeaders, validishBody, "query " + name);
                } else if ("header".equals(in) && !value.contains("\u0000") && !value.contains("\n")) {
                    Map<String, String> h = new LinkedHashMap<>(bodyHeaders);
                    h.put(name, headerSafe(value));
                    add(method, basePath, null, h, validishBody, "header " + name);
                }
            }
        }
        // every query parameter at once, with random hostile values; a repeated one; an unknown one
        StringBuilder everything = new StringBuilder();
        for (JsonNode p : parameters) {
            if ("query".equals(p.path("in").asText())) {
                String name = encode(p.path("name").asText());
                everything.append(everything.length() == 0 ? "" : "&").append(name).append('=')
                        .append(encode(VALUES.get(random.nextInt(VALUES.size()))))
                        .append('&').append(name).append("=1");
            }
        }
        if (everything.length() > 0) {
            add(method, basePath, everything.toString(), bodyHeaders, validishBody, "all query parameters");
        }
        add(method, basePath, "unknown%5B%5D=%27%20OR%201%3D1&$where=1", bodyHeaders, validishBody, "unknown parameter");

        // odd headers
        for (String accept : List.of("application/xml", "text/csv", "image/png", "*/*;q=oops", "application/json;charset=ebcdic",
                "text/html, */*;q=0")) {
            add(method, basePath, null, Map.of("Accept", accept), validishBody, "Accept " + accept);
        }
        for (String auth : List.of("Bearer ' OR 1=1 --", "Bearer " + HUGE, "Basic Zm9vOmJhcg==", "Bearer", "Digest x")) {
            add(method, basePath, null, Map.of("Accept", "application/json", "Authorization", auth), validishBody,
                    "Authorization " + auth.substring(0, Math.min(20, auth.length())));
        }
        add(method, basePath, null, Map.of("Accept", "application/json", "X-API-Key", "../../etc/passwd"), validishBody,
                "X-API-Key traversal");
        add(method, basePath, null, Map.of("Accept", "application/json", "X-Forwarded-Host", "<script>", "Origin",
                "null", "Content-Type", "application/json; charset=klingon"), validishBody, "odd forwarding headers");

        if (hasBody || "POST".equals(method) || "PUT".equals(method)) {
            bodies(method, basePath, operation.path("requestBody"));
        }
    }

    /** Broken bodies, wrong content types, every property with hostile values and wrong types, a huge payload. */
    private void bodies(String method, String path, JsonNode requestBody) {
        Map<String, String> json = Map.of("Accept", "application/json", "Content-Type", "application/json");
        List<String> broken = List.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":}", "{\"a\":1,\"a\":2}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" .repeat(3_000) + "1" + "}".repeat(3_000),
                "{\"source\": \"" + "\\u0000".repeat(10) + "\"}", "\uFEFF{}");
        for (String body : broken) {
            add(method, path, null, json, body.getBytes(StandardCharsets.UTF_8), "body " + abbreviate(body));
        }
        add(method, path, null, json, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "body invalid UTF-8");
        add(method, path, null, json, ("{\"x\":\"" + "A".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "body 2 MB");
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=UTF-16")) {
            add(method, path, null, Map.of("Accept", "application/json", "Content-Type", type),
                    "<a>source=idr&x=1</a>".getBytes(StandardCharsets.UTF_8), "Content-Type " + type);
        }
        add(method, path, null, Map.of("Accept", "application/json"), "{}".getBytes(StandardCharsets.UTF_8),
                "body without Content-Type");

        JsonNode schema = resolve(requestBody.path("content").path("application/json").path("schema"));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            for (String value : VALUES) {
                ObjectNode body = object(validishBody(requestBody));
                body.put(property.getKey(), value);
                add(method, path, null, json, body.toString().getBytes(StandardCharsets.UTF_8), "body " + property.getKey());
            }
            for (String wrong : List.of("123", "-1", "true", "[1,{}]", "{\"nested\":[null]}", "1e400")) {
                ObjectNode body = object(validishBody(requestBody));
                body.set(property.getKey(), tree(wrong.getBytes(StandardCharsets.UTF_8)));
                add(method, path, null, json, body.toString().getBytes(StandardCharsets.UTF_8),
                        "body " + property.getKey() + " = " + wrong);
            }
        }
    }

    /** A body with every declared string property set to something well-formed but naming nothing. */
    private byte[] validishBody(JsonNode requestBody) {
        ObjectNode body = JSON.createObjectNode();
        JsonNode schema = resolve(requestBody.path("content").path("application/json").path("schema"));
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode type = resolve(p.getValue()).path("type");
            if ("string".equals(type.asText())) {
                body.put(p.getKey(), "fuzz-unknown");
            } else if ("array".equals(type.asText())) {
                body.putArray(p.getKey()).add("fuzz-unknown");
            }
        });
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode object(byte[] json) {
        return (ObjectNode) tree(json);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> values(JsonNode schema) {
        List<String> values = new ArrayList<>(VALUES);
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            values.add("not-one-of-the-enum");
        }
        if ("integer".equals(s.path("type").asText()) || "number".equals(s.path("type").asText())) {
            values.addAll(List.of("abc", "2147483648", "-2147483649", "1,2"));
        }
        return values;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 10 && n.has("$ref"); i++) {
            n = openApi.at(n.get("$ref").asText().substring(1));
        }
        if (n.has("allOf") && n.get("allOf").size() == 1) {
            return resolve(n.get("allOf").get(0));
        }
        return n;
    }

    /** The path with every parameter filled: {@code name} with {@code value}, the others with a harmless unknown. */
    private static String fill(String template, String name, String value) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String param = m.group(1);
            String filled = param.equals(name) ? pathSegment(value) : "fuzz-unknown";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(filled));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A path segment; empty values stay empty (so {@code /datasets//history}) and slashes are encoded. */
    private static String pathSegment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 30 ? one.substring(0, 30) + "…(" + s.length() + " chars)" : one;
    }

    private void add(String method, String path, String query, Map<String, String> headers, byte[] body, String label) {
        requests.add(new Request(method, path, query, headers, body, label));
    }
}
