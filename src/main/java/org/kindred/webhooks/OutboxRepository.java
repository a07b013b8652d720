package org.kindred.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

/**
 * The outbox: one row per message to one endpoint. Rows are written in the transaction of the change that causes
 * them; workers claim due rows with {@code FOR UPDATE SKIP LOCKED} (so replicas never take the same row), push
 * {@code next_attempt_at} forward by a lease while they send, and record the answer only if they still hold the claim.
 */
@ApplicationScoped
public class OutboxRepository {

    public enum Status {
        PENDING, DELIVERED, DEAD
    }

    /** A claimed message with what sending it needs (secrets still sealed). */
    record Claim(UUID id, UUID endpointId, String eventType, String payload, int attempts, Instant giveUpAt,
            String url, byte[] secret, byte[] previousSecret, Instant previousSecretUntil) {
    }

    /** A delivery-log row: everything but the payload. */
    record LogRow(UUID id, String eventType, Status status, int attempts, Integer lastStatusCode, String lastError,
            Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final EntityManager em;

    public OutboxRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * One message per endpoint subscribed to the event type, in one statement (each with its own id). Operator-only
     * events reach operator endpoints only. Returns how many were queued.
     */
    int enqueue(WebhookEventType type, String payload, Instant now, Instant giveUpAt) {
        return em.createNativeQuery("""
                INSERT INTO outbox (id, endpoint_id, event_type, payload, status, attempts, next_attempt_at,
                    give_up_at, created_at, updated_at)
                SELECT gen_random_uuid(), e.id, :type, CAST(:payload AS jsonb), 'PENDING', 0, :now, :giveUp, :now, :now
                FROM webhook_endpoints e
                WHERE e.event_types @> ARRAY[CAST(:type AS text)] AND (e.partner_id IS NULL OR NOT :operatorOnly)""")
                .setParameter("type", type.wireName()).setParameter("payload", payload).setParameter("now", now)
                .setParameter("giveUp", giveUpAt).setParameter("operatorOnly", type.operatorOnly()).executeUpdate();
    }

    /** Claims up to {@code limit} due messages until {@code leaseUntil}; each claim counts as an attempt. */
    @SuppressWarnings("unchecked")
    List<Claim> claim(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
                    ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = :lease, last_attempt_at = :now,
                    updated_at = :now
                FROM due, webhook_endpoints e
                WHERE o.id = due.id AND e.id = o.endpoint_id
                RETURNING o.id, o.endpoint_id, o.event_type, CAST(o.payload AS text), o.attempts, o.give_up_at, e.url,
                    e.secret, e.previous_secret, e.previous_secret_until""").setParameter("now", now)
                .setParameter("lease", leaseUntil).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), NativeSql.instant(r[5]), (String) r[6], (byte[]) r[7], (byte[]) r[8],
                NativeSql.instant(r[9]))).toList();
    }

    /** Records an attempt's answer, if the claim still holds (no other worker took the row since). */
    boolean record(Claim claim, Status status, Integer statusCode, String error, Instant nextAttemptAt, Instant now) {
        return em.createNativeQuery("""
                UPDATE outbox SET status = :status, last_status_code = :code, last_error = :error,
                    next_attempt_at = :next, delivered_at = :delivered,
                    updated_at = :now
                WHERE id = :id AND attempts = :attempts AND status = 'PENDING'""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("status", status.name())
                .setParameter("code", statusCode, Integer.class).setParameter("error", error, String.class)
                .setParameter("next", nextAttemptAt).setParameter("now", now)
                .setParameter("delivered", status == Status.DELIVERED ? now : null, Instant.class)
                .setParameter("id", claim.id())
                .setParameter("attempts", claim.attempts()).executeUpdate() == 1;
    }

    /** An endpoint's messages, newest first, on one side of a position; optionally of one status. */
    List<LogRow> log(UUID endpointId, Status status, Direction direction, Instant beforeAt, UUID beforeId, int limit) {
        NativeSql sql = new NativeSql().append("""
                SELECT id, event_type, status, attempts, last_status_code, last_error, created_at, last_attempt_at,
                    next_attempt_at, delivered_at
                FROM outbox WHERE endpoint_id = :endpoint""").bind("endpoint", endpointId);
        if (status != null) {
            sql.append(" AND status = :status").bind("status", status.name());
        }
        if (beforeAt != null) {
            sql.append(" AND (created_at, id) " + direction.compare("<") + " (:beforeAt, :beforeId)")
                    .bind("beforeAt", beforeAt).bind("beforeId", beforeId);
        }
        sql.append(" ORDER BY " + direction.order("created_at DESC, id DESC") + " LIMIT :limit").bind("limit", limit);
        return sql.toQuery(em).getResultList().stream().map(o -> {
            Object[] r = (Object[]) o;
            return new LogRow((UUID) r[0], (String) r[1], Status.valueOf((String) r[2]), ((Number) r[3]).intValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], NativeSql.instant(r[6]),
                    NativeSql.instant(r[7]), NativeSql.instant(r[8]), NativeSql.instant(r[9]));
        }).toList();
    }

    Optional<Status> statusOf(UUID endpointId, UUID messageId) {
        List<?> rows = em.createNativeQuery("SELECT status FROM outbox WHERE id = :id AND endpoint_id = :endpoint")
                .setParameter("id", messageId).setParameter("endpoint", endpointId).getResultList();
        return rows.stream().findFirst().map(s -> Status.valueOf((String) s));
    }

    /** Queues a message again, due now, with a fresh retry window; its id (webhook-id) stays the same. */
    void requeue(UUID messageId, Instant now, Instant giveUpAt) {
        em.createNativeQuery("""
                UPDATE outbox SET status = 'PENDING', next_attempt_at = :now, give_up_at = :giveUp, delivered_at = NULL,
                    updated_at = :now
                WHERE id = :id""").setParameter("id", messageId).setParameter("now", now)
                .setParameter("giveUp", giveUpAt).executeUpdate();
    }
}
