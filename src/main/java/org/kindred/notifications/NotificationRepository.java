package org.kindred.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

/**
 * The notifications table. Delivery is one set-based statement per event: it picks the recipients, leaves out the
 * actor, accounts that are not active and members who turned the kind off, marks what lands in quiet hours as silent,
 * merges into an unread notification with the same group key (reactions to one post become one notification with a
 * count), and wakes every replica's open streams with {@code pg_notify} — delivered by PostgreSQL only when the
 * transaction commits, so a stream never hears of a change that rolled back.
 */
@ApplicationScoped
public class NotificationRepository {

    /** The PostgreSQL channel every replica listens on; the payload is the recipient's account id. */
    public static final String CHANNEL = "kindred_notifications";

    private static final UUID NOBODY = new UUID(0, 0);

    /** A notification's stored form. */
    public record Row(UUID id, long seq, UUID recipientId, NotificationKind kind, UUID groupId, UUID threadId,
            UUID postId, UUID reportId, NotificationOutcome outcome, int count, boolean silent, Instant createdAt,
            Instant updatedAt, Instant readAt, UUID journalEntryId, Integer daysLeft) {
    }

    /** What to deliver: the kind and the ids it points at; {@code groupKey} merges unread ones (null: never). */
    public record Delivery(NotificationKind kind, UUID groupId, UUID threadId, UUID postId, UUID reportId,
            NotificationOutcome outcome, String groupKey, UUID journalEntryId, Integer daysLeft) {

        public Delivery(NotificationKind kind, UUID groupId, UUID threadId, UUID postId, UUID reportId,
                NotificationOutcome outcome, String groupKey) {
            this(kind, groupId, threadId, postId, reportId, outcome, groupKey, null, null);
        }

        /** A deadline reminder to the owner of a journal entry: which entry, how many days are left. */
        public static Delivery journalDeadline(UUID entryId, int daysLeft) {
            return new Delivery(NotificationKind.JOURNAL_DEADLINE, null, null, null, null, null, null, entryId,
                    daysLeft);
        }
    }

    /** Who receives a delivery: a query yielding a column {@code id}, with its named parameters. */
    public record Recipients(String sql, Map<String, Object> params) {

        public static Recipients account(UUID accountId) {
            return new Recipients("SELECT CAST(:recipient AS uuid) AS id", Map.of("recipient", accountId));
        }

        /** Active moderators and owners of a group. */
        public static Recipients moderatorsOf(UUID groupId) {
            return new Recipients("""
                    SELECT account_id AS id FROM memberships
                    WHERE group_id = :rgroup AND status = 'ACTIVE' AND role IN ('OWNER', 'MODERATOR')""",
                    Map.of("rgroup", groupId));
        }

        /** Platform administrators (they handle reports that belong to no group). */
        public static Recipients admins() {
            return new Recipients("SELECT id FROM accounts WHERE 'admin' = ANY (roles)", Map.of());
        }

        /** Active members of a group. */
        public static Recipients membersOf(UUID groupId) {
            return new Recipients(
                    "SELECT account_id AS id FROM memberships WHERE group_id = :rgroup AND status = 'ACTIVE'",
                    Map.of("rgroup", groupId));
        }

        /**
         * Who follows a thread: its author and everyone who replied in it (held or not: they wrote in it), and who
         * chose to follow it, less who muted it.
         */
        public static Recipients followersOf(UUID threadId) {
            return new Recipients("""
                    (SELECT author_id AS id FROM posts WHERE id = :rthread OR parent_id = :rthread
                     UNION SELECT account_id FROM thread_subscriptions WHERE thread_id = :rthread AND mode = 'FOLLOW')
                    EXCEPT SELECT account_id FROM thread_subscriptions WHERE thread_id = :rthread AND mode = 'MUTE'""",
                    Map.of("rthread", threadId));
        }
    }

    private final EntityManager em;

    public NotificationRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Delivers one notification to each recipient except {@code actor} (null: nobody is left out). Returns how many
     * members were notified.
     */
    public int deliver(Delivery d, Recipients recipients, UUID actor, Instant now) {
        String sql = """
                WITH recipients AS (%s),
                ins AS (
                    INSERT INTO notifications (id, recipient_id, kind, group_id, thread_id, post_id, report_id, outcome,
                                               group_key, silent, created_at, updated_at, journal_entry_id, days_left)
                    SELECT gen_random_uuid(), r.id, :kind, :group, :thread, :post, :report, :outcome, :groupKey,
                           COALESCE(CASE WHEN s.quiet_from IS NULL OR s.quiet_until IS NULL THEN false
                                         WHEN s.quiet_from <= s.quiet_until
                                         THEN lt.t >= s.quiet_from AND lt.t < s.quiet_until
                                         ELSE lt.t >= s.quiet_from OR lt.t < s.quiet_until END, false),
                           :now, :now, :journalEntry, :daysLeft
                    FROM (SELECT DISTINCT id FROM recipients) r
                    JOIN accounts a ON a.id = r.id AND a.status = 'ACTIVE'
                    LEFT JOIN notification_settings s ON s.account_id = r.id
                    LEFT JOIN LATERAL (SELECT CAST(CAST(:now AS timestamptz) AT TIME ZONE s.time_zone AS time) AS t) lt
                        ON true
                    WHERE r.id <> :actor AND NOT (CAST(:kind AS text) = ANY (COALESCE(s.disabled_kinds, '{}')))
                    ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL
                    DO UPDATE SET count = notifications.count + 1, updated_at = EXCLUDED.updated_at,
                                  seq = nextval('notifications_seq'), post_id = EXCLUDED.post_id,
                                  report_id = EXCLUDED.report_id, silent = EXCLUDED.silent
                    RETURNING recipient_id)
                SELECT count(*) FROM (SELECT pg_notify('%s', CAST(x.rid AS text))
                                      FROM (SELECT DISTINCT recipient_id AS rid FROM ins) x) n"""
                .formatted(recipients.sql(), CHANNEL);
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.setParameter("kind", d.kind().name());
        query.setParameter("group", d.groupId(), UUID.class);
        query.setParameter("thread", d.threadId(), UUID.class);
        query.setParameter("post", d.postId(), UUID.class);
        query.setParameter("report", d.reportId(), UUID.class);
        query.setParameter("outcome", d.outcome() == null ? null : d.outcome().name(), String.class);
        query.setParameter("groupKey", d.groupKey(), String.class);
        query.setParameter("journalEntry", d.journalEntryId(), UUID.class);
        query.setParameter("daysLeft", d.daysLeft(), Integer.class);
        query.setParameter("now", now, Instant.class);
        query.setParameter("actor", actor == null ? NOBODY : actor);
        recipients.params().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).intValue();
    }

    private static final String COLUMNS = """
            id, seq, recipient_id, kind, group_id, thread_id, post_id, report_id, outcome, count, silent, created_at,
            updated_at, read_at, journal_entry_id, days_left""";

    /**
     * A member's notifications, newest first, on one side of a stream position (null: from the newest; {@code AFTER}
     * in list order means older).
     */
    public List<Row> page(UUID recipient, Direction direction, Long beforeSeq, Collection<NotificationKind> kinds,
            boolean unreadOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications WHERE recipient_id = :me");
        if (beforeSeq != null) {
            sql.append(" AND seq ").append(direction.compare("<")).append(" :before");
        }
        if (!kinds.isEmpty()) {
            sql.append(" AND kind IN (:kinds)");
        }
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL");
        }
        sql.append(" ORDER BY ").append(direction.order("seq DESC")).append(" LIMIT :limit");
        var query = em.createNativeQuery(sql.toString()).setParameter("me", recipient).setParameter("limit", limit);
        if (beforeSeq != null) {
            query.setParameter("before", beforeSeq);
        }
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds.stream().map(Enum::name).toList());
        }
        return rows(query.getResultList());
    }

    /** A member's notifications after a stream position, oldest first (to resume a stream). */
    public List<Row> after(UUID recipient, long afterSeq, int limit) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS
                + " FROM notifications WHERE recipient_id = :me AND seq > :after ORDER BY seq LIMIT :limit")
                .setParameter("me", recipient).setParameter("after", afterSeq).setParameter("limit", limit)
                .getResultList());
    }

    /** The newest stream position of a member's inbox; 0 when empty. */
    public long latestSeq(UUID recipient) {
        return ((Number) em.createNativeQuery(
                "SELECT COALESCE(max(seq), 0) FROM notifications WHERE recipient_id = :me")
                .setParameter("me", recipient)
                .getSingleResult()).longValue();
    }

    public long unreadCount(UUID recipient) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM notifications WHERE recipient_id = :me AND read_at IS NULL")
                .setParameter("me", recipient).getSingleResult()).longValue();
    }

    public boolean markRead(UUID recipient, UUID id, Instant now) {
        return em.createNativeQuery("""
                UPDATE notifications SET read_at = COALESCE(read_at, :now) WHERE id = :id AND recipient_id = :me""")
                .setParameter("now", now).setParameter("id", id).setParameter("me", recipient).executeUpdate() == 1;
    }

    /** Marks read everything up to a stream position (null: everything), so what arrived meanwhile stays unread. */
    public int markAllRead(UUID recipient, Long upToSeq, Instant now) {
        var query = em.createNativeQuery("UPDATE notifications SET read_at = :now WHERE recipient_id = :me"
                + " AND read_at IS NULL" + (upToSeq == null ? "" : " AND seq <= :upTo"))
                .setParameter("now", now).setParameter("me", recipient);
        if (upToSeq != null) {
            query.setParameter("upTo", upToSeq);
        }
        return query.executeUpdate();
    }

    public boolean delete(UUID recipient, UUID id) {
        return em.createNativeQuery("DELETE FROM notifications WHERE id = :id AND recipient_id = :me")
                .setParameter("id", id).setParameter("me", recipient).executeUpdate() == 1;
    }

    public void deleteAll(UUID recipient, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("DELETE FROM notifications WHERE recipient_id = :me AND id IN (:ids)")
                    .setParameter("me", recipient).setParameter("ids", ids).executeUpdate();
        }
    }

    /** Forgets the notifications of the given kinds that point at a post members may no longer see. */
    public void deleteAbout(UUID postId, Collection<NotificationKind> kinds) {
        em.createNativeQuery("DELETE FROM notifications WHERE post_id = :post AND kind IN (:kinds)")
                .setParameter("post", postId).setParameter("kinds", kinds.stream().map(Enum::name).toList())
                .executeUpdate();
    }

    /** Forgets the notifications that point at a journal entry (deleted, or its reminders turned off). */
    public void deleteAboutJournalEntry(UUID recipient, UUID entryId) {
        em.createNativeQuery("DELETE FROM notifications WHERE recipient_id = :me AND journal_entry_id = :entry")
                .setParameter("me", recipient).setParameter("entry", entryId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> raw) {
        return ((List<Object[]>) raw).stream().map(r -> new Row((UUID) r[0], ((Number) r[1]).longValue(), (UUID) r[2],
                NotificationKind.valueOf((String) r[3]), (UUID) r[4], (UUID) r[5], (UUID) r[6], (UUID) r[7],
                r[8] == null ? null : NotificationOutcome.valueOf((String) r[8]), ((Number) r[9]).intValue(),
                (Boolean) r[10], NativeSql.instant(r[11]), NativeSql.instant(r[12]), NativeSql.instant(r[13]),
                (UUID) r[14],
                r[15] == null ? null : ((Number) r[15]).intValue()))
                .toList();
    }
}
