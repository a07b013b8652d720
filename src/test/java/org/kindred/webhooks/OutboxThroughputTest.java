package org.kindred.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kindred.library.events.ResourcePublished;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.events.DomainEvent;
import org.kindred.support.Api;
import org.kindred.support.Hooks;
import org.kindred.support.WebhookReceiver;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measurement, printed and never asserted (the machine decides the number): how many outbox messages per second two
 * workers (as on two replicas) claim, sign, POST to a local receiver and record. Each message is one signed POST over
 * loopback plus its share of a claim statement and one result statement. Not a check of behaviour (every message
 * arriving once is proven in {@code WebhookDeliveryTest}): it runs only when asked, {@code ./mvnw -o verify -Dtest=OutboxThroughputTest -Dkindred.bench=true}, so the normal
 * suite stays fast and its number is read on a quiet machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "kindred.bench", matches = "true")
class OutboxThroughputTest {

    @Inject
    OutboxWorker worker;

    @Inject
    Event<DomainEvent> events;

    @AfterEach
    void tearDown() {
        Api.sql("DELETE FROM webhook_endpoints");
    }

    @Test
    void outboxThroughputToALocalReceiverIsPrinted() throws Exception {
        Api.sql("DELETE FROM webhook_endpoints");
        int messages = 2000;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hooks.register(Hooks.partner(Api.admin(), PartnerScopes.WEBHOOKS_MANAGE).api(), receiver.url(),
                    Hooks.RESOURCE_EVENTS);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < messages; i++) {
                    events.fire(new ResourcePublished(UUID.randomUUID()));
                }
            });
            Instant now = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Integer> loop = () -> {
                int claimed = 0;
                for (int n; (n = worker.runOnce(now)) > 0;) {
                    claimed += n;
                }
                return claimed;
            };
            long start = System.nanoTime();
            List<Future<Integer>> runs = List.of(pool.submit(loop), pool.submit(loop));
            int claimed = runs.get(0).get() + runs.get(1).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long firstTime = receiver.received.stream().map(WebhookReceiver.Received::id).distinct().count();
            System.out.printf(
                    "BENCH outbox throughput: %d messages claimed by 2 workers in %.2f s, %d delivered on the first "
                            + "attempt = %.0f delivered messages/s%n",
                    claimed, seconds, firstTime, firstTime / seconds);
            // What failed under the load (a 1 s timeout in tests) is retried later: every message arrives.
            for (int hour = 1; hour <= 48 && receiver.received.stream().map(WebhookReceiver.Received::id).distinct()
                    .count() < messages; hour++) {
                Instant later = now.plus(Duration.ofHours(hour));
                while (worker.runOnce(later) > 0) {
                    // drain
                }
            }
            assertEquals(messages, receiver.received.stream().map(WebhookReceiver.Received::id).distinct().count());
        }
    }
}
