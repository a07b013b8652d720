package org.kindred.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code kindred.rate-limit.*}: one entry per action class (see {@link ActionClass#key()}). A class with
 * {@code shared=true} keeps its buckets in PostgreSQL so the limit holds across replicas; the others are counted
 * in each replica's memory.
 */
@ConfigMapping(prefix = "kindred.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Map<String, Limit> classes();

    interface Limit {
        /** Requests per window from one client IP address. */
        int perIp();

        /** Requests per window from one account (authenticated requests only). */
        Optional<Integer> perAccount();

        @WithDefault("PT1M")
        Duration window();

        @WithDefault("false")
        boolean shared();
    }
}
