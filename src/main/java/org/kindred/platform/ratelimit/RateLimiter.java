package org.kindred.platform.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

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
import io.github.bucket4j.EstimationProbe;
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
            long resetSeconds, String policyHeader) {
    }

    /**
     * One bucket policy with everything a request needs from it built once: its name, its bucket configuration and
     * its {@code RateLimit-Policy} header value (they used to be rebuilt on every request).
     */
    record Policy(String name, int quota, Duration window, boolean shared, BucketConfiguration configuration,
            String header) {

        static Policy of(String name, int quota, Duration window, boolean shared) {
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(quota).refillGreedy(quota, window).build()).build();
            return new Policy(name, quota, window, shared, configuration,
                    "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds());
        }
    }

    /** The IP, account and subject policies of one action class. */
    private record ClassPolicies(Policy ip, Optional<Policy> account, Policy subject) {
    }

    private final RateLimitConfig config;
    private final Map<ActionClass, ClassPolicies> policies = new EnumMap<>(ActionClass.class);
    /** Partner keys' policies by requests per minute (keys share a handful of limits). */
    private final Map<Integer, Policy> keyPolicies = new java.util.concurrent.ConcurrentHashMap<>();
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
            Optional<Policy> perAccount = limit.perAccount()
                    .map(quota -> Policy.of(action.key() + "-account", quota, limit.window(), limit.shared()));
            policies.put(action, new ClassPolicies(
                    Policy.of(action.key() + "-ip", limit.perIp(), limit.window(), limit.shared()), perAccount,
                    Policy.of(action.key() + "-subject", limit.perAccount().orElse(limit.perIp()), limit.window(),
                            limit.shared())));
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
        return tightest(action, ip, account, this::take);
    }

    /**
     * Like {@link #consume} but takes no token: whether the IP bucket and, for authenticated requests, the account
     * bucket still hold one.
     */
    public Decision peek(ActionClass action, String ip, Optional<UUID> account) {
        return tightest(action, ip, account, this::look);
    }

    /** The IP bucket's decision, then the account bucket's (authenticated requests); the tightest of them. */
    private Decision tightest(ActionClass action, String ip, Optional<UUID> account,
            BiFunction<Policy, String, Decision> check) {
        ClassPolicies limit = policies.get(action);
        Decision byIp = check.apply(limit.ip(), ip);
        if (!byIp.allowed() || account.isEmpty() || limit.account().isEmpty()) {
            return byIp;
        }
        Decision byAccount = check.apply(limit.account().get(), account.get().toString());
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
        return take(policies.get(action).subject(), subject);
    }

    /**
     * Takes one token from the bucket of a partner API key. The key's own limit replaces the per-IP and per-account
     * limits of every action class: partners fetch from a few servers on behalf of many people. Counted per replica.
     */
    public Decision consumeForKey(UUID keyId, int requestsPerMinute) {
        return take(keyPolicies.computeIfAbsent(requestsPerMinute,
                quota -> Policy.of(KEY_POLICY, quota, KEY_WINDOW, false)), keyId.toString());
    }

    private Decision take(Policy policy, String subject) {
        ConsumptionProbe probe = bucket(policy, subject).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, policy.name(), policy.quota(), policy.window().toSeconds(),
                    probe.getRemainingTokens(), ceilSeconds(probe.getNanosToWaitForReset()), policy.header());
        }
        return refused(policy, probe.getNanosToWaitForRefill());
    }

    private Decision look(Policy policy, String subject) {
        EstimationProbe probe = bucket(policy, subject).estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            long window = policy.window().toSeconds();
            return new Decision(true, policy.name(), policy.quota(), window, probe.getRemainingTokens(), window,
                    policy.header());
        }
        return refused(policy, probe.getNanosToWaitForRefill());
    }

    /** The subject's bucket of this policy: in PostgreSQL when shared, else in this replica's cache. */
    private Bucket bucket(Policy policy, String subject) {
        String key = keys.of(policy.name(), subject);
        return policy.shared()
                ? shared.builder().build(key, policy::configuration)
                : local.get(key, k -> Bucket.builder().addLimit(policy.configuration().getBandwidths()[0]).build());
    }

    private static Decision refused(Policy policy, long nanosToRefill) {
        return new Decision(false, policy.name(), policy.quota(), policy.window().toSeconds(), 0,
                Math.max(1, ceilSeconds(nanosToRefill)), policy.header());
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
