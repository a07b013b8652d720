package org.kindred.posts;

import static org.kindred.platform.db.NativeSql.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.groups.api.AccountRef;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.posts.api.AuthorReadResponse;
import org.kindred.posts.api.PostResponse;

/**
 * I1: moderators and admins see who wrote an anonymous post, and being shown it is itself recorded (the first time
 * each day per reader and post), for the group's owners to review. A record names the reader and the post, never the
 * author, and nothing about it is written to the application log. Every path that answers posts with their authors
 * (feed, thread, replies, timeline, search, the moderators' queue, pin and lock) passes what it answers through
 * {@link #recordShown}.
 */
@ApplicationScoped
public class AnonymousAuthorReads {

    private final EntityManager em;
    private final GroupAccess access;
    private final AccountDirectory accounts;
    private final KeysetPaging paging;
    private final Clock clock;

    public AnonymousAuthorReads(EntityManager em, GroupAccess access, AccountDirectory accounts, KeysetPaging paging,
            Clock clock) {
        this.em = em;
        this.access = access;
        this.accounts = accounts;
        this.paging = paging;
        this.clock = clock;
    }

    /** Records the anonymous posts among {@code shown} whose author the answer names to {@code reader}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordShown(UUID reader, Collection<PostResponse> shown) {
        List<PostResponse> revealed = shown.stream().filter(p -> p != null && p.anonymous() && p.author() != null
                && !p.author().id().equals(reader)).toList();
        if (revealed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO anonymous_author_reads (id, group_id, post_id, reader_id, read_on, read_at) VALUES ");
        for (int i = 0; i < revealed.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(gen_random_uuid(), :g").append(i).append(", :p").append(i)
                    .append(", :reader, :day, :now)");
        }
        sql.append(" ON CONFLICT ON CONSTRAINT anonymous_author_reads_once_a_day DO NOTHING");
        Query insert = em.createNativeQuery(sql.toString()).setParameter("reader", reader)
                .setParameter("day", LocalDate.ofInstant(now, ZoneOffset.UTC)).setParameter("now", now);
        for (int i = 0; i < revealed.size(); i++) {
            insert.setParameter("g" + i, revealed.get(i).groupId()).setParameter("p" + i, revealed.get(i).id());
        }
        insert.executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recordShown(UUID reader, PostResponse shown) {
        recordShown(reader, List.of(shown));
    }

    /** The group's record of author reads, newest first: for the group's owners and platform admins. */
    @Transactional
    public Page<AuthorReadResponse> page(String groupRef, PageParams page) {
        GroupContext context = access.requireOwner(groupRef);
        return paging.page("author-reads|" + context.groupId(), page, 2,
                (at, direction, limit) -> rows(context.groupId(), direction, TimeAndId.of(at), limit),
                r -> TimeAndId.key(r.readAt(), r.id()),
                this::responses);
    }

    private record Row(UUID id, UUID readerId, UUID postId, Instant readAt) {
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(UUID groupId, Direction direction, TimeAndId after, int limit) {
        Query query = em.createNativeQuery("SELECT id, reader_id, post_id, read_at FROM anonymous_author_reads "
                + "WHERE group_id = :group"
                + (after == null ? "" : " AND (read_at, id) " + direction.compare("<") + " (:at, :id)")
                + " ORDER BY " + direction.order("read_at DESC, id DESC") + " LIMIT :limit")
                .setParameter("group", groupId).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new Row((UUID) r[0], (UUID) r[1], (UUID) r[2], instant(r[3]))).toList();
    }

    private List<AuthorReadResponse> responses(List<Row> rows) {
        Map<UUID, AccountSummary> people = accounts.summaries(rows.stream().map(Row::readerId).distinct().toList());
        return rows.stream().map(r -> {
            AccountSummary reader = people.get(r.readerId());
            return new AuthorReadResponse(r.id(),
                    new AccountRef(r.readerId(), reader == null ? null : reader.handle(),
                            reader == null ? null : reader.displayName()),
                    r.postId(), r.readAt());
        }).toList();
    }
}
