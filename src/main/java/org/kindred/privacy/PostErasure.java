package org.kindred.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Removes an erased member's posts. Named posts go at once; anonymous posts go at a random moment between
 * {@code kindred.erasure.anonymous-delay-min} and {@code -max} after the erasure, so that the moment an anonymous post
 * disappears can never be matched with the moment its author left every member list (I1). Either way a post under an
 * open report keeps its text for the moderators until the report closes.
 */
@ApplicationScoped
public class PostErasure {

    private static final Logger LOG = Logger.getLogger(PostErasure.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Clock clock;
    private final Duration minDelay;
    private final Duration maxDelay;

    public PostErasure(EntityManager em, Clock clock,
            @ConfigProperty(name = "kindred.erasure.anonymous-delay-min") Duration minDelay,
            @ConfigProperty(name = "kindred.erasure.anonymous-delay-max") Duration maxDelay) {
        if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalStateException("kindred.erasure.anonymous-delay-min must be >= 0 and <= -max");
        }
        this.em = em;
        this.clock = clock;
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Removes the posts {@code which} selects (a condition on {@code posts} using {@code :id}): a post under an open
     * report keeps its text for the moderators until the report closes; every other loses it now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void removeNow(String which, Object id) {
        em.createNativeQuery("UPDATE posts SET status = 'REMOVED', removed_by = COALESCE(removed_by, 'AUTHOR'), "
                + "erase_after_review = true, erase_at = NULL WHERE " + which + " AND EXISTS (SELECT 1 FROM reports r "
                + "WHERE r.target_type = 'POST' AND r.target_id = posts.id AND r.status = 'OPEN')")
                .setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM post_revisions v USING posts WHERE posts.id = v.post_id AND " + which
                + " AND NOT posts.erase_after_review").setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE posts SET status = 'REMOVED', removed_by = COALESCE(removed_by, 'AUTHOR'), "
                + "title = NULL, body = '" + ErasureService.ERASED_BODY + "', content_warnings = '{}', erase_at = NULL "
                + "WHERE " + which + " AND NOT posts.erase_after_review").setParameter("id", id).executeUpdate();
    }

    /** Gives each of the member's anonymous posts its own random moment of removal. */
    @Transactional(Transactional.TxType.MANDATORY)
    void scheduleAnonymous(UUID accountId) {
        @SuppressWarnings("unchecked")
        List<UUID> posts = em.createNativeQuery("SELECT id FROM posts WHERE author_id = :id AND anonymous "
                + "AND body <> '" + ErasureService.ERASED_BODY + "'", UUID.class).setParameter("id", accountId)
                .getResultList();
        Instant now = clock.instant();
        long spread = maxDelay.minus(minDelay).toSeconds();
        for (UUID post : posts) {
            Instant at = now.plus(minDelay).plusSeconds(spread == 0 ? 0 : RANDOM.nextLong(spread + 1));
            em.createNativeQuery("UPDATE posts SET erase_at = :at WHERE id = :post").setParameter("at", at)
                    .setParameter("post", post).executeUpdate();
        }
    }

    /** Removes the anonymous posts whose moment has come. Runs on every replica; each post is removed once. */
    @Scheduled(every = "${kindred.erasure.deferred-interval}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeDue() {
        int removed = 0;
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("SELECT id FROM posts WHERE erase_at <= :now ORDER BY erase_at "
                + "LIMIT 500 FOR UPDATE SKIP LOCKED", UUID.class).setParameter("now", clock.instant())
                .getResultList();
        for (UUID post : due) {
            removeNow("posts.id = :id", post);
            removed++;
        }
        if (removed > 0) {
            LOG.infof("Removed %d anonymous posts of erased accounts", removed);
        }
    }
}
