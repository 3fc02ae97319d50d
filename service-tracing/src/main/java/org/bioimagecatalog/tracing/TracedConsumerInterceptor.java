package org.bioimagecatalog.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** See {@link TracedConsumer}. A method whose first parameter is neither a record nor a batch runs untraced. */
@TracedConsumer
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TracedConsumerInterceptor {

    @Inject
    MessagingTracing tracing;

    @AroundInvoke
    Object inProcessSpan(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        Object first = parameters.length == 0 ? null : parameters[0];
        Span span;
        if (first instanceof ConsumerRecord<?, ?> record) {
            span = tracing.startProcess(record);
        } else if (first instanceof ConsumerRecords<?, ?> records) {
            span = tracing.startBatch(records);
        } else {
            return invocation.proceed();
        }
        try (Scope scope = span.makeCurrent()) {
            return invocation.proceed();
        } catch (Exception | Error e) {
            MessagingTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }
}
