package org.kindred.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.push.PushSubscriptionRepository.News;
import org.kindred.push.PushSubscriptionRepository.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Wakes devices. Each replica, every {@code kindred.push.worker.interval}, leases the subscriptions whose member has
 * an unread, not silent notification newer than what the device was last woken for ({@code FOR UPDATE SKIP LOCKED},
 * so replicas share the work), and sends each one encrypted, content-free push: how many are unread, and the newest
 * notification's id and kind. A burst of replies is one push. Notifications delivered in quiet hours are silent and
 * wake nothing. A push service that says the subscription is gone (404, 410) drops it; other failures retry with
 * exponential backoff and jitter (30 s doubling, at most 1 h) and drop it after {@code kindred.push.max-failures}.
 */
@ApplicationScoped
public class PushWorker {

    private static final Logger LOG = Logger.getLogger(PushWorker.class);

    private final PushSubscriptionRepository subscriptions;
    private final PushSubscriptions checks;
    private final VapidKey vapid;
    private final PushConfig config;
    private final Clock clock;
    private final HttpClient http;

    public PushWorker(PushSubscriptionRepository subscriptions, PushSubscriptions checks, VapidKey vapid,
            PushConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.checks = checks;
        this.vapid = vapid;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Skips the scheduled rounds when the worker is off (tests drive it by hand) or push is not configured. */
    @ApplicationScoped
    public static class Off implements Scheduled.SkipPredicate {
        private final PushConfig config;
        private final VapidKey vapid;

        public Off(PushConfig config, VapidKey vapid) {
            this.config = config;
            this.vapid = vapid;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.worker().enabled() || vapid.pair().isEmpty();
        }
    }

    @Scheduled(every = "${kindred.push.worker.interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Off.class)
    void scheduled() {
        try {
            while (runOnce(clock.instant()) == config.worker().batchSize()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("Web Push round failed: %s", e.getClass().getSimpleName());
        }
    }

    /** One round as of {@code now}: leases one batch, sends, records. Returns how many devices it leased. */
    public int runOnce(Instant now) {
        if (vapid.pair().isEmpty()) {
            return 0;
        }
        List<Row> claimed = QuarkusTransaction.requiringNew().call(() -> subscriptions.claim(now,
                now.plus(config.worker().lease()), config.worker().batchSize()));
        for (Row row : claimed) {
            Optional<News> news = QuarkusTransaction.requiringNew()
                    .call(() -> subscriptions.news(row.accountId(), row.pushedSeq()));
            if (news.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> subscriptions.delivered(row.id(), row.pushedSeq(), 0, now));
                continue;
            }
            Integer status = send(row, news.get(), now);
            QuarkusTransaction.requiringNew().run(() -> record(row, news.get(), status, now));
        }
        return claimed.size();
    }

    /** The push's plaintext: content-free by design (see the README, "Web Push"). */
    static String payload(News news) {
        return "{\"type\":\"notifications\",\"unread\":" + news.unread() + ",\"newest\":{\"id\":\"" + news.newestId()
                + "\",\"kind\":\"" + news.newestKind() + "\"}}";
    }

    /** Sends one push; the push service's status, or null when it could not be reached or the URL is refused. */
    private Integer send(Row row, News news, Instant now) {
        try {
            URI endpoint = checks.check(row.endpoint());
            byte[] body = WebPushCrypto.encrypt(payload(news).getBytes(StandardCharsets.UTF_8), row.p256dh(),
                    row.auth());
            String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
            long expires = now.plus(Duration.ofHours(12)).getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(config.requestTimeout())
                    .header("TTL", Long.toString(config.ttl().toSeconds())).header("Urgency", "normal")
                    .header("Content-Encoding", "aes128gcm").header("Content-Type", "application/octet-stream")
                    .header("Authorization", WebPushCrypto.vapidAuthorization(vapid.pair().orElseThrow(), audience,
                            config.subject(), expires))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (UnprocessableException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void record(Row row, News news, Integer status, Instant now) {
        if (status != null && status >= 200 && status < 300) {
            subscriptions.delivered(row.id(), news.maxSeq(), status, now);
        } else if (status != null && (status == 404 || status == 410)) {
            subscriptions.drop(row.id()); // the push service says the browser unsubscribed
        } else if (row.failures() + 1 >= config.maxFailures()) {
            subscriptions.drop(row.id());
        } else {
            long ceiling = Math.min(Duration.ofHours(1).toMillis(), 30_000L << Math.min(row.failures(), 16));
            long delay = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
            subscriptions.failed(row.id(), status, now.plusMillis(delay));
        }
    }
}
