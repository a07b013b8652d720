package org.kindred.accounts;

import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import io.quarkus.arc.Arc;

/**
 * Forgets this replica's remembered session checks ({@link LiveSessions}) as soon as an account or a session is
 * written through its entity, at flush: so a member's next request after signing out, or an admin's after suspending
 * someone, is checked against the database even before the commit's notification arrives. Other replicas learn of
 * the change from that notification.
 */
public class AccessChangeListener {

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        LiveSessions sessions = Arc.container().instance(LiveSessions.class).get();
        if (entity instanceof AuthSession session) {
            sessions.forgetSession(session.id());
        } else if (entity instanceof Account account) {
            sessions.forgetAccount(account.id());
        }
    }
}
