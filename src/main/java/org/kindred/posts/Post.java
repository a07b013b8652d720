package org.kindred.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kindred.accounts.ContentWarning;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;

/**
 * A thread's first post or a reply. Reply and reaction counters and {@code lastActivityAt} are kept by database
 * triggers and are read-only here.
 */
@Entity
@Table(name = "posts")
@DynamicUpdate
public class Post {

    public enum RemovedBy {
        AUTHOR, MODERATOR
    }

    @Id
    private UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private UUID groupId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "parent_id", updatable = false)
    private UUID parentId;

    @Column(name = "reply_to_id", updatable = false)
    private UUID replyToId;

    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "content_warnings", columnDefinition = "text[]", nullable = false)
    private List<String> contentWarnings = new ArrayList<>();

    @Column(nullable = false, updatable = false)
    private boolean anonymous;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_wanted")
    private SupportWanted supportWanted;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_policy")
    private ReplyPolicy replyPolicy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PostStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "removed_by")
    private RemovedBy removedBy;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean locked;

    /** Shown to members at least once: only then does a removed post leave a placeholder in its thread. */
    @Column(name = "ever_published", nullable = false)
    private boolean everPublished;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "last_activity_at", nullable = false, updatable = false)
    private Instant lastActivityAt;

    @Column(name = "reply_count", insertable = false, updatable = false)
    private int replyCount;

    @Version
    private long version;

    protected Post() {
    }

    static Post thread(UUID groupId, UUID authorId, String title, String body, String language,
            Collection<ContentWarning> warnings, boolean anonymous, SupportWanted supportWanted,
            ReplyPolicy replyPolicy,
            PostStatus status, Instant now) {
        Post post = base(groupId, authorId, body, language, warnings, anonymous, status, now);
        post.title = title;
        post.supportWanted = supportWanted;
        post.replyPolicy = replyPolicy;
        return post;
    }

    /** A reply in a thread; it takes the thread's group and language. */
    static Post reply(UUID groupId, UUID threadId, String language, UUID authorId, UUID replyToId, String body,
            Collection<ContentWarning> warnings, boolean anonymous, PostStatus status, Instant now) {
        Post post = base(groupId, authorId, body, language, warnings, anonymous, status, now);
        post.parentId = threadId;
        post.replyToId = replyToId;
        return post;
    }

    private static Post base(UUID groupId, UUID authorId, String body, String language,
            Collection<ContentWarning> warnings,
            boolean anonymous, PostStatus status, Instant now) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.groupId = groupId;
        post.authorId = authorId;
        post.body = body;
        post.language = language;
        post.contentWarnings = names(warnings);
        post.anonymous = anonymous;
        post.status = status;
        post.everPublished = status == PostStatus.PUBLISHED;
        post.createdAt = now;
        post.lastActivityAt = now;
        return post;
    }

    /** Applies an edit by the author; the caller has saved the previous text as a revision. */
    void edit(String title, String body, Collection<ContentWarning> warnings, SupportWanted supportWanted,
            ReplyPolicy replyPolicy, Instant now) {
        this.title = title;
        this.body = body;
        this.contentWarnings = names(warnings);
        this.supportWanted = supportWanted;
        this.replyPolicy = replyPolicy;
        this.editedAt = now;
    }

    void remove(RemovedBy by) {
        this.status = PostStatus.REMOVED;
        this.removedBy = by;
    }

    /** Hidden by a moderator or by reports until reviewed; the author and moderators still see it. */
    void hide() {
        requireNotRemoved();
        this.status = PostStatus.HIDDEN;
    }

    /** An edit tripped a group's HOLD rule: the post waits for a moderator again. */
    void holdForApproval() {
        this.status = PostStatus.PENDING_APPROVAL;
    }

    /** Held for care: the safety check found signs of immediate danger; only the author and moderators see it. */
    void holdForCare() {
        this.status = PostStatus.HELD_FOR_CARE;
    }

    /** Published after review (a hidden, held or waiting post). */
    void publish() {
        requireNotRemoved();
        this.status = PostStatus.PUBLISHED;
        this.everPublished = true;
    }

    /** Pins or unpins a thread; true when that changed anything. Replies cannot be pinned. */
    boolean pin(boolean pinned) {
        requireThread();
        boolean changed = this.pinned != pinned;
        this.pinned = pinned;
        return changed;
    }

    /** Locks or unlocks a thread; true when that changed anything. Replies cannot be locked. */
    boolean lock(boolean locked) {
        requireThread();
        boolean changed = this.locked != locked;
        this.locked = locked;
        return changed;
    }

    private void requireThread() {
        if (!isThread()) {
            throw new BadRequestException("not-a-thread", "Not a thread",
                    "Only a thread's first post can be pinned or locked");
        }
    }

    private void requireNotRemoved() {
        if (status == PostStatus.REMOVED) {
            throw new ConflictException("post-removed", "Post removed", "The post was already removed");
        }
    }

    private static List<String> names(Collection<ContentWarning> warnings) {
        return new ArrayList<>(warnings.stream().map(Enum::name).distinct().sorted().toList());
    }

    /** Whether members ever saw this post (it was published at least once). */
    public boolean everPublished() {
        return everPublished;
    }

    public boolean isThread() {
        return parentId == null;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID authorId() {
        return authorId;
    }

    /** The reply this reply answers, if it answers one; null for threads and direct replies to the thread. */
    public UUID replyToId() {
        return replyToId;
    }

    public UUID parentId() {
        return parentId;
    }

    public String title() {
        return title;
    }

    public String language() {
        return language;
    }

    public String body() {
        return body;
    }

    public List<ContentWarning> contentWarnings() {
        return contentWarnings.stream().map(ContentWarning::valueOf).toList();
    }

    public boolean anonymous() {
        return anonymous;
    }

    public SupportWanted supportWanted() {
        return supportWanted;
    }

    public ReplyPolicy replyPolicy() {
        return replyPolicy;
    }

    public PostStatus status() {
        return status;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean locked() {
        return locked;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int replyCount() {
        return replyCount;
    }

    public long version() {
        return version;
    }
}
