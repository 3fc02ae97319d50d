package org.bioimagecatalog.tracing;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Kafka consumer method taking a {@code ConsumerRecord} or {@code ConsumerRecords}: runs it in a
 * {@code process <topic>} span that continues the record's trace, or for a batch is linked to every record's
 * trace ({@link MessagingTracing}). The span is current during the method, so the spans and log lines of the
 * work it does (and the messages it sends) belong to it.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TracedConsumer {}
