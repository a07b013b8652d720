package org.kindred.journal;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * After a KEK rotation, re-wraps every member's data key with the active KEK in small batches (a member's own next
 * write does it too), so the retired KEK can be removed. Logs counts only.
 */
@ApplicationScoped
public class KekRotation {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(KekRotation.class);

    private final JournalVault vault;

    public KekRotation(JournalVault vault) {
        this.vault = vault;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapRetired() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> vault.rewrapBatch(BATCH));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Re-wrapped %d journal data keys with the active key-encryption key", total);
        }
    }
}
