package org.kindred.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kindred.webhooks.*}: webhook endpoints, the outbox worker and its retry schedule. */
@ConfigMapping(prefix = "kindred.webhooks")
public interface WebhookConfig {

    /** The worker that delivers the outbox on every replica. */
    Worker worker();

    /** Endpoints one partner organisation (or the operators) may register. */
    @WithDefault("10")
    int maxEndpointsPerOwner();

    /** When set, an endpoint's host must be one of these names or a subdomain of one. */
    Optional<List<String>> allowedHosts();

    /** Dev and tests only: accept http:// URLs on loopback addresses (an in-test receiver). Never in production. */
    @WithDefault("false")
    boolean allowLoopback();

    /** How long a rotated-out secret keeps signing (each message then carries both signatures). */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Retries: a message is retried with exponential backoff and full jitter until this long after it was queued. */
    @WithDefault("PT24H")
    Duration retryWindow();

    /** The first retry's largest delay; each later one doubles, up to {@link #maxRetryDelay()}. */
    @WithDefault("PT30S")
    Duration firstRetryDelay();

    @WithDefault("PT6H")
    Duration maxRetryDelay();

    /** Opening the TCP (and TLS) connection to an endpoint. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The whole request, answer included. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    interface Worker {
        /** Whether this replica runs the scheduled worker (tests drive it directly). */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due messages. */
        @WithDefault("PT5S")
        Duration interval();

        /** Messages claimed at once. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed message stays with its worker before another may take it (the worker died). */
        @WithDefault("PT1M")
        Duration lease();
    }
}
