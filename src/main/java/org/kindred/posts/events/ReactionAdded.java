package org.kindred.posts.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.posts.ReactionKind;

/**
 * A member added a reaction to a published post. Who reacted is not part of the event: the post's author is told
 * how many reacted, never who. {@code authorId} of an anonymous post is a secret.
 */
public record ReactionAdded(UUID postId, UUID groupId, UUID threadId, UUID authorId, ReactionKind kind)
        implements
            DomainEvent {
}
