package org.kindred.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.webhooks.OutboxRepository.Claim;
import org.kindred.webhooks.OutboxRepository.Status;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox, on every replica: claim due messages in one short transaction, send them outside any
 * transaction (in parallel, each with connect and request timeouts, never following redirects), and record each
 * answer in its own short transaction. A 2xx delivers; anything else (another status, a timeout, a refused
 * connection, a URL that now resolves to a private address) is retried after a random delay between 0 and
 * {@code firstRetryDelay × 2^(attempts-1)} (capped at {@code maxRetryDelay}: exponential backoff with full jitter)
 * until the message's retry window ends, then it is DEAD. A worker that dies after claiming leaves its messages to
 * whichever worker runs after the lease: at least once, with the same webhook-id.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final OutboxRepository outbox;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    public OutboxWorker(OutboxRepository outbox, WebhookSecrets secrets, WebhookUrls urls, WebhookConfig config,
            Clock clock) {
        this.outbox = outbox;
        this.secrets = secrets;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${kindred.webhooks.worker.interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            while (runOnce(clock.instant()) == config.worker().batchSize()) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook delivery round failed: %s", e.getClass().getSimpleName());
        }
    }

    /** One round as of {@code now}: claims one batch, sends it, records the answers. Returns how many it claimed. */
    public int runOnce(Instant now) {
        List<Claim> claims = claim(now);
        List<CompletableFuture<Attempt>> sending = new ArrayList<>();
        for (Claim claim : claims) {
            sending.add(send(claim, now));
        }
        for (int i = 0; i < claims.size(); i++) {
            record(claims.get(i), sending.get(i).join(), now);
        }
        return claims.size();
    }

    /** Claims due messages for a lease, in a transaction of its own (a test may claim and walk away). */
    public List<Claim> claim(Instant now) {
        return QuarkusTransaction.requiringNew().call(
                () -> outbox.claim(now, now.plus(config.worker().lease()), config.worker().batchSize()));
    }

    /** What one attempt got: a status code, or an error and no code. */
    record Attempt(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private CompletableFuture<Attempt> send(Claim claim, Instant now) {
        URI uri;
        List<String> valid = new ArrayList<>();
        try {
            uri = urls.check(claim.url());
            valid.add(secrets.open(claim.endpointId(), claim.secret()));
            if (claim.previousSecret() != null && claim.previousSecretUntil().isAfter(now)) {
                valid.add(secrets.open(claim.endpointId(), claim.previousSecret()));
            }
        } catch (UnprocessableException e) {
            String reason = "URL refused: " + e.getMessage();
            return CompletableFuture.completedFuture(new Attempt(null, reason.substring(0, Math.min(200,
                    reason.length()))));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Content-Type", "application/json").header("User-Agent", "Kindred-Webhooks/1")
                .header("webhook-id", claim.id().toString()).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signatures(claim.id().toString(), timestamp,
                        claim.payload(), valid))
                .POST(HttpRequest.BodyPublishers.ofString(claim.payload())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(OutboxWorker::failure);
    }

    private static Attempt failure(Throwable thrown) {
        Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
        String what = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
        return new Attempt(null, what.length() > 200 ? what.substring(0, 200) : what);
    }

    private void record(Claim claim, Attempt attempt, Instant now) {
        Status status;
        Instant next = now;
        if (attempt.delivered()) {
            status = Status.DELIVERED;
        } else {
            next = now.plus(backoff(claim.attempts()));
            status = next.isAfter(claim.giveUpAt()) ? Status.DEAD : Status.PENDING;
        }
        Status recorded = status;
        Instant nextAttempt = next;
        boolean held = QuarkusTransaction.requiringNew().call(() -> outbox.record(claim, recorded,
                attempt.statusCode(), attempt.error(), nextAttempt, now));
        if (held && recorded == Status.DEAD) {
            LOG.warnf("Webhook message %s to endpoint %s dead-lettered after %d attempts", claim.id(),
                    claim.endpointId(), claim.attempts());
        }
    }

    /** Full jitter: uniformly random between 0 (at least a second) and the capped exponential delay of this attempt. */
    Duration backoff(int attempts) {
        long first = config.firstRetryDelay().toMillis();
        long cap = config.maxRetryDelay().toMillis();
        long ceiling = attempts >= 40 ? cap : Math.min(cap, first * (1L << Math.min(attempts - 1, 30)));
        return Duration.ofMillis(Math.max(1000, ThreadLocalRandom.current().nextLong(ceiling + 1)));
    }

    /** Skips the scheduled run where the worker is disabled. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final WebhookConfig config;

        public Disabled(WebhookConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.worker().enabled();
        }
    }
}
