package org.kindred.groups;

/** Who can find a group and read its posts. */
public enum Visibility {
    /** Listed; any member may join and read posts. */
    PUBLIC,
    /** Listed; joining needs a moderator's approval (or an invite); posts only for members. */
    PRIVATE,
    /** Never listed or shown to non-members; joining only with an invite code. */
    HIDDEN
}
