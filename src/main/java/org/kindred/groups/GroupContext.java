package org.kindred.groups;

import java.util.Optional;
import java.util.UUID;

import org.kindred.groups.api.MyMembershipResponse;

/**
 * A group as seen by one caller: the group's access-relevant facts and the caller's standing in it. Produced only by
 * {@link GroupAccess}, after the check it was asked for has passed.
 */
public record GroupContext(UUID groupId, String slug, String name, Visibility visibility, boolean archived,
        int rulesVersion,
        String rules, String language, Optional<UUID> caller, boolean admin, MembershipRole role,
        MembershipStatus status,
        boolean banned,
        MyMembershipResponse myMembership) {

    public boolean isActiveMember() {
        return status == MembershipStatus.ACTIVE;
    }

    /** Moderators and owners of this group, and platform admins (who act as owners anywhere). */
    public boolean canModerate() {
        return admin || isActiveMember() && role.moderates();
    }

    /** An active member who accepted the current rules, in a live group: may post now. */
    public boolean canPostNow() {
        return isActiveMember() && !archived && myMembership != null && myMembership.rulesCurrent();
    }

    public boolean isOwner() {
        return admin || isActiveMember() && role == MembershipRole.OWNER;
    }
}
