package org.kindred.posts;

public enum PostStatus {
    PUBLISHED,
    /** Waiting for a moderator (a group keyword rule). Visible to its author and the moderators. */
    PENDING_APPROVAL,
    /** Held because it may signal a crisis. Visible only to its author and the group's moderators. */
    HELD_FOR_CARE,
    /** Hidden by a moderator or by reports until reviewed. Visible to its author and the moderators. */
    HIDDEN,
    /** Deleted by its author or removed by a moderator: the thread stays, the text is withheld. */
    REMOVED
}
