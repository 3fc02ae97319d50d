package org.bioimagecatalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code ETag} / {@code If-None-Match} for the methods marked {@link ETagged}: the body is serialised here, once,
 * and its SHA-256 is the (strong) entity tag, so equal bodies have equal tags whatever representation the client
 * negotiated and nothing needs a version column. A matching {@code If-None-Match} turns the answer into a
 * bodiless {@code 304}.
 */
@Provider
@ETagged
public class ConditionalGetFilter implements ContainerResponseFilter {

    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isGet(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        byte[] body = bytesOf(response.getEntity());
        if (body == null) {
            return;
        }
        String tag = "\"" + hash(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, response.getMediaType());
        }
    }

    private byte[] bytesOf(Object entity) {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null; // left to the normal writer, without a tag
        }
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        // weak comparison (RFC 9110 13.1.2): W/"x" matches "x"
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(tag));
    }

    private static boolean isGet(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
