package org.bioimagecatalog.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.bioimagecatalog.model.api.Problem;

/**
 * Recognises a failure that says "an engine is away" rather than "this request is wrong" or "we have a bug":
 * PostgreSQL unreachable, restarting or recovering (SQLSTATE class 08 "connection exception", 57P01–57P03
 * "shutdown / crash / cannot connect now"), Kafka not answering (its retriable errors: timeouts, disconnects, no
 * leader), or any refused TCP connection. Every service's exception mapper answers such a failure with a 503
 * {@code unavailable} problem and {@code Retry-After}, never a 500.
 *
 * <p>Kafka is recognised by its exception class names, so that this module stays free of the Kafka client.
 */
public final class EngineUnavailable {
    /** The last segment of the problem {@code type}: {@code https://bioimagecatalog.org/problems/unavailable}. */
    public static final String KIND = "unavailable";
    /** What the 503 answers in {@code Retry-After}: a restarting engine is usually back within seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final String KAFKA_ERRORS = "org.apache.kafka.common.errors.";

    private EngineUnavailable() {}

    /** The engine that is away ("PostgreSQL", "Kafka", or "a service it depends on"), if that is what failed. */
    public static Optional<String> engine(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of("PostgreSQL");
            }
            if (isKafkaUnavailable(cause)) {
                return Optional.of("Kafka");
            }
            if (cause instanceof ConnectException) {
                return Optional.of("a service it depends on");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** True when PostgreSQL is the engine that is away (the harvester's runs stop and wait for it). */
    public static boolean isDatabase(Throwable failure) {
        return engine(failure).filter("PostgreSQL"::equals).isPresent();
    }

    /** The 503 problem for a request that needed {@code engine}; the caller adds {@code Retry-After}. */
    public static Problem problem(String engine) {
        return Problem.of(KIND, "Service unavailable", 503, engine + " cannot be reached right now; try again in "
                + RETRY_AFTER_SECONDS + " s");
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Kafka's TimeoutException, DisconnectException, NotLeaderOrFollower … all extend RetriableException. */
    private static boolean isKafkaUnavailable(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals(KAFKA_ERRORS + "RetriableException") || name.equals(KAFKA_ERRORS + "TimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
