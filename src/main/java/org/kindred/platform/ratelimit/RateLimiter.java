package org.kindred.platform.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/**
 * Token buckets per (action class, IP) and per (action class, account). Shared classes live in PostgreSQL
 * (bucket4j, SELECT ... FOR UPDATE) so every replica sees the same counts; the rest live in a bounded in-memory
 * cache per replica. Requests authenticated by a partner API key are counted per key instead, against the key's
 * own per-minute limit. Buckets are named by a keyed hash of their subject ({@link BucketKeys}), never by the IP
 * address or account id itself. A limit throttles; it never locks an account.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** The policy name of partner-key buckets in the RateLimit headers. */
    public static final String KEY_POLICY = "partner-key";
    private static final Duration KEY_WINDOW = Duration.ofMinutes(1);

    /** The outcome for one policy: the one closest to exhaustion is reported in the headers. */
    public record Decision(boolean allowed, String policy, long quota, long windowSeconds, long remaining,
            long resetSeconds) {
    }

    private final RateLimitConfig config;
    private final Map<ActionClass, RateLimitConfig.Limit> limits = new EnumMap<>(ActionClass.class);
    private final BucketKeys keys;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    public RateLimiter(RateLimitConfig config, AgroalDataSource dataSource,
            @ConfigProperty(name = "kindred.cursor.secret") Optional<String> secret) {
        this.config = config;
        this.keys = new BucketKeys(secret);
        for (ActionClass action : ActionClass.values()) {
            RateLimitConfig.Limit limit = config.classes().get(action.key());
            if (limit == null) {
                throw new IllegalStateException(
                        "Missing rate limit settings kindred.rate-limit.classes." + action.key());
            }
            limits.put(action, limit);
        }
        this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one token from the IP bucket and, for authenticated requests, from the account bucket. Returns the
     * tightest decision; when any bucket is empty the decision is not allowed.
     */
    public Decision consume(ActionClass action, String ip, Optional<UUID> account) {
        RateLimitConfig.Limit limit = limits.get(action);
        Decision byIp = take(action, "ip", ip, limit.perIp(), limit);
        if (!byIp.allowed() || account.isEmpty() || limit.perAccount().isEmpty()) {
            return byIp;
        }
        Decision byAccount = take(action, "account", account.get().toString(), limit.perAccount().get(), limit);
        if (!byAccount.allowed()) {
            return byAccount;
        }
        return byAccount.remaining() < byIp.remaining() ? byAccount : byIp;
    }

    /**
     * Takes one token from the bucket of a subject other than the caller, e.g. the e-mail address a reset link is
     * asked for, so nobody can mail-bomb an address or probe one account from many IPs. Uses the class's per-account
     * limit (its per-IP limit if it has none). The bucket's name is keyed, so the subject is never stored.
     */
    public Decision consumeForSubject(ActionClass action, String subject) {
        RateLimitConfig.Limit limit = limits.get(action);
        return take(action, "subject", subject, limit.perAccount().orElse(limit.perIp()), limit);
    }

    /**
     * Takes one token from the bucket of a partner API key. The key's own limit replaces the per-IP and per-account
     * limits of every action class: partners fetch from a few servers on behalf of many people. Counted per replica.
     */
    public Decision consumeForKey(UUID keyId, int requestsPerMinute) {
        return take(KEY_POLICY, keyId.toString(), requestsPerMinute, KEY_WINDOW, false);
    }

    private Decision take(ActionClass action, String scope, String subject, int quota, RateLimitConfig.Limit limit) {
        String policy = action.key() + "-" + scope;
        return take(policy, subject, quota, limit.window(), limit.shared());
    }

    private Decision take(String policy, String subject, int quota, Duration windowLength, boolean sharedBucket) {
        String key = keys.of(policy, subject);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(quota).refillGreedy(quota, windowLength).build())
                .build();
        ConsumptionProbe probe = sharedBucket
                ? shared.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1)
                : local.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                        .tryConsumeAndReturnRemaining(1);
        long window = windowLength.toSeconds();
        if (probe.isConsumed()) {
            return new Decision(true, policy, quota, window, probe.getRemainingTokens(),
                    ceilSeconds(probe.getNanosToWaitForReset()));
        }
        return new Decision(false, policy, quota, window, 0, Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredSharedBuckets() {
        int removed;
        int total = 0;
        do {
            removed = shared.removeExpired(1000);
            total += removed;
        } while (removed == 1000);
        if (total > 0) {
            LOG.debugf("Removed %d expired shared rate-limit buckets", total);
        }
    }
}
