package org.kindred.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.accounts.ContentWarning;
import org.kindred.accounts.Guidelines;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.validation.LanguageTagValidator;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;
import org.kindred.posts.PostAccess.Seen;
import org.kindred.posts.api.CreatePostRequest;
import org.kindred.posts.api.CreateReplyRequest;
import org.kindred.posts.api.PostResponse;
import org.kindred.posts.api.ThreadResponse;
import org.kindred.posts.api.UpdatePostRequest;
import org.kindred.posts.events.PostCreated;
import org.kindred.safety.ContentScreening;

/**
 * The member-facing half of posts: the group feed, threads and replies, edits, deletion by the author (reactions are
 * {@link PostReactions}).
 * Who may see a post is decided once per request by {@link PostAccess}; moderators' actions are in
 * {@link PostModeration}. Anonymous authors are shown only to the group's moderators and admins; a reader's hidden
 * content warnings filter every list.
 */
@ApplicationScoped
public class PostService {

    /** Something that starts an HTML tag, comment or declaration: refused, so no stored body can carry HTML. */
    private static final Pattern HTML = Pattern.compile("<\\s*[A-Za-z!/?]");

    private final PostRepository posts;
    private final PostAccess postAccess;
    private final PostModeration moderation;
    private final PostNavigation navigation;
    private final ContentScreening screening;
    private final GroupAccess access;
    private final KeysetPaging paging;
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final Guidelines guidelines;
    private final AnonymousAuthorReads authorReads;
    private final Clock clock;

    public PostService(PostRepository posts, PostAccess postAccess, PostModeration moderation,
            ContentScreening screening, GroupAccess access, KeysetPaging paging, Event<DomainEvent> events,
            CurrentUser currentUser, Guidelines guidelines, PostNavigation navigation, AnonymousAuthorReads authorReads,
            Clock clock) {
        this.posts = posts;
        this.authorReads = authorReads;
        this.navigation = navigation;
        this.guidelines = guidelines;
        this.postAccess = postAccess;
        this.moderation = moderation;
        this.screening = screening;
        this.access = access;
        this.paging = paging;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A group's feed; with {@code q}, the threads matching it, best match first (see {@link PostNavigation}). */
    @Transactional
    public Page<PostResponse> feed(String groupRef, PostRepository.Sort sort, String q, PageParams page) {
        GroupContext context = access.requireCanReadPosts(groupRef);
        if (q != null) {
            return navigation.searchGroup(context, q, page);
        }
        UUID me = currentUser.requireAccountId();
        PostRepository.ReaderWarnings warnings = postAccess.readerWarnings(me);
        Page<PostResponse> feed = paging.page("feed|" + context.groupId() + "|" + sort, page, 3,
                (after, direction, limit) -> posts.rows(posts.feedQuery(context.groupId(), me, sort, direction,
                        after == null
                                ? null
                                : new PostRepository.FeedPosition(Boolean.parseBoolean(after.get(0)),
                                        Instant.parse(after.get(1)), UUID.fromString(after.get(2))),
                        limit)),
                last -> List.of(Boolean.toString(last.pinned()),
                        (sort == PostRepository.Sort.NEW ? last.createdAt() : last.lastActivityAt()).toString(),
                        last.id().toString()),
                rows -> rows.stream()
                        .map(r -> PostViews.listed(r, context, me, postAccess.canReply(r, context, me), warnings))
                        .toList());
        authorReads.recordShown(me, feed.items());
        return feed;
    }

    @Transactional
    public Versioned<PostResponse> create(String groupRef, CreatePostRequest request) {
        GroupContext context = access.requireCanPost(groupRef);
        UUID me = currentUser.requireAccountId();
        guidelines.requireAccepted(currentUser);
        requireNoHtml("title", request.title());
        requireNoHtml("body", request.body());
        String language = request.language() == null
                ? context.language()
                : LanguageTagValidator.canonical(request.language());
        ContentScreening.Verdict verdict = screening.screen(context.groupId(), request.title(), request.body(),
                language);
        Post post = Post.thread(context.groupId(), me, blankToNull(request.title()), request.body().strip(), language,
                warnings(request.contentWarnings()), request.anonymous(), request.supportWanted(),
                request.replyPolicy(), statusFor(verdict), clock.instant());
        return saved(post, verdict, context, me);
    }

    @Transactional
    public Versioned<PostResponse> get(UUID postId) {
        Seen post = postAccess.requireVisible(postId);
        boolean canReply = postAccess.canReplyUnder(post.row(), post.context(), post.reader());
        PostResponse response = PostViews.toResponse(post.row(), post.context(), post.reader(), canReply);
        authorReads.recordShown(post.reader(), response);
        return Versioned.of(response, post.row().version());
    }

    @Transactional
    public Page<PostResponse> replies(UUID threadId, PageParams page) {
        Seen thread = postAccess.requireVisibleThread(threadId);
        return repliesOf(thread, postAccess.canReply(thread.row(), thread.context(), thread.reader()), page);
    }

    /**
     * A thread page in one request: the first post and a page of replies, with the thread, group, membership and
     * blocks read once (a page view used to be two requests that each read them).
     */
    @Transactional
    public ThreadResponse thread(UUID threadId, PageParams page) {
        Seen thread = postAccess.requireVisibleThread(threadId);
        boolean canReply = postAccess.canReply(thread.row(), thread.context(), thread.reader());
        PostResponse first = PostViews.toResponse(thread.row(), thread.context(), thread.reader(), canReply);
        authorReads.recordShown(thread.reader(), first);
        return new ThreadResponse(first, repliesOf(thread, canReply, page));
    }

    private Page<PostResponse> repliesOf(Seen thread, boolean canReply, PageParams page) {
        UUID threadId = thread.row().id();
        PostRepository.ReaderWarnings warnings = postAccess.readerWarnings(thread.reader());
        Page<PostResponse> replies = paging.page("replies|" + threadId, page, 2,
                (after, direction, limit) -> posts.rows(posts.repliesQuery(threadId, thread.reader(), direction,
                        after == null
                                ? null
                                : new PostRepository.ReplyPosition(Instant.parse(after.get(0)),
                                        UUID.fromString(after.get(1))),
                        limit)),
                last -> List.of(last.createdAt().toString(), last.id().toString()),
                rows -> rows.stream()
                        .map(r -> PostViews.listed(r, thread.context(), thread.reader(), canReply, warnings)).toList());
        authorReads.recordShown(thread.reader(), replies.items());
        return replies;
    }

    /** A reply: the thread is read once, each permission checked once, the text screened once. */
    @Transactional
    public Versioned<PostResponse> reply(UUID threadId, CreateReplyRequest request) {
        Seen thread = postAccess.requireVisibleThread(threadId);
        GroupContext context = GroupAccess.requireCanPost(thread.context());
        UUID me = thread.reader();
        postAccess.replyRefusal(thread.row(), context, me).ifPresent(refused -> {
            throw refused;
        });
        guidelines.requireAccepted(currentUser);
        requireNoHtml("body", request.body());
        UUID replyTo = request.replyTo() == null ? null : replyTarget(threadId, request.replyTo(), context, me);
        boolean anonymous = request.anonymous() != null
                ? request.anonymous()
                : thread.row().anonymous() && thread.row().authorId().equals(me);
        ContentScreening.Verdict verdict = screening.screen(context.groupId(), null, request.body(),
                thread.row().language());
        Post reply = Post.reply(context.groupId(), threadId, thread.row().language(), me, replyTo,
                request.body().strip(), warnings(request.contentWarnings()), anonymous, statusFor(verdict),
                clock.instant());
        return saved(reply, verdict, context, me);
    }

    private UUID replyTarget(UUID threadId, UUID replyTo, GroupContext context, UUID me) {
        return posts.row(replyTo, me).filter(t -> threadId.equals(t.parentId()) && postAccess.isVisible(t, context, me))
                .orElseThrow(() -> new BadRequestException("replyTo", "is not a reply in this thread")).id();
    }

    /** Saves a new post or reply, tells the features above, and answers with the writer's view and safety notice. */
    private Versioned<PostResponse> saved(Post post, ContentScreening.Verdict verdict, GroupContext context, UUID me) {
        posts.persist(post);
        posts.flush();
        events.fire(new PostCreated(post.id(), post.groupId(), post.parentId(), post.replyToId(), me, post.anonymous(),
                post.status()));
        moderation.screened(post, verdict);
        return Versioned.of(PostViews.toResponse(posts.row(post.id(), me).orElseThrow(), context, me, true)
                .withSafety(screening.notice(verdict, me)), post.version());
    }

    @Transactional
    public Versioned<PostResponse> update(UUID postId, UpdatePostRequest request, String ifMatch) {
        Seen seen = postAccess.requireVisible(postId);
        UUID me = seen.reader();
        if (!seen.row().authorId().equals(me)) {
            throw new ForbiddenException("not-the-author", "Authors only", "Only the author can edit a post");
        }
        GroupAccess.requireCanPost(seen.context());
        Post post = posts.findById(postId);
        ETags.requireMatch(ifMatch, post.version());
        PostEdit edit = PostEdit.of(post, request);
        requireNoHtml("title", edit.title());
        requireNoHtml("body", edit.body());
        ContentScreening.Verdict verdict = screening.screen(post.groupId(), edit.title(), edit.body(),
                post.language());
        Instant now = clock.instant();
        posts.saveRevision(PostRevision.of(post, now));
        if (verdict.heldForCare() && post.status() != PostStatus.HIDDEN) {
            post.holdForCare();
        } else if (statusFor(verdict) == PostStatus.PENDING_APPROVAL && post.status() == PostStatus.PUBLISHED) {
            post.holdForApproval();
        }
        moderation.screened(post, verdict);
        post.edit(edit.title(), edit.body(), edit.warnings(), edit.supportWanted(), edit.replyPolicy(), now);
        posts.flush();
        PostRow updated = posts.row(postId, me).orElseThrow();
        boolean canReply = postAccess.canReplyUnder(updated, seen.context(), me);
        return Versioned.of(PostViews.toResponse(updated, seen.context(), me, canReply)
                .withSafety(screening.notice(verdict, me)), post.version());
    }

    /** Soft delete: by the author, or removal by a moderator (logged). The thread stays; the text is withheld. */
    @Transactional
    public void delete(UUID postId, String reason) {
        Post own = posts.findByIdOptional(postId).filter(p -> p.authorId().equals(currentUser.requireAccountId()))
                .orElse(null);
        if (own != null) { // authors may take back their words even after leaving a group they can no longer read
            if (own.status() != PostStatus.REMOVED) {
                own.remove(Post.RemovedBy.AUTHOR);
            }
            return;
        }
        Seen seen = postAccess.requireVisible(postId);
        if (seen.row().status() == PostStatus.REMOVED) {
            return;
        }
        if (seen.row().authorId().equals(seen.reader())) {
            posts.findById(postId).remove(Post.RemovedBy.AUTHOR);
        } else if (seen.context().canModerate()) {
            moderation.remove(postId, seen.reader(), reason);
        } else {
            throw new ForbiddenException("not-the-author", "Authors and moderators only",
                    "Only the author or a moderator can delete a post");
        }
    }

    private static PostStatus statusFor(ContentScreening.Verdict verdict) {
        return switch (verdict.outcome()) {
            case PUBLISH -> PostStatus.PUBLISHED;
            case HOLD_FOR_APPROVAL -> PostStatus.PENDING_APPROVAL;
            case HOLD_FOR_CARE -> PostStatus.HELD_FOR_CARE;
        };
    }

    static Set<ContentWarning> warnings(java.util.Collection<ContentWarning> warnings) {
        return warnings == null || warnings.isEmpty() ? EnumSet.noneOf(ContentWarning.class) : EnumSet.copyOf(warnings);
    }

    private static void requireNoHtml(String field, String text) {
        if (text != null && HTML.matcher(text).find()) {
            throw new BadRequestException(field, "must not contain HTML; use plain text or the Markdown subset");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static BadRequestException tooDeep() {
        return new BadRequestException("reply-too-deep", "Replies are one level deep",
                "Reply to the thread's first post and point at this reply with replyTo");
    }
}
