package org.kindred.posts;

/** Who may reply to a thread. */
public enum ReplyPolicy {
    /** Any member who may post in the group. */
    GROUP,
    /** The group's moderators and owners, verified professionals, and the thread's author. */
    FACILITATORS_ONLY,
    /** Nobody but the group's moderators. */
    CLOSED
}
