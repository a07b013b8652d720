package org.kindred.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.ContentWarning;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Posts. Reads for display are single statements that also join the author's public face, the reader's reactions,
 * blocks in both directions and the reader's hidden content warnings, so a feed page is one indexed query. (They read
 * the accounts and blocks tables directly for that reason.)
 */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    public enum Sort {
        NEW("created_at"), ACTIVE("last_activity_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** Where the previous feed page ended. */
    public record FeedPosition(boolean pinned, Instant key, UUID id) {
    }

    /** Where the previous replies page ended. */
    public record ReplyPosition(Instant createdAt, UUID id) {
    }

    /**
     * What a reader may see of others' posts: published ones (and removed ones that keep a thread together), their own
     * that wait or were held, minus content warnings they hide (unless they collapse them), people blocked in either direction and people they muted — except anonymous
     * posts, which blocks never touch (a block must not tell anyone who wrote one: README "Privacy model", I1). A removed
     * post leaves a placeholder only if members ever saw it (I2). Blocks are
     * resolved once per query (an InitPlan array), so the filter rides on the index scan and the planner has no join to
     * reorder. Keyword mutes (accounts' {@code KeywordMutes}) read the text only, so they apply to anonymous posts like any
     * other, never to the reader's own: the reader's active patterns are joined into one regular expression, also
     * resolved once per query, and a post whose title or body matches it is left out.
     */
    private static final String READER_FILTERS = " "
            + """
                    AND (p.status = 'PUBLISHED'
                         OR p.status = 'REMOVED' AND p.ever_published AND (p.parent_id IS NOT NULL OR p.reply_count > 0)
                         OR p.author_id = :me AND p.status IN ('PENDING_APPROVAL', 'HELD_FOR_CARE', 'HIDDEN'))
                    AND (p.author_id = :me OR NOT p.content_warnings && (SELECT hidden_content_warnings FROM accounts WHERE id = :me)
                         OR (SELECT content_warning_mode FROM accounts WHERE id = :me) = 'COLLAPSE')
                    AND (p.anonymous OR p.author_id <> ALL (ARRAY(SELECT blocked_id FROM blocks WHERE blocker_id = :me
                                                  UNION ALL SELECT blocker_id FROM blocks WHERE blocked_id = :me
                                                  UNION ALL SELECT muted_id FROM mutes WHERE muter_id = :me)))
                    AND (p.author_id = :me OR NOT COALESCE((COALESCE(p.title, '') || ' ' || p.body) ~
                         (SELECT string_agg(pattern, '|') FROM keyword_mutes
                          WHERE account_id = :me AND (expires_at IS NULL OR expires_at > now())), false))""";

    /**
     * One feed page: a group's threads, pinned first, then by the sort key, newest first; the rows on one side of a
     * position ({@code BEFORE}: nearest first), under the same filters either way.
     */
    public NativeSql feedQuery(UUID groupId, UUID reader, Sort sort, Direction direction, FeedPosition after,
            int limit) {
        NativeSql sql = new NativeSql().append(PostRow.COLUMNS)
                .append(" WHERE p.group_id = :group AND p.parent_id IS NULL").append(READER_FILTERS)
                .bind("group", groupId).bind("me", reader);
        if (after != null && !after.pinned() && direction == Direction.AFTER) {
            // Past the pinned threads: the same condition, written so the planner estimates it from column statistics.
            sql.append(" AND NOT p.pinned AND (p." + sort.column + ", p.id) < (:afterKey, :afterId)")
                    .bind("afterKey", after.key()).bind("afterId", after.id());
        } else if (after != null) {
            sql.append(" AND (p.pinned, p." + sort.column + ", p.id) " + direction.compare("<") + " ("
                    + after.pinned() + ", :afterKey, :afterId)").bind("afterKey", after.key())
                    .bind("afterId", after.id());
        }
        return sql.append(" ORDER BY " + direction.order("p.pinned DESC, p." + sort.column + " DESC, p.id DESC")
                + " LIMIT :limit").bind("limit", limit);
    }

    /** The reader's content-warning preferences: which warnings they hide, and whether lists collapse such posts. */
    record ReaderWarnings(boolean collapse, java.util.Set<ContentWarning> hidden) {

        /** Whether a post in a list is shown collapsed to this reader (never their own). */
        boolean collapses(PostRow row, UUID reader) {
            return collapse && !row.authorId().equals(reader)
                    && row.contentWarnings().stream().anyMatch(hidden::contains);
        }
    }

    ReaderWarnings readerWarnings(UUID reader) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT content_warning_mode, hidden_content_warnings FROM accounts WHERE id = ?1")
                .setParameter(1, reader).getResultList();
        if (rows.isEmpty()) {
            return new ReaderWarnings(false, java.util.Set.of());
        }
        Object[] row = (Object[]) rows.get(0);
        return new ReaderWarnings("COLLAPSE".equals(row[0]), NativeSql.strings(row[1]).stream()
                .map(ContentWarning::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Where the previous ranked search page ended. */
    public record RankPosition(float rank, UUID id) {
    }

    /** A post row with its search rank. */
    record Ranked(PostRow row, float rank) {
    }

    /**
     * One page of the home timeline: threads in the given groups (the reader's, from GroupAccess), newest or most
     * recently active first, under the same reader filters as a group's feed. No pinning across groups.
     */
    public NativeSql timelineQuery(Collection<UUID> groupIds, UUID reader, Sort sort, Direction direction,
            KeysetPaging.TimeAndId after, int limit) {
        NativeSql sql = new NativeSql().append(PostRow.COLUMNS)
                .append(" WHERE p.group_id IN (:groups) AND p.parent_id IS NULL").append(READER_FILTERS)
                .bind("groups", groupIds).bind("me", reader);
        if (after != null) {
            sql.append(" AND (p." + sort.column + ", p.id) " + direction.compare("<") + " (:afterKey, :afterId)")
                    .bind("afterKey", after.at()).bind("afterId", after.id());
        }
        return sql.append(" ORDER BY " + direction.order("p." + sort.column + " DESC, p.id DESC") + " LIMIT :limit")
                .bind("limit", limit);
    }

    /**
     * The words of a search as one tsquery: stemmed in each of the given languages (those of the groups searched) and
     * as written. The tsquery is a constant of the statement, so the GIN index on {@code posts.search} serves it.
     */
    private static NativeSql searchTerms(NativeSql sql, String q, List<String> languages) {
        sql.append("websearch_to_tsquery('simple'::regconfig, :q)").bind("q", q);
        for (int i = 0; i < languages.size(); i++) {
            sql.append(" || websearch_to_tsquery(kindred_ts_config(:lang" + i + "), :q)").bind("lang" + i,
                    languages.get(i));
        }
        return sql;
    }

    /**
     * Whether a search has any word left once the stop words of its languages are dropped ("the", "and" ...): a search
     * for stop words only answers an empty page rather than every post.
     */
    public boolean hasSearchableWords(String q, List<String> languages) {
        NativeSql sql = new NativeSql().append("SELECT GREATEST(0");
        for (int i = 0; i < languages.size(); i++) {
            sql.append(", numnode(websearch_to_tsquery(kindred_ts_config(:lang" + i + "), :q))").bind("lang" + i,
                    languages.get(i));
        }
        Object nodes = sql.append(")").bind("q", q).toQuery(getEntityManager()).getSingleResult();
        return ((Number) nodes).intValue() > 0;
    }

    /**
     * One page of search results: threads in the given groups whose title or body match, best match first, under the
     * same reader filters as the feed. Removed posts are never searched (their withheld text must not answer). The
     * author's handle and name are not in the searched text, so a handle never finds that member's anonymous posts.
     */
    public NativeSql searchQuery(Collection<UUID> groupIds, UUID reader, String q, List<String> languages,
            Direction direction, RankPosition after, int limit) {
        NativeSql sql = new NativeSql().append(PostRow.SELECT).append(", ts_rank(p.search, s.query) AS rank")
                .append(PostRow.FROM).append(" CROSS JOIN (SELECT ");
        searchTerms(sql, q, languages).append(" AS query) s")
                .append(" WHERE p.group_id IN (:groups) AND p.parent_id IS NULL AND p.search @@ s.query")
                .append(" AND p.status <> 'REMOVED'").append(READER_FILTERS)
                .bind("groups", groupIds).bind("me", reader);
        if (after != null) {
            String cmp = direction.compare("<");
            sql.append(" AND (ts_rank(p.search, s.query) " + cmp + " :afterRank")
                    .append(" OR ts_rank(p.search, s.query) = :afterRank AND p.id " + cmp + " :afterId)")
                    .bind("afterRank", after.rank()).bind("afterId", after.id());
        }
        return sql.append(" ORDER BY " + direction.order("rank DESC, p.id DESC") + " LIMIT :limit").bind("limit",
                limit);
    }

    /** One page of the reader's own threads or replies, newest first, whatever their status or group. */
    public NativeSql ownQuery(UUID author, boolean replies, Direction direction, KeysetPaging.TimeAndId after,
            int limit) {
        NativeSql sql = new NativeSql().append(PostRow.COLUMNS).append(" WHERE p.author_id = :me AND p.parent_id IS ")
                .append(replies ? "NOT NULL" : "NULL").bind("me", author);
        if (after != null) {
            sql.append(" AND (p.created_at, p.id) " + direction.compare("<") + " (:afterCreatedAt, :afterId)")
                    .bind("afterCreatedAt", after.at()).bind("afterId", after.id());
        }
        return sql.append(" ORDER BY " + direction.order("p.created_at DESC, p.id DESC") + " LIMIT :limit")
                .bind("limit", limit);
    }

    List<Ranked> rankedRows(NativeSql query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.toQuery(getEntityManager()).getResultList();
        return rows.stream().map(c -> new Ranked(PostRow.of(c), ((Number) c[31]).floatValue())).toList();
    }

    /** One page of a thread's replies, oldest first, on one side of a position. */
    public NativeSql repliesQuery(UUID threadId, UUID reader, Direction direction, ReplyPosition after, int limit) {
        NativeSql sql = new NativeSql().append(PostRow.COLUMNS).append(" WHERE p.parent_id = :thread")
                .append(READER_FILTERS)
                .bind("thread", threadId).bind("me", reader);
        if (after != null) {
            sql.append(" AND (p.created_at, p.id) " + direction.compare(">") + " (:afterCreatedAt, :afterId)")
                    .bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
        }
        return sql.append(" ORDER BY " + direction.order("p.created_at, p.id") + " LIMIT :limit").bind("limit",
                limit);
    }

    public List<PostRow> rows(NativeSql query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.toQuery(getEntityManager()).getResultList();
        return rows.stream().map(PostRow::of).toList();
    }

    /** One post for display, whatever its status (the caller decides what the reader may see). */
    public Optional<PostRow> row(UUID postId, UUID reader) {
        return rows(new NativeSql().append(PostRow.COLUMNS).append(" WHERE p.id = :id").bind("id", postId).bind("me",
                reader))
                .stream().findFirst();
    }

    /** Several posts for display, whatever their status (for moderators). */
    public List<PostRow> rowsByIds(java.util.Collection<UUID> ids, UUID reader) {
        return rows(new NativeSql().append(PostRow.COLUMNS).append(" WHERE p.id IN (:ids)").bind("ids", ids).bind("me",
                reader));
    }

    /** Adds a reaction; false when it was already there (PUT is idempotent). Counters follow by trigger. */
    public boolean addReaction(UUID postId, UUID accountId, ReactionKind kind, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO reactions (post_id, account_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""").setParameter(1, postId).setParameter(2, accountId)
                .setParameter(3, kind.name())
                .setParameter(4, now).executeUpdate() == 1;
    }

    public boolean removeReaction(UUID postId, UUID accountId, ReactionKind kind) {
        return getEntityManager()
                .createNativeQuery("DELETE FROM reactions WHERE post_id = ?1 AND account_id = ?2 AND kind = ?3")
                .setParameter(1, postId).setParameter(2, accountId).setParameter(3, kind.name()).executeUpdate() == 1;
    }

    public void saveRevision(PostRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<PostRevision> revisions(UUID postId) {
        return getEntityManager()
                .createQuery("from PostRevision r where r.postId = ?1 order by r.replacedAt desc, r.id desc",
                        PostRevision.class)
                .setParameter(1, postId).setMaxResults(100).getResultList();
    }
}
