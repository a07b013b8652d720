package org.kindred.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kindred.notifications.api.ThreadSubscriptionRequest;
import org.kindred.notifications.api.ThreadSubscriptionResponse;
import org.kindred.notifications.api.ThreadSubscriptionResponse.Mode;
import org.kindred.posts.PostAccess;

/**
 * Follow or mute one thread. Without a choice, a member follows the threads they started or replied to (the same
 * rule as {@link NotificationRepository.Recipients#followersOf(UUID)}). Only threads the member may see.
 */
@ApplicationScoped
public class ThreadSubscriptions {

    private final EntityManager em;
    private final PostAccess posts;
    private final Clock clock;

    public ThreadSubscriptions(EntityManager em, PostAccess posts, Clock clock) {
        this.em = em;
        this.posts = posts;
        this.clock = clock;
    }

    @Transactional
    public ThreadSubscriptionResponse get(UUID threadId) {
        PostAccess.Seen thread = posts.requireVisibleThread(threadId);
        return current(threadId, thread.reader());
    }

    @Transactional
    public ThreadSubscriptionResponse set(UUID threadId, ThreadSubscriptionRequest.Mode mode) {
        PostAccess.Seen thread = posts.requireVisibleThread(threadId);
        em.createNativeQuery(
                """
                        INSERT INTO thread_subscriptions (account_id, thread_id, mode, created_at) VALUES (:me, :thread, :mode, :now)
                        ON CONFLICT (account_id, thread_id) DO UPDATE SET mode = EXCLUDED.mode, created_at = EXCLUDED.created_at""")
                .setParameter("me", thread.reader()).setParameter("thread", threadId).setParameter("mode", mode.name())
                .setParameter("now", clock.instant()).executeUpdate();
        return current(threadId, thread.reader());
    }

    @Transactional
    public ThreadSubscriptionResponse reset(UUID threadId) {
        PostAccess.Seen thread = posts.requireVisibleThread(threadId);
        em.createNativeQuery("DELETE FROM thread_subscriptions WHERE account_id = :me AND thread_id = :thread")
                .setParameter("me", thread.reader()).setParameter("thread", threadId).executeUpdate();
        return current(threadId, thread.reader());
    }

    private ThreadSubscriptionResponse current(UUID threadId, UUID me) {
        List<?> explicit = em.createNativeQuery(
                "SELECT mode FROM thread_subscriptions WHERE account_id = :me AND thread_id = :thread")
                .setParameter("me", me).setParameter("thread", threadId).getResultList();
        if (!explicit.isEmpty()) {
            return new ThreadSubscriptionResponse(threadId, Mode.valueOf((String) explicit.get(0)), true);
        }
        boolean wroteInIt = !em.createNativeQuery("""
                SELECT 1 FROM posts WHERE (id = :thread OR parent_id = :thread) AND author_id = :me LIMIT 1""")
                .setParameter("thread", threadId).setParameter("me", me).getResultList().isEmpty();
        return new ThreadSubscriptionResponse(threadId, wroteInIt ? Mode.FOLLOW : Mode.NONE, false);
    }
}
