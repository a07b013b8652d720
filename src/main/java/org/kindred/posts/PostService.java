package org.kindred.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.BlockService;
import org.kindred.accounts.ContentWarning;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.moderation.ModerationAction;
import org.kindred.moderation.ModerationEntry;
import org.kindred.moderation.ModerationJournal;
import org.kindred.platform.error.ApiException;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.validation.LanguageTagValidator;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;
import org.kindred.posts.api.CreatePostRequest;
import org.kindred.posts.api.CreateReplyRequest;
import org.kindred.posts.api.PostResponse;
import org.kindred.posts.api.ReactionsResponse;
import org.kindred.posts.api.RevisionResponse;
import org.kindred.posts.api.UpdatePostRequest;
import org.kindred.safety.ContentScreening;

/**
 * The group feed, threads and replies, reactions, and moderators' pin, lock and remove. Who may see what is decided
 * here and in {@link GroupAccess}: anonymous authors are shown only to the group's moderators and admins; blocks in
 * either direction make posts invisible; a reader's hidden content warnings filter every list.
 */
@ApplicationScoped
public class PostService {

    /** Something that starts an HTML tag, comment or declaration: refused, so no stored body can carry HTML. */
    private static final Pattern HTML = Pattern.compile("<\\s*[A-Za-z!/?]");

    private final PostRepository posts;
    private final ContentScreening screening;
    private final GroupAccess access;
    private final BlockService blocks;
    private final ModerationJournal journal;
    private final CursorCodec cursors;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PostService(PostRepository posts, ContentScreening screening, GroupAccess access, BlockService blocks,
            ModerationJournal journal, CursorCodec cursors, CurrentUser currentUser, Clock clock) {
        this.posts = posts;
        this.screening = screening;
        this.access = access;
        this.blocks = blocks;
        this.journal = journal;
        this.cursors = cursors;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Page<PostResponse> feed(String groupRef, PostRepository.Sort sort, PageParams page) {
        GroupContext context = access.requireCanReadPosts(groupRef);
        UUID me = currentUser.requireAccountId();
        String scope = "feed|" + context.groupId() + "|" + sort;
        PostRepository.FeedPosition after = null;
        if (page.cursor != null) {
            List<String> v = cursors.decode(scope, page.cursor, 3);
            after = new PostRepository.FeedPosition(Boolean.parseBoolean(v.get(0)), Instant.parse(v.get(1)),
                    UUID.fromString(v.get(2)));
        }
        List<PostRow> rows = posts.rows(posts.feedQuery(context.groupId(), me, sort, after, page.limit + 1));
        boolean more = rows.size() > page.limit;
        List<PostRow> shown = more ? rows.subList(0, page.limit) : rows;
        List<PostResponse> items = shown.stream()
                .map(r -> toResponse(r, context, me, refusal(r, context, me).isEmpty())).toList();
        String next = null;
        if (more) {
            PostRow last = shown.get(shown.size() - 1);
            Instant key = sort == PostRepository.Sort.NEW ? last.createdAt() : last.lastActivityAt();
            next = cursors.encode(scope,
                    List.of(Boolean.toString(last.pinned()), key.toString(), last.id().toString()));
        }
        return Page.of(items, next);
    }

    @Transactional
    public Versioned<PostResponse> create(String groupRef, CreatePostRequest request) {
        GroupContext context = access.requireCanPost(groupRef);
        UUID me = currentUser.requireAccountId();
        requireNoHtml("title", request.title());
        requireNoHtml("body", request.body());
        String language = request.language() == null
                ? context.language()
                : LanguageTagValidator.canonical(request.language());
        ContentScreening.Verdict verdict = screening.screen(context.groupId(), request.title(), request.body(),
                language);
        Post post = Post.thread(context.groupId(), me, blankToNull(request.title()), request.body().strip(), language,
                warnings(request.contentWarnings()), request.anonymous(), request.supportWanted(),
                request.replyPolicy(), verdict.status(), clock.instant());
        posts.persist(post);
        posts.flush();
        screening.recordSaved(verdict, context.groupId(), post.id(), me);
        return Versioned.of(toResponse(posts.row(post.id(), me).orElseThrow(), context, me, true)
                .withSafety(screening.notice(verdict, me)), post.version());
    }

    @Transactional
    public Versioned<PostResponse> get(UUID postId) {
        UUID me = currentUser.requireAccountId();
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(row.groupId().toString());
        requireVisible(row, context, me);
        boolean canReply = row.parentId() == null
                ? refusal(row, context, me).isEmpty()
                : threadAccepts(row.parentId(), context, me);
        return Versioned.of(toResponse(row, context, me, canReply), row.version());
    }

    @Transactional
    public Page<PostResponse> replies(UUID threadId, PageParams page) {
        UUID me = currentUser.requireAccountId();
        PostRow thread = posts.row(threadId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(thread.groupId().toString());
        requireVisible(thread, context, me);
        if (thread.parentId() != null) {
            throw tooDeep();
        }
        String scope = "replies|" + threadId;
        PostRepository.ReplyPosition after = null;
        if (page.cursor != null) {
            List<String> v = cursors.decode(scope, page.cursor, 2);
            after = new PostRepository.ReplyPosition(Instant.parse(v.get(0)), UUID.fromString(v.get(1)));
        }
        List<PostRow> rows = posts.rows(posts.repliesQuery(threadId, me, after, page.limit + 1));
        boolean more = rows.size() > page.limit;
        List<PostRow> shown = more ? rows.subList(0, page.limit) : rows;
        boolean canReply = refusal(thread, context, me).isEmpty();
        List<PostResponse> items = shown.stream().map(r -> toResponse(r, context, me, canReply)).toList();
        String next = more
                ? cursors.encode(scope, List.of(shown.get(shown.size() - 1).createdAt().toString(),
                        shown.get(shown.size() - 1).id().toString()))
                : null;
        return Page.of(items, next);
    }

    @Transactional
    public Versioned<PostResponse> reply(UUID threadId, CreateReplyRequest request) {
        UUID me = currentUser.requireAccountId();
        PostRow thread = posts.row(threadId, me).orElseThrow(PostService::notFound);
        requireVisible(thread, access.requireCanReadPosts(thread.groupId().toString()), me);
        if (thread.parentId() != null) {
            throw tooDeep();
        }
        GroupContext context = access.requireCanPost(thread.groupId().toString());
        Optional<ApiException> refused = refusal(thread, context, me);
        if (refused.isPresent()) {
            throw refused.get();
        }
        requireNoHtml("body", request.body());
        UUID replyTo = null;
        if (request.replyTo() != null) {
            replyTo = posts.row(request.replyTo(), me)
                    .filter(t -> threadId.equals(t.parentId()) && isVisible(t, context, me))
                    .orElseThrow(() -> new BadRequestException("replyTo", "is not a reply in this thread")).id();
        }
        return createReply(thread, replyTo, request, context, me);
    }

    private Versioned<PostResponse> createReply(PostRow thread, UUID replyTo, CreateReplyRequest request,
            GroupContext context, UUID me) {
        boolean anonymous = request.anonymous() != null
                ? request.anonymous()
                : thread.anonymous() && thread.authorId().equals(me);
        Post parent = posts.findById(thread.id());
        ContentScreening.Verdict verdict = screening.screen(context.groupId(), null, request.body(),
                parent.language());
        Post reply = Post.reply(parent, me, replyTo, request.body().strip(), warnings(request.contentWarnings()),
                anonymous, verdict.status(), clock.instant());
        posts.persist(reply);
        posts.flush();
        screening.recordSaved(verdict, context.groupId(), reply.id(), me);
        return Versioned.of(toResponse(posts.row(reply.id(), me).orElseThrow(), context, me, true)
                .withSafety(screening.notice(verdict, me)), reply.version());
    }

    @Transactional
    public Versioned<PostResponse> update(UUID postId, UpdatePostRequest request, String ifMatch) {
        UUID me = currentUser.requireAccountId();
        Post post = posts.findByIdOptional(postId).orElseThrow(PostService::notFound);
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        requireVisible(row, access.requireCanReadPosts(post.groupId().toString()), me);
        if (!post.authorId().equals(me)) {
            throw new ForbiddenException("not-the-author", "Authors only", "Only the author can edit a post");
        }
        GroupContext context = access.requireCanPost(post.groupId().toString());
        ETags.requireMatch(ifMatch, post.version());
        if (post.status() == PostStatus.REMOVED) {
            throw new ConflictException("post-removed", "Post removed", "A removed post cannot be edited");
        }
        if (!post.isThread()
                && (request.title() != null || request.supportWanted() != null || request.replyPolicy() != null)) {
            throw new BadRequestException("title",
                    "title, supportWanted and replyPolicy belong to a thread's first post");
        }
        rejectNull("body", request.body());
        rejectNull("contentWarnings", request.contentWarnings());
        rejectNull("supportWanted", request.supportWanted());
        rejectNull("replyPolicy", request.replyPolicy());
        String title = request.title() == null ? post.title() : blankToNull(request.title().orElse(null));
        String body = request.body() == null ? post.body() : request.body().get().strip();
        requireNoHtml("title", title);
        requireNoHtml("body", body);
        if (body.isEmpty()) {
            throw new BadRequestException("body", "must not be blank");
        }
        ContentScreening.Verdict verdict = screening.screen(post.groupId(), title, body, post.language());
        Instant now = clock.instant();
        posts.saveRevision(PostRevision.of(post, now));
        if (verdict.status() == PostStatus.HELD_FOR_CARE && post.status() != PostStatus.HIDDEN) {
            post.holdForCare();
        } else if (verdict.status() == PostStatus.PENDING_APPROVAL && post.status() == PostStatus.PUBLISHED) {
            post.holdForApproval();
        }
        screening.recordSaved(verdict, post.groupId(), post.id(), me);
        post.edit(title, body,
                request.contentWarnings() == null ? post.contentWarnings() : warnings(request.contentWarnings().get()),
                request.supportWanted() == null ? post.supportWanted() : request.supportWanted().get(),
                request.replyPolicy() == null ? post.replyPolicy() : request.replyPolicy().get(), now);
        posts.flush();
        PostRow updated = posts.row(postId, me).orElseThrow();
        boolean canReply = updated.parentId() == null
                ? refusal(updated, context, me).isEmpty()
                : threadAccepts(updated.parentId(), context, me);
        return Versioned.of(toResponse(updated, context, me, canReply).withSafety(screening.notice(verdict, me)),
                post.version());
    }

    /** Soft delete: by the author, or removal by a moderator (logged). The thread stays; the text is withheld. */
    @Transactional
    public void delete(UUID postId, String reason) {
        UUID me = currentUser.requireAccountId();
        Post post = posts.findByIdOptional(postId).orElseThrow(PostService::notFound);
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(post.groupId().toString());
        requireVisible(row, context, me);
        if (post.status() == PostStatus.REMOVED) {
            return;
        }
        if (post.authorId().equals(me)) {
            post.remove(Post.RemovedBy.AUTHOR);
        } else if (context.canModerate()) {
            post.remove(Post.RemovedBy.MODERATOR);
            journal.record(post.groupId(), me, ModerationAction.POST_REMOVED, ModerationEntry.TargetType.POST,
                    post.id(),
                    reason, Map.of());
        } else {
            throw new ForbiddenException("not-the-author", "Authors and moderators only",
                    "Only the author or a moderator can delete a post");
        }
    }

    @Transactional
    public ReactionsResponse react(UUID postId, ReactionKind kind, boolean add) {
        UUID me = currentUser.requireAccountId();
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(row.groupId().toString());
        requireVisible(row, context, me);
        if (!context.isActiveMember()) {
            throw new ForbiddenException("not-a-member", "Join the group first",
                    "Only members of this group can react");
        }
        if (context.archived()) {
            throw new ConflictException("group-archived", "Group archived", "This group is archived and read-only");
        }
        if (add && row.status() != PostStatus.PUBLISHED) {
            throw new ConflictException("post-not-published", "Not published", "Only published posts take reactions");
        }
        if (add) {
            posts.addReaction(postId, me, kind, clock.instant());
        } else {
            posts.removeReaction(postId, me, kind);
        }
        PostRow after = posts.row(postId, me).orElseThrow();
        return new ReactionsResponse(after.reactions(), after.myReactions());
    }

    @Transactional
    public PostResponse moderateThread(UUID postId, boolean pin, boolean value) {
        UUID me = currentUser.requireAccountId();
        Post post = posts.findByIdOptional(postId).orElseThrow(PostService::notFound);
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(post.groupId().toString());
        if (!isVisible(row, context, me)) {
            throw notFound();
        }
        if (!context.canModerate()) {
            throw new ForbiddenException("not-a-moderator", "Moderators only",
                    "Only this group's moderators can do this");
        }
        if (!post.isThread()) {
            throw new BadRequestException("not-a-thread", "Not a thread",
                    "Only a thread's first post can be pinned or locked");
        }
        boolean changed = pin ? post.pinned() != value : post.locked() != value;
        if (changed) {
            if (pin) {
                post.pin(value);
            } else {
                post.lock(value);
            }
            ModerationAction action = pin
                    ? (value ? ModerationAction.THREAD_PINNED : ModerationAction.THREAD_UNPINNED)
                    : (value ? ModerationAction.THREAD_LOCKED : ModerationAction.THREAD_UNLOCKED);
            journal.record(post.groupId(), me, action, ModerationEntry.TargetType.POST, post.id(), null, Map.of());
            posts.flush();
        }
        PostRow updated = posts.row(postId, me).orElseThrow();
        return toResponse(updated, context, me, refusal(updated, context, me).isEmpty());
    }

    @Transactional
    public List<RevisionResponse> revisions(UUID postId) {
        UUID me = currentUser.requireAccountId();
        PostRow row = posts.row(postId, me).orElseThrow(PostService::notFound);
        GroupContext context = access.requireCanReadPosts(row.groupId().toString());
        requireVisible(row, context, me);
        if (!context.canModerate()) {
            throw new ForbiddenException("not-a-moderator", "Moderators only",
                    "Only this group's moderators can see edit history");
        }
        return posts.revisions(postId).stream()
                .map(r -> new RevisionResponse(r.id(), r.title(), r.body(), r.contentWarnings(), r.replacedAt()))
                .toList();
    }

    /** What moderation needs to know about a post, without access checks (moderation checks access itself). */
    public record PostFacts(UUID id, UUID groupId, UUID authorId, UUID parentId, PostStatus status) {
    }

    /** What a moderator can do to a post, applied by the moderation feature in the transaction of a resolution. */
    public enum ModeratorAction {
        HIDE, RESTORE, REMOVE, LOCK
    }

    @Transactional
    public Optional<PostFacts> facts(UUID postId) {
        return posts.findByIdOptional(postId)
                .map(p -> new PostFacts(p.id(), p.groupId(), p.authorId(), p.parentId(), p.status()));
    }

    /**
     * Applies a moderator's action; the caller has checked the moderator's rights and logs the action. Returns the
     * status the post had before. Restoring publishes a hidden, held or waiting post.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostStatus applyModeratorAction(UUID postId, ModeratorAction action) {
        Post post = posts.findByIdOptional(postId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(PostService::notFound);
        PostStatus before = post.status();
        switch (action) {
            case HIDE -> {
                requireNotRemoved(post);
                post.hide();
            }
            case RESTORE -> {
                requireNotRemoved(post);
                post.publish();
            }
            case REMOVE -> post.remove(Post.RemovedBy.MODERATOR);
            case LOCK -> {
                if (!post.isThread()) {
                    throw new BadRequestException("not-a-thread", "Not a thread",
                            "Only a thread's first post can be locked");
                }
                post.lock(true);
            }
        }
        posts.flush();
        return before;
    }

    /** Hides a published post that enough members reported; true when it was published until now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hideReported(UUID postId) {
        Post post = posts.findByIdOptional(postId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (post.status() != PostStatus.PUBLISHED) {
            return false;
        }
        post.hide();
        posts.flush();
        return true;
    }

    /** Posts as a group's moderator sees them (authors shown), for the moderation queue; one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PostResponse> moderatorViews(java.util.Collection<UUID> postIds, GroupContext context) {
        UUID me = currentUser.requireAccountId();
        Map<UUID, PostResponse> views = new java.util.HashMap<>();
        if (postIds.isEmpty()) {
            return views;
        }
        for (PostRow row : posts.rowsByIds(postIds, me)) {
            views.put(row.id(), toResponse(row, context, me, false, true));
        }
        return views;
    }

    private static void requireNotRemoved(Post post) {
        if (post.status() == PostStatus.REMOVED) {
            throw new ConflictException("post-removed", "Post removed", "The post was already removed");
        }
    }

    /** Whether the caller may see this post at all; 404 otherwise (existence is not revealed). */
    private void requireVisible(PostRow row, GroupContext context, UUID me) {
        if (!isVisible(row, context, me)) {
            throw notFound();
        }
    }

    private boolean isVisible(PostRow row, GroupContext context, UUID me) {
        boolean mine = row.authorId().equals(me);
        boolean open = row.status() == PostStatus.PUBLISHED || row.status() == PostStatus.REMOVED;
        if (!open && !mine && !context.canModerate()) {
            return false;
        }
        return mine || context.canModerate() || !blocks.blockedEitherWay(me, row.authorId());
    }

    /** Why the caller may not reply to this thread right now, if they may not. */
    private Optional<ApiException> refusal(PostRow thread, GroupContext context, UUID me) {
        if (!context.canPostNow()) {
            return Optional.of(new ForbiddenException("cannot-post", "Cannot post here",
                    "Join the group and accept its current rules to reply"));
        }
        if (thread.status() != PostStatus.PUBLISHED) {
            return Optional.of(
                    new ConflictException("thread-not-open", "Thread not open", "This thread is not open for replies"));
        }
        if (thread.locked() && !context.canModerate()) {
            return Optional.of(
                    new ConflictException("thread-locked", "Thread locked", "This thread is locked; no new replies"));
        }
        ReplyPolicy policy = thread.replyPolicy();
        if (policy == ReplyPolicy.CLOSED && !context.canModerate()) {
            return Optional.of(new ForbiddenException("replies-closed", "Replies closed",
                    "The author closed this thread to replies"));
        }
        if (policy == ReplyPolicy.FACILITATORS_ONLY && !(context.canModerate() || currentUser.isProfessional()
                || thread.authorId().equals(me))) {
            return Optional.of(new ForbiddenException("facilitators-only", "Facilitators only",
                    "The author asked for replies from facilitators and verified professionals only"));
        }
        return Optional.empty();
    }

    private boolean threadAccepts(UUID threadId, GroupContext context, UUID me) {
        return posts.row(threadId, me).map(t -> refusal(t, context, me).isEmpty()).orElse(false);
    }

    private static PostResponse toResponse(PostRow r, GroupContext context, UUID me, boolean canReply) {
        return toResponse(r, context, me, canReply, false);
    }

    /** {@code reviewing}: the moderators' queue, where a removed post's text is shown so a report can be judged. */
    private static PostResponse toResponse(PostRow r, GroupContext context, UUID me, boolean canReply,
            boolean reviewing) {
        boolean showAuthor = !r.anonymous() || context.canModerate();
        boolean removed = r.status() == PostStatus.REMOVED && !reviewing;
        PostResponse.Author author = showAuthor
                ? new PostResponse.Author(r.authorId(), r.authorHandle(), r.authorDisplayName(), r.authorProfessional())
                : null;
        return new PostResponse(r.id(), r.groupId(), r.parentId(), r.replyToId(), author, r.anonymous(),
                r.authorId().equals(me),
                removed ? null : r.title(), removed ? null : r.body(), r.language(), r.contentWarnings(),
                r.supportWanted(),
                r.replyPolicy(), r.status(), r.createdAt(), r.editedAt(), r.lastActivityAt(), r.replyCount(),
                r.reactions(),
                r.myReactions(), r.pinned(), r.locked(), canReply && !removed, null);
    }

    private static Set<ContentWarning> warnings(java.util.Collection<ContentWarning> warnings) {
        return warnings == null || warnings.isEmpty() ? EnumSet.noneOf(ContentWarning.class) : EnumSet.copyOf(warnings);
    }

    private static void requireNoHtml(String field, String text) {
        if (text != null && HTML.matcher(text).find()) {
            throw new BadRequestException(field, "must not contain HTML; use plain text or the Markdown subset");
        }
    }

    private static void rejectNull(String field, Optional<?> value) {
        if (value != null && value.isEmpty()) {
            throw new BadRequestException(field, "must not be null");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such post");
    }

    private static BadRequestException tooDeep() {
        return new BadRequestException("reply-too-deep", "Replies are one level deep",
                "Reply to the thread's first post and point at this reply with replyTo");
    }

}
