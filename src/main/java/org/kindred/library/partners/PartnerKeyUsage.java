package org.kindred.library.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Per-key usage counters. Counting in memory and adding the totals to the database every few seconds (and before an
 * admin reads them, and at shutdown) keeps a database write off every partner request.
 */
@ApplicationScoped
public class PartnerKeyUsage {

    private static final Logger LOG = Logger.getLogger(PartnerKeyUsage.class);

    private record Usage(AtomicLong requests, AtomicReference<Instant> lastUsed) {
    }

    private final Map<UUID, Usage> pending = new ConcurrentHashMap<>();
    private final PartnerKeyRepository keys;
    private final Clock clock;

    public PartnerKeyUsage(PartnerKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    void record(UUID keyId) {
        Instant now = clock.instant();
        Usage usage = pending.computeIfAbsent(keyId, k -> new Usage(new AtomicLong(), new AtomicReference<>(now)));
        usage.requests().incrementAndGet();
        usage.lastUsed().accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(every = "${kindred.partners.usage-flush-interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        pending.forEach((keyId, usage) -> {
            long requests = usage.requests().getAndSet(0);
            if (requests == 0) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> keys.addUsage(keyId, requests, usage.lastUsed().get()));
            } catch (RuntimeException e) {
                usage.requests().addAndGet(requests);
                LOG.warnf("Could not save usage counters of partner key %s; will retry", keyId);
            }
        });
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        flush();
    }
}
