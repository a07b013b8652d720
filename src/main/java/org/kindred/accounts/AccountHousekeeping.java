package org.kindred.accounts;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Removes what has ended: sessions and account links a day after they ended, registrations whose link expired. Keeps
 * no hashed secret or e-mail address of someone who never became a member longer than the link's life.
 */
@ApplicationScoped
public class AccountHousekeeping {

    private static final Logger LOG = Logger.getLogger(AccountHousekeeping.class);

    private final SessionService sessions;
    private final AccountLinks links;
    private final PendingRegistrations pending;
    private final Clock clock;

    public AccountHousekeeping(SessionService sessions, AccountLinks links, PendingRegistrations pending,
            Clock clock) {
        this.sessions = sessions;
        this.links = links;
        this.pending = pending;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        long removed = sessions.purgeEnded() + links.purgeEnded() + pending.purgeExpired(clock.instant());
        if (removed > 0) {
            LOG.debugf("Removed %d ended sessions, links and registrations", removed);
        }
    }
}
