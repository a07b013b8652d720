package org.kindred.groups;

public enum MembershipStatus {
    /** Asked to join a PRIVATE group; waiting for a moderator. */
    PENDING, ACTIVE,
    /** The request was denied; the person may ask again. */
    DENIED,
    /** Banned, until {@code bannedUntil} or for good. */
    BANNED
}
