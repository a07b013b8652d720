package org.kindred.posts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupContext;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.CurrentUser;
import org.kindred.posts.PostAccess.Seen;
import org.kindred.posts.api.PostResponse;
import org.kindred.posts.api.RevisionResponse;
import org.kindred.posts.events.PostModerated;
import org.kindred.posts.events.PostScreened;
import org.kindred.safety.ContentScreening;

/**
 * The moderator-facing half of posts: pin, lock, remove, hide, restore, edit history, and the moderators' view of
 * posts in their queue. Every state change goes through the {@link Post} aggregate (which refuses what its state
 * does not allow) and fires {@link PostModerated}, whatever the path: a moderator's request here, or a report
 * resolution in the moderation feature. Who may moderate is checked by the caller of the report path.
 */
@ApplicationScoped
public class PostModeration {

    /** What moderation needs to know about a post, without access checks (moderation checks access itself). */
    public record PostFacts(UUID id, UUID groupId, UUID authorId, UUID parentId, PostStatus status,
            boolean anonymous) {
    }

    private final PostRepository posts;
    private final PostAccess postAccess;
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final AnonymousAuthorReads authorReads;

    public PostModeration(PostRepository posts, PostAccess postAccess, Event<DomainEvent> events,
            CurrentUser currentUser, AnonymousAuthorReads authorReads) {
        this.posts = posts;
        this.authorReads = authorReads;
        this.postAccess = postAccess;
        this.events = events;
        this.currentUser = currentUser;
    }

    /** Pins or locks (or undoes either) a thread the caller moderates; logged when it changed anything. */
    @Transactional
    public PostResponse moderateThread(UUID postId, boolean pin, boolean value) {
        Seen seen = postAccess.requireVisible(postId);
        requireModerator(seen.context(), "Only this group's moderators can do this");
        Post post = posts.findById(postId);
        boolean changed = pin ? post.pin(value) : post.lock(value);
        if (changed) {
            PostModerated.Change change = pin
                    ? (value ? PostModerated.Change.PINNED : PostModerated.Change.UNPINNED)
                    : (value ? PostModerated.Change.LOCKED : PostModerated.Change.UNLOCKED);
            fire(post, seen.reader(), change, post.status(), null, Map.of());
            posts.flush();
        }
        PostRow updated = posts.row(postId, seen.reader()).orElseThrow();
        PostResponse response = PostViews.toResponse(updated, seen.context(), seen.reader(),
                postAccess.canReply(updated, seen.context(), seen.reader()));
        authorReads.recordShown(seen.reader(), response);
        return response;
    }

    @Transactional
    public List<RevisionResponse> revisions(UUID postId) {
        Seen seen = postAccess.requireVisible(postId);
        requireModerator(seen.context(), "Only this group's moderators can see edit history");
        return posts.revisions(postId).stream()
                .map(r -> new RevisionResponse(r.id(), r.title(), r.body(), r.contentWarnings(), r.replacedAt()))
                .toList();
    }

    @Transactional
    public Optional<PostFacts> facts(UUID postId) {
        return posts.findByIdOptional(postId)
                .map(p -> new PostFacts(p.id(), p.groupId(), p.authorId(), p.parentId(), p.status(),
                        p.anonymous()));
    }

    /** Hides a post (a report's outcome). Returns the status it had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostStatus hide(UUID postId, UUID actor, String reason) {
        Post post = locked(postId);
        PostStatus before = post.status();
        post.hide();
        fire(post, actor, PostModerated.Change.HIDDEN, before, reason, Map.of());
        return before;
    }

    /**
     * Publishes a post that reports hid, care held or a keyword rule held; does nothing to a post that is published
     * or removed. The change is named by what the post was: released from care, approved, or restored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID postId, UUID actor) {
        Post post = posts.findByIdOptional(postId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (post == null || post.status() == PostStatus.PUBLISHED || post.status() == PostStatus.REMOVED) {
            return;
        }
        PostStatus before = post.status();
        post.publish();
        PostModerated.Change change = switch (before) {
            case HELD_FOR_CARE -> PostModerated.Change.RELEASED_FROM_CARE;
            case PENDING_APPROVAL -> PostModerated.Change.APPROVED;
            default -> PostModerated.Change.RESTORED;
        };
        fire(post, actor, change, before, null, Map.of());
    }

    /** Removes a post as a moderator (by request or as a report's outcome). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID postId, UUID actor, String reason) {
        Post post = locked(postId);
        PostStatus before = post.status();
        post.remove(Post.RemovedBy.MODERATOR);
        fire(post, actor, PostModerated.Change.REMOVED, before, reason, Map.of());
    }

    /** Locks a thread as a report's outcome (logged even when it was locked already: the report asked for it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID postId, UUID actor, String reason) {
        Post post = locked(postId);
        post.lock(true);
        fire(post, actor, PostModerated.Change.LOCKED, post.status(), reason, Map.of());
    }

    /** Hides a published post that enough members reported; no-op for any other status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hideReported(UUID postId, long reporters) {
        Post post = locked(postId);
        if (post.status() == PostStatus.PUBLISHED) {
            post.hide();
            fire(post, null, PostModerated.Change.AUTO_HIDDEN, PostStatus.PUBLISHED, null,
                    Map.of("reports", reporters));
        }
    }

    /** Posts as a group's moderator sees them (authors shown, removed text kept for review), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PostResponse> moderatorViews(Collection<UUID> postIds, GroupContext context) {
        UUID me = currentUser.requireAccountId();
        Map<UUID, PostResponse> views = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (PostRow row : posts.rowsByIds(postIds, me)) {
                views.put(row.id(), PostViews.toResponse(row, context, me, false, true));
            }
            authorReads.recordShown(me, views.values());
        }
        return views;
    }

    /** Tells the moderators what screening found in a new or edited post (held for care, or a keyword rule). */
    void screened(Post post, ContentScreening.Verdict verdict) {
        if (verdict.needsModerators()) {
            events.fire(new PostScreened(post.id(), post.groupId(), post.authorId(), verdict.heldForCare(),
                    verdict.checkFailed(), verdict.concern(), verdict.rule().map(r -> r.id()).orElse(null),
                    verdict.rule().map(r -> r.phrase()).orElse(null),
                    verdict.rule().map(r -> r.action()).orElse(null)));
        }
    }

    private Post locked(UUID postId) {
        Post post = posts.findByIdOptional(postId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(PostAccess::notFound);
        return post;
    }

    private void fire(Post post, UUID actor, PostModerated.Change change, PostStatus before, String reason,
            Map<String, Object> details) {
        posts.flush();
        events.fire(new PostModerated(post.id(), post.groupId(), post.parentId(), post.authorId(),
                post.anonymous(), actor, change, before, post.everPublished(), reason,
                details));
    }

    private static void requireModerator(GroupContext context, String detail) {
        if (!context.canModerate()) {
            throw new ForbiddenException("not-a-moderator", "Moderators only", detail);
        }
    }
}
