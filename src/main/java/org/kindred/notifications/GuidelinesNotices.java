package org.kindred.notifications;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.accounts.Guidelines;
import org.kindred.notifications.NotificationRepository.Delivery;
import org.kindred.notifications.NotificationRepository.Recipients;

import io.quarkus.runtime.StartupEvent;

/**
 * Tells members once when the community guidelines move to a version they have not accepted (kind
 * {@code GUIDELINES_CHANGED}, no ids: the text is at GET /api/v1/guidelines). Announced at start-up by the first
 * replica that runs the new version; the {@code guidelines_notices} row makes it happen once per version however many
 * replicas start.
 */
@ApplicationScoped
public class GuidelinesNotices {

    private static final Logger LOG = Logger.getLogger(GuidelinesNotices.class);

    private final EntityManager em;
    private final NotificationRepository notifications;
    private final Guidelines guidelines;
    private final Clock clock;

    public GuidelinesNotices(EntityManager em, NotificationRepository notifications, Guidelines guidelines,
            Clock clock) {
        this.em = em;
        this.notifications = notifications;
        this.guidelines = guidelines;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        announce(guidelines.currentVersion());
    }

    /** Notifies every active member who accepted an older version; does nothing if this version was announced. */
    @Transactional
    public int announce(int version) {
        int first = em.createNativeQuery("INSERT INTO guidelines_notices (version, announced_at) VALUES (:v, :now) "
                + "ON CONFLICT DO NOTHING").setParameter("v", version).setParameter("now", clock.instant())
                .executeUpdate();
        if (first == 0) {
            return 0;
        }
        int told = notifications.deliver(
                new Delivery(NotificationKind.GUIDELINES_CHANGED, null, null, null, null, null,
                        "guidelines:" + version),
                new Recipients("SELECT id FROM accounts WHERE status = 'ACTIVE' AND guidelines_version < :gversion",
                        Map.of("gversion", version)),
                null, clock.instant());
        if (told > 0) {
            LOG.infof("Community guidelines version %d announced to %d members", version, told);
        }
        return told;
    }
}
