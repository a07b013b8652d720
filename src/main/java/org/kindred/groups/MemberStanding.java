package org.kindred.groups;

import java.time.Instant;
import java.util.Optional;

/**
 * What access decisions need of one membership, read as a projection (no managed entity): the role, the status, the
 * rules version accepted, when the member joined and until when a ban runs.
 */
public record MemberStanding(MembershipRole role, MembershipStatus status, int rulesVersionAccepted, Instant joinedAt,
        Instant bannedUntil) {

    /** The selected columns of membership {@code m}, in this record's order (read by {@link #of}). */
    static final String COLUMNS = "m.role, m.status, m.rulesVersionAccepted, m.joinedAt, m.bannedUntil";

    /** The standing in {@code row} from column {@code from} on; empty when the row has no membership (outer join). */
    static Optional<MemberStanding> of(Object[] row, int from) {
        if (row[from + 1] == null) {
            return Optional.empty();
        }
        return Optional.of(new MemberStanding((MembershipRole) row[from], (MembershipStatus) row[from + 1],
                (Integer) row[from + 2], (Instant) row[from + 3], (Instant) row[from + 4]));
    }

    /** True while a ban is in force; an expired ban no longer counts. */
    public boolean isBanned(Instant now) {
        return status == MembershipStatus.BANNED && (bannedUntil == null || bannedUntil.isAfter(now));
    }
}
