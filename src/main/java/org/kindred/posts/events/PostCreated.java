package org.kindred.posts.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.posts.PostStatus;

/**
 * A thread ({@code threadId} null) or a reply ({@code replyToId}: the reply it answers, if any) was saved, with the status screening gave it: PUBLISHED, or held
 * (PENDING_APPROVAL, HELD_FOR_CARE). Observers must treat {@code authorId} of an anonymous post as secret.
 */
public record PostCreated(UUID postId, UUID groupId, UUID threadId, UUID replyToId, UUID authorId,
        boolean anonymous, PostStatus status) implements DomainEvent {
}
