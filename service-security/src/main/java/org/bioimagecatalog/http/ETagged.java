package org.bioimagecatalog.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET resource method whose answer is one record: {@link ConditionalGetFilter} gives it an
 * {@code ETag} (a hash of the exact body) and answers {@code 304 Not Modified} to a matching
 * {@code If-None-Match}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ETagged {}
