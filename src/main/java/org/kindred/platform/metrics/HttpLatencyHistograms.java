package org.kindred.platform.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes HTTP server latency as a Prometheus histogram ({@code http_server_requests_seconds_bucket}) so that
 * latency percentiles and SLOs can be computed across all replicas ({@code histogram_quantile} over the summed
 * buckets), which per-replica summaries cannot do. Fixed buckets keep the series count small and predictable.
 */
public class HttpLatencyHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Bucket upper bounds (Prometheus "le"), in nanoseconds as Micrometer expects for timers: 5 ms to 10 s. */
    static final double[] BUCKETS = Stream.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return HTTP_SERVER_REQUESTS.equals(id.getName())
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config)
                        : config;
            }
        };
    }
}
