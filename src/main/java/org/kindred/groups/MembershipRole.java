package org.kindred.groups;

/** A member's role in one group. Platform roles (admin, professional) are separate. */
public enum MembershipRole {
    OWNER, MODERATOR, MEMBER;

    public boolean moderates() {
        return this == OWNER || this == MODERATOR;
    }
}
