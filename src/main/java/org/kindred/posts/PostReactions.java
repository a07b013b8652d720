package org.kindred.posts;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupContext;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.posts.PostAccess.Seen;
import org.kindred.posts.api.ReactionsResponse;
import org.kindred.posts.events.ReactionAdded;

/**
 * Reactions to a post: members of its group add and remove their own; counters follow by trigger. A reaction to
 * someone else's post is announced as {@link ReactionAdded} (notifications group them and never name who reacted).
 */
@ApplicationScoped
public class PostReactions {

    private final PostRepository posts;
    private final PostAccess postAccess;
    private final Event<DomainEvent> events;
    private final Clock clock;

    public PostReactions(PostRepository posts, PostAccess postAccess, Event<DomainEvent> events, Clock clock) {
        this.posts = posts;
        this.postAccess = postAccess;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ReactionsResponse react(UUID postId, ReactionKind kind, boolean add) {
        Seen seen = postAccess.requireVisible(postId);
        GroupContext context = seen.context();
        if (!context.isActiveMember()) {
            throw new ForbiddenException("not-a-member", "Join the group first",
                    "Only members of this group can react");
        }
        if (context.archived()) {
            throw new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
        }
        if (add && seen.row().status() != PostStatus.PUBLISHED) {
            throw new ConflictException("post-not-published", "Not published", "Only published posts take reactions");
        }
        if (add) {
            if (posts.addReaction(postId, seen.reader(), kind, clock.instant())
                    && !seen.row().authorId().equals(seen.reader())) {
                events.fire(new ReactionAdded(postId, seen.row().groupId(), seen.row().parentId(),
                        seen.row().authorId(), kind));
            }
        } else {
            posts.removeReaction(postId, seen.reader(), kind);
        }
        PostRow after = posts.row(postId, seen.reader()).orElseThrow();
        return new ReactionsResponse(after.reactions(), after.myReactions());
    }
}
