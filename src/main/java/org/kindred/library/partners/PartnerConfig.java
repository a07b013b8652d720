package org.kindred.library.partners;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kindred.partners.*}: partner organisations' API keys. */
@ConfigMapping(prefix = "kindred.partners")
public interface PartnerConfig {

    /** Requests per minute of a new key when the admin does not choose. */
    @WithDefault("6000")
    int defaultRequestsPerMinute();

    /** How often each replica writes the keys' usage counters to the database. */
    @WithDefault("PT30S")
    Duration usageFlushInterval();
}
