package org.kindred.posts.events;

import java.util.Map;
import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.posts.PostStatus;

/**
 * A post's state was changed by a moderator ({@code actorId}) or by the system ({@code actorId} null: hidden by
 * reports). {@code before} is its status until now; {@code everPublished} whether members ever saw the post: anything
 * done to a post members never saw (held for care, waiting) stays among the group's moderators. {@code threadId} is
 * null for a thread's first post; {@code authorId} of an anonymous post is a secret.
 */
public record PostModerated(UUID postId, UUID groupId, UUID threadId, UUID authorId, boolean anonymous, UUID actorId,
        Change change, PostStatus before,
        boolean everPublished, String reason, Map<String, Object> details) implements DomainEvent {

    public enum Change {
        HIDDEN, AUTO_HIDDEN, RESTORED, APPROVED, RELEASED_FROM_CARE, REMOVED, PINNED, UNPINNED, LOCKED, UNLOCKED
    }
}
