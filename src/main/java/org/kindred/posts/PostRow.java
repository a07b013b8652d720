package org.kindred.posts;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kindred.accounts.ContentWarning;
import org.kindred.platform.db.NativeSql;

/** One post as read for display: the post, its author's public face, its counters and the reader's reactions. */
record PostRow(UUID id, UUID groupId, UUID parentId, UUID replyToId, UUID authorId, String authorHandle,
        String authorDisplayName, boolean authorProfessional, String title, String body, String language,
        List<ContentWarning> contentWarnings, boolean anonymous, SupportWanted supportWanted, ReplyPolicy replyPolicy,
        PostStatus status, Post.RemovedBy removedBy, boolean pinned, boolean locked, Instant createdAt,
        Instant editedAt,
        Instant lastActivityAt, int replyCount, Map<ReactionKind, Integer> reactions, List<ReactionKind> myReactions,
        long version, boolean everPublished) {

    /**
     * The select list every read uses; rows map with {@link #of(Object[])}. {@code everPublished}: a removed post that was
     * never published (held for care or waiting for approval) stays invisible to everyone but its author and moderators.
     */
    static final String SELECT = """
            SELECT p.id, p.group_id, p.parent_id, p.reply_to_id, p.author_id, a.handle,
                   CASE WHEN a.status = 'DELETED' THEN 'Deleted member' ELSE a.display_name END,
                   'professional' = ANY (a.roles), p.title, p.body, p.language, p.content_warnings, p.anonymous,
                   p.support_wanted, p.reply_policy, p.status, p.removed_by, p.pinned, p.locked, p.created_at, p.edited_at,
                   p.last_activity_at, p.reply_count, p.i_believe_you, p.me_too, p.not_alone, p.sending_strength, p.thank_you,
                   ARRAY(SELECT r.kind FROM reactions r WHERE r.post_id = p.id AND r.account_id = :me ORDER BY r.kind),
                   p.version, p.ever_published""";

    static final String FROM = " FROM posts p JOIN accounts a ON a.id = p.author_id";

    static final String COLUMNS = SELECT + FROM;

    static PostRow of(Object[] c) {
        Map<ReactionKind, Integer> reactions = new EnumMap<>(ReactionKind.class);
        reactions.put(ReactionKind.I_BELIEVE_YOU, ((Number) c[23]).intValue());
        reactions.put(ReactionKind.ME_TOO, ((Number) c[24]).intValue());
        reactions.put(ReactionKind.NOT_ALONE, ((Number) c[25]).intValue());
        reactions.put(ReactionKind.SENDING_STRENGTH, ((Number) c[26]).intValue());
        reactions.put(ReactionKind.THANK_YOU, ((Number) c[27]).intValue());
        return new PostRow((UUID) c[0], (UUID) c[1], (UUID) c[2], (UUID) c[3], (UUID) c[4], (String) c[5],
                (String) c[6],
                Boolean.TRUE.equals(c[7]), (String) c[8], (String) c[9], (String) c[10],
                NativeSql.strings(c[11]).stream().map(ContentWarning::valueOf).toList(), Boolean.TRUE.equals(c[12]),
                c[13] == null ? null : SupportWanted.valueOf((String) c[13]),
                c[14] == null ? null : ReplyPolicy.valueOf((String) c[14]), PostStatus.valueOf((String) c[15]),
                c[16] == null ? null : Post.RemovedBy.valueOf((String) c[16]), Boolean.TRUE.equals(c[17]),
                Boolean.TRUE.equals(c[18]), NativeSql.instant(c[19]), NativeSql.instant(c[20]),
                NativeSql.instant(c[21]),
                ((Number) c[22]).intValue(), reactions,
                NativeSql.strings(c[28]).stream().map(ReactionKind::valueOf).toList(), ((Number) c[29]).longValue(),
                Boolean.TRUE.equals(c[30]));
    }
}
