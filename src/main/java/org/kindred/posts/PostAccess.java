package org.kindred.posts;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.BlockService;
import org.kindred.accounts.ReadingPreferences;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.platform.error.ApiException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.security.CurrentUser;

/**
 * The one place that loads a post the caller may see and says what they may do with it. A post is read once (as a
 * {@link PostRow}), its group's read permission is checked once ({@link GroupAccess}), then the post's own visibility:
 * held, hidden and waiting posts only for their author and the group's moderators; blocks in either direction hide a
 * member's posts. Whatever the caller may not see answers 404, as if it did not exist.
 */
@ApplicationScoped
public class PostAccess {

    /** A post as one caller may see it: the row, the caller's standing in its group, and who the caller is. */
    public record Seen(PostRow row, GroupContext context, UUID reader) {
    }

    private final PostRepository posts;
    private final GroupAccess access;
    private final BlockService blocks;
    private final CurrentUser currentUser;

    public PostAccess(PostRepository posts, GroupAccess access, BlockService blocks, CurrentUser currentUser) {
        this.posts = posts;
        this.access = access;
        this.blocks = blocks;
        this.currentUser = currentUser;
    }

    /** The post, if the caller may see it; 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seen requireVisible(UUID postId) {
        UUID me = currentUser.requireAccountId();
        PostRow row = posts.row(postId, me).orElseThrow(PostAccess::notFound);
        GroupContext context;
        try {
            context = access.requireCanReadPosts(row.groupId());
        } catch (NotFoundException e) {
            throw notFound(); // "No such group" would tell that the post exists, in a group the caller may not see (I7)
        }
        if (!isVisible(row, context, me)) {
            throw notFound();
        }
        return new Seen(row, context, me);
    }

    /**
     * Which of these posts the caller may see now, by the same rules as {@link #requireVisible(UUID)}; never throws.
     * For lists of pointers to posts (notifications) that drop what their reader may no longer see.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> visibleAmong(Collection<UUID> postIds) {
        UUID me = currentUser.requireAccountId();
        Map<UUID, Optional<GroupContext>> contexts = new HashMap<>();
        Set<UUID> visible = new HashSet<>();
        if (postIds.isEmpty()) {
            return visible;
        }
        for (PostRow row : posts.rowsByIds(postIds, me)) {
            Optional<GroupContext> context = contexts.computeIfAbsent(row.groupId(), access::readableContext);
            if (context.isPresent() && isVisible(row, context.get(), me)) {
                visible.add(row.id());
            }
        }
        return visible;
    }

    /** A thread's first post the caller may see; 400 when the id names a reply. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seen requireVisibleThread(UUID threadId) {
        Seen thread = requireVisible(threadId);
        if (thread.row().parentId() != null) {
            throw PostService.tooDeep();
        }
        return thread;
    }

    /**
     * Published posts, and removed ones members once saw (as placeholders), are open to readers of the group; the
     * rest only to the author and moderators (I2). Blocks hide a member's posts in both directions, but never an
     * anonymous post: whether a post disappears must not depend on who wrote it (I1).
     */
    boolean isVisible(PostRow row, GroupContext context, UUID me) {
        if (row.authorId().equals(me) || context.canModerate()) {
            return true;
        }
        boolean open = row.status() == PostStatus.PUBLISHED
                || row.status() == PostStatus.REMOVED && row.everPublished();
        return open && (row.anonymous() || !blocks.blockedEitherWay(me, row.authorId()));
    }

    /**
     * The reader's content-warning preferences for rendering a list: carried with the caller's identity by the session
     * check, so no query; read from the database only for another reader or an identity without them.
     */
    PostRepository.ReaderWarnings readerWarnings(UUID reader) {
        return currentUser.attribute(ReadingPreferences.ATTRIBUTE, ReadingPreferences.class)
                .filter(p -> currentUser.accountId().filter(reader::equals).isPresent())
                .map(p -> new PostRepository.ReaderWarnings(p.collapse(), p.hidden()))
                .orElseGet(() -> posts.readerWarnings(reader));
    }

    /** Why the caller may not reply to this thread right now, if they may not. No queries. */
    Optional<ApiException> replyRefusal(PostRow thread, GroupContext context, UUID me) {
        return Optional.ofNullable(refusal(thread, context, me)).map(ReplyRefusal::exception);
    }

    /** Why the caller may not reply, without building the answer: a feed asks this for every row it lists. */
    private enum ReplyRefusal {
        CANNOT_POST, NOT_OPEN, LOCKED, CLOSED, FACILITATORS_ONLY;

        ApiException exception() {
            return switch (this) {
                case CANNOT_POST -> new ForbiddenException("cannot-post", "Cannot post here",
                        "Join the group and accept its current rules to reply");
                case NOT_OPEN ->
                    new ConflictException("thread-not-open", "Thread not open", "This thread is not open for replies");
                case LOCKED ->
                    new ConflictException("thread-locked", "Thread locked", "This thread is locked; no new replies");
                case CLOSED -> new ForbiddenException("replies-closed", "Replies closed",
                        "The author closed this thread to replies");
                case FACILITATORS_ONLY -> new ForbiddenException("facilitators-only", "Facilitators only",
                        "The author asked for replies from facilitators and verified professionals only");
            };
        }
    }

    private ReplyRefusal refusal(PostRow thread, GroupContext context, UUID me) {
        if (!context.canPostNow()) {
            return ReplyRefusal.CANNOT_POST;
        }
        if (thread.status() != PostStatus.PUBLISHED) {
            return ReplyRefusal.NOT_OPEN;
        }
        if (thread.locked() && !context.canModerate()) {
            return ReplyRefusal.LOCKED;
        }
        ReplyPolicy policy = thread.replyPolicy();
        if (policy == ReplyPolicy.CLOSED && !context.canModerate()) {
            return ReplyRefusal.CLOSED;
        }
        if (policy == ReplyPolicy.FACILITATORS_ONLY && !(context.canModerate() || currentUser.isProfessional()
                || thread.authorId().equals(me))) {
            return ReplyRefusal.FACILITATORS_ONLY;
        }
        return null;
    }

    boolean canReply(PostRow thread, GroupContext context, UUID me) {
        return refusal(thread, context, me) == null;
    }

    /** Whether the caller may reply to the thread of this post (the post itself, or the thread a reply is in). */
    boolean canReplyUnder(PostRow row, GroupContext context, UUID me) {
        if (row.parentId() == null) {
            return canReply(row, context, me);
        }
        return posts.row(row.parentId(), me).map(t -> canReply(t, context, me)).orElse(false);
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such post");
    }
}
