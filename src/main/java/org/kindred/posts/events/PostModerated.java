package org.kindred.posts.events;

import java.util.Map;
import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.posts.PostStatus;

/**
 * A post's state was changed by a moderator ({@code actorId}) or by the system ({@code actorId} null: hidden by
 * reports). {@code before} is its status until now: anything done to a post that was HELD_FOR_CARE stays among the
 * group's moderators.
 */
public record PostModerated(UUID postId, UUID groupId, UUID actorId, Change change, PostStatus before, String reason,
        Map<String, Object> details) implements DomainEvent {

    public enum Change {
        HIDDEN, AUTO_HIDDEN, RESTORED, APPROVED, RELEASED_FROM_CARE, REMOVED, PINNED, UNPINNED, LOCKED, UNLOCKED
    }
}
