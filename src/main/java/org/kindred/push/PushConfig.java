package org.kindred.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code kindred.push}; every one is documented in the README's configuration table. */
@ConfigMapping(prefix = "kindred.push")
public interface PushConfig {

    /**
     * PEM file of the VAPID key (a PKCS#8 P-256 private key). Without it, prod has no Web Push (subscribing answers
     * 409 {@code push-not-configured}); dev makes a throwaway key at start-up.
     */
    Optional<String> vapidKeyFile();

    /** Who push services may contact about our traffic (RFC 8292 {@code sub}): a mailto: or https: URL. */
    @WithDefault("mailto:push-operators@kindred.invalid")
    String subject();

    /** Hosts (and their subdomains) push endpoints may point at. */
    @WithDefault("fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,notify.windows.com,push.apple.com")
    List<String> allowedHosts();

    /** Dev and tests: allow plain http to loopback, for an in-process push service. */
    @WithDefault("false")
    boolean allowLoopback();

    @WithDefault("10")
    int maxSubscriptionsPerAccount();

    /** How long a push service keeps a message for an offline device (the TTL header). */
    @WithDefault("PT24H")
    Duration ttl();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Consecutive failed sends after which a subscription is dropped. */
    @WithDefault("10")
    int maxFailures();

    Worker worker();

    interface Worker {
        @WithDefault("true")
        boolean enabled();

        /** How often each replica looks for devices to wake (a push comes at most this late). */
        @WithDefault("PT2S")
        Duration interval();

        @WithDefault("50")
        int batchSize();

        @WithDefault("PT1M")
        Duration lease();
    }
}
