package org.kindred.groups;

import java.time.Instant;

/**
 * What access decisions need of one membership, read as a projection (no managed entity): the role, the status, the
 * rules version accepted, when the member joined and until when a ban runs.
 */
public record MemberStanding(MembershipRole role, MembershipStatus status, int rulesVersionAccepted, Instant joinedAt,
        Instant bannedUntil) {

    /** True while a ban is in force; an expired ban no longer counts. */
    public boolean isBanned(Instant now) {
        return status == MembershipStatus.BANNED && (bannedUntil == null || bannedUntil.isAfter(now));
    }
}
