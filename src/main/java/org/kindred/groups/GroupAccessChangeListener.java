package org.kindred.groups;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import io.quarkus.arc.Arc;

/**
 * Forgets this replica's remembered group facts and memberships ({@link LiveGroupFacts}) when a group or a membership
 * is written through its entity: at flush, and again once the transaction has ended. A member's next request after
 * leaving, being banned or accepting the rules is therefore decided on the committed row, even before the commit's
 * notification arrives; other replicas learn of the change from that notification.
 */
public class GroupAccessChangeListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        LiveGroupFacts facts = Arc.container().instance(LiveGroupFacts.class).get();
        if (entity instanceof Membership membership) {
            facts.changedInThisTransaction(membership.groupId(), membership.accountId());
        } else if (entity instanceof Group group) {
            facts.changedInThisTransaction(group.id(), null);
        }
    }
}
