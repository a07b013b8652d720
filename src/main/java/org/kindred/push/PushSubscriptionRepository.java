package org.kindred.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kindred.platform.db.NativeSql;

/** The push_subscriptions table, and what a device is to be woken for. */
@ApplicationScoped
public class PushSubscriptionRepository {

    record Row(UUID id, UUID accountId, String endpoint, byte[] p256dh, byte[] auth, String deviceLabel,
            long pushedSeq, int failures, Instant createdAt, Instant lastSuccessAt) {
    }

    /** What is new for a device: the newest unread, not silent notification after its position, and how many. */
    record News(long maxSeq, UUID newestId, String newestKind, long unread) {
    }

    private static final String COLUMNS = """
            id, account_id, endpoint, p256dh, auth, device_label, pushed_seq, failures, created_at, last_success_at""";

    private final EntityManager em;

    public PushSubscriptionRepository(EntityManager em) {
        this.em = em;
    }

    List<Row> mine(UUID accountId) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS
                + " FROM push_subscriptions WHERE account_id = :me ORDER BY created_at DESC, id DESC")
                .setParameter("me", accountId).getResultList());
    }

    Optional<Row> find(UUID accountId, UUID id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS
                + " FROM push_subscriptions WHERE id = :id AND account_id = :me").setParameter("id", id)
                .setParameter("me", accountId).getResultList()).stream().findFirst();
    }

    Optional<Row> byEndpoint(String endpoint) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM push_subscriptions WHERE endpoint = :e")
                .setParameter("e", endpoint).getResultList()).stream().findFirst();
    }

    long count(UUID accountId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM push_subscriptions WHERE account_id = :me")
                .setParameter("me", accountId).getSingleResult()).longValue();
    }

    /** Serialises a member's subscribing (the limit is checked under this lock). */
    void lockAccount(UUID accountId) {
        em.createNativeQuery("SELECT id FROM accounts WHERE id = :me FOR UPDATE").setParameter("me", accountId)
                .getResultList();
    }

    /**
     * Stores a subscription, taking the endpoint over from whoever had it (one browser profile, one recipient), and
     * starts it at the member's newest notification so a new device is not woken for old news.
     */
    UUID upsert(UUID accountId, String endpoint, byte[] p256dh, byte[] auth, String label, Instant now) {
        return (UUID) em.createNativeQuery("""
                INSERT INTO push_subscriptions (id, account_id, endpoint, p256dh, auth, device_label, pushed_seq,
                                                next_attempt_at, created_at)
                VALUES (gen_random_uuid(), :me, :endpoint, :p256dh, :auth, :label,
                        (SELECT COALESCE(max(seq), 0) FROM notifications WHERE recipient_id = :me), :now, :now)
                ON CONFLICT (endpoint) DO UPDATE SET
                    account_id = EXCLUDED.account_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
                    device_label = EXCLUDED.device_label, failures = 0, next_attempt_at = EXCLUDED.next_attempt_at,
                    pushed_seq = CASE WHEN push_subscriptions.account_id = EXCLUDED.account_id
                                      THEN push_subscriptions.pushed_seq ELSE EXCLUDED.pushed_seq END,
                    created_at = CASE WHEN push_subscriptions.account_id = EXCLUDED.account_id
                                      THEN push_subscriptions.created_at ELSE EXCLUDED.created_at END,
                    last_success_at = CASE WHEN push_subscriptions.account_id = EXCLUDED.account_id
                                      THEN push_subscriptions.last_success_at END
                RETURNING id""").setParameter("me", accountId).setParameter("endpoint", endpoint)
                .setParameter("p256dh", p256dh).setParameter("auth", auth).setParameter("label", label)
                .setParameter("now", now).getSingleResult();
    }

    boolean delete(UUID accountId, UUID id) {
        return em.createNativeQuery("DELETE FROM push_subscriptions WHERE id = :id AND account_id = :me")
                .setParameter("id", id).setParameter("me", accountId).executeUpdate() == 1;
    }

    void deleteAll(UUID accountId) {
        em.createNativeQuery("DELETE FROM push_subscriptions WHERE account_id = :me").setParameter("me", accountId)
                .executeUpdate();
    }

    /**
     * Leases up to {@code limit} subscriptions whose member has an unread, not silent notification newer than the
     * device's position and that are due; other workers skip them until the lease ends.
     */
    List<Row> claim(Instant now, Instant leaseUntil, int limit) {
        return rows(em.createNativeQuery("""
                UPDATE push_subscriptions s SET lease_until = :lease
                FROM (SELECT c.id FROM push_subscriptions c
                      WHERE c.next_attempt_at <= :now AND (c.lease_until IS NULL OR c.lease_until < :now)
                        AND EXISTS (SELECT 1 FROM notifications n
                                    WHERE n.recipient_id = c.account_id AND n.seq > c.pushed_seq
                                      AND n.read_at IS NULL AND NOT n.silent)
                      ORDER BY c.next_attempt_at LIMIT :limit FOR UPDATE OF c SKIP LOCKED) due
                WHERE s.id = due.id
                RETURNING s.id, s.account_id, s.endpoint, s.p256dh, s.auth, s.device_label, s.pushed_seq, s.failures,
                          s.created_at, s.last_success_at""").setParameter("now", now).setParameter("lease", leaseUntil)
                .setParameter("limit", limit).getResultList());
    }

    Optional<News> news(UUID accountId, long afterSeq) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT max(seq), (array_agg(id ORDER BY seq DESC))[1], (array_agg(kind ORDER BY seq DESC))[1],
                       (SELECT count(*) FROM notifications u WHERE u.recipient_id = :me AND u.read_at IS NULL)
                FROM notifications WHERE recipient_id = :me AND seq > :after AND read_at IS NULL AND NOT silent""")
                .setParameter("me", accountId).setParameter("after", afterSeq).getSingleResult();
        if (r[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new News(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                ((Number) r[3]).longValue()));
    }

    void delivered(UUID id, long seq, int status, Instant now) {
        em.createNativeQuery("""
                UPDATE push_subscriptions SET pushed_seq = GREATEST(pushed_seq, :seq), lease_until = NULL, failures = 0,
                       last_status = :status, last_success_at = :now, next_attempt_at = :now WHERE id = :id""")
                .setParameter("seq", seq).setParameter("status", status).setParameter("now", now)
                .setParameter("id", id).executeUpdate();
    }

    void failed(UUID id, Integer status, Instant retryAt) {
        em.createNativeQuery("""
                UPDATE push_subscriptions SET lease_until = NULL, failures = failures + 1, last_status = :status,
                       next_attempt_at = :retry WHERE id = :id""").unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("status", status, Integer.class).setParameter("retry", retryAt).setParameter("id", id)
                .executeUpdate();
    }

    void drop(UUID id) {
        em.createNativeQuery("DELETE FROM push_subscriptions WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> raw) {
        return ((List<Object[]>) raw).stream().map(r -> new Row((UUID) r[0], (UUID) r[1], (String) r[2],
                (byte[]) r[3], (byte[]) r[4], (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).intValue(),
                NativeSql.instant(r[8]), NativeSql.instant(r[9]))).toList();
    }
}
