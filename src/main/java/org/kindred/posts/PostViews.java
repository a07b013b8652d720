package org.kindred.posts;

import java.util.UUID;

import org.kindred.groups.GroupContext;
import org.kindred.posts.api.PostResponse;

/** How a post row becomes a response for one reader: anonymous authors only for moderators, removed text withheld. */
final class PostViews {

    private PostViews() {
    }

    /** A post in a list: collapsed behind its warnings when the reader asked for that. */
    static PostResponse listed(PostRow r, GroupContext context, UUID me, boolean canReply,
            PostRepository.ReaderWarnings warnings) {
        PostResponse response = toResponse(r, context, me, canReply);
        return warnings.collapses(r, me) && response.body() != null ? response.withBodyCollapsed() : response;
    }

    static PostResponse toResponse(PostRow r, GroupContext context, UUID me, boolean canReply) {
        return toResponse(r, context, me, canReply, false);
    }

    /** {@code reviewing}: the moderators' queue, where a removed post's text is shown so a report can be judged. */
    static PostResponse toResponse(PostRow r, GroupContext context, UUID me, boolean canReply, boolean reviewing) {
        return toResponse(r, context.canModerate(), me, canReply, reviewing);
    }

    /**
     * {@code moderator}: whether the reader moderates the post's group (false for a group the reader can no longer
     * read, such as one they left: their own posts there are still theirs to list).
     */
    static PostResponse toResponse(PostRow r, boolean moderator, UUID me, boolean canReply, boolean reviewing) {
        boolean showAuthor = !r.anonymous() || moderator;
        boolean removed = r.status() == PostStatus.REMOVED && !reviewing;
        PostResponse.Author author = showAuthor
                ? new PostResponse.Author(r.authorId(), r.authorHandle(), r.authorDisplayName(), r.authorProfessional())
                : null;
        return new PostResponse(r.id(), r.groupId(), r.parentId(), r.replyToId(), author, r.anonymous(),
                r.authorId().equals(me), removed ? null : r.title(), removed ? null : r.body(), r.language(),
                r.contentWarnings(), r.supportWanted(), r.replyPolicy(), r.status(), r.createdAt(), r.editedAt(),
                r.lastActivityAt(), r.replyCount(), r.reactions(), r.myReactions(), r.pinned(), r.locked(),
                canReply && !removed, false, null);
    }
}
