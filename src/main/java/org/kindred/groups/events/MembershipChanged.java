package org.kindred.groups.events;

import java.time.Instant;
import java.util.UUID;

import org.kindred.groups.MembershipRole;
import org.kindred.platform.events.DomainEvent;

/**
 * A moderator or owner decided on a membership: approved or denied a request, banned, lifted a ban, removed a member,
 * or changed a role. {@code bannedUntil} is set for timed bans; {@code fromRole}/{@code toRole} for role changes.
 */
public record MembershipChanged(UUID groupId, UUID actorId, UUID accountId, Change change, String reason,
        Instant bannedUntil, MembershipRole fromRole, MembershipRole toRole) implements DomainEvent {

    public enum Change {
        APPROVED, DENIED, BANNED, UNBANNED, REMOVED, ROLE_CHANGED
    }

    public static MembershipChanged decided(UUID groupId, UUID actorId, UUID accountId, Change change, String reason) {
        return new MembershipChanged(groupId, actorId, accountId, change, reason, null, null, null);
    }
}
