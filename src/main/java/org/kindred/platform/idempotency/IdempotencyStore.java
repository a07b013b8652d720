package org.kindred.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency records in PostgreSQL, so a retry that lands on another replica is still recognised. A key is
 * reserved atomically (INSERT ... ON CONFLICT DO NOTHING); the first successful response is stored and replayed
 * for 24 hours. A reservation whose request died without an answer is taken over after a minute. Keys belong to the
 * caller: an account, or a partner organisation for requests made with a partner API key.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    public sealed interface Outcome permits Reserved, Replay, Mismatch, InProgress {
    }

    public record Reserved() implements Outcome {
    }

    public record Replay(int status, byte[] body, String contentType, String location, String etag) implements Outcome {
    }

    public record Mismatch() implements Outcome {
    }

    public record InProgress() implements Outcome {
    }

    /** Whose key it is: an account or a partner organisation. {@code column} is one of two fixed column names. */
    public record Owner(String column, UUID id) {
        public Owner {
            if (!"account_id".equals(column) && !"partner_id".equals(column)) {
                throw new IllegalArgumentException("Unknown idempotency key owner column");
            }
        }

        public static Owner account(UUID accountId) {
            return new Owner("account_id", accountId);
        }

        public static Owner partner(UUID partnerId) {
            return new Owner("partner_id", partnerId);
        }
    }

    private final AgroalDataSource dataSource;

    public IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Outcome reserve(Owner owner, String key, byte[] requestHash) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = reserve(c, owner, key, requestHash);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    private Outcome reserve(Connection c, Owner owner, String key, byte[] requestHash) throws SQLException {
        if (insert(c, owner, key, requestHash)) {
            return new Reserved();
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT request_hash, state, response_status, response_body, response_type, response_location,
                       response_etag, created_at
                FROM idempotency_keys WHERE %s = ? AND idempotency_key = ? FOR UPDATE""".formatted(owner.column()))) {
            select.setObject(1, owner.id());
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    // Deleted between our insert and select: try once more.
                    return insert(c, owner, key, requestHash) ? new Reserved() : new InProgress();
                }
                Instant created = rs.getTimestamp("created_at").toInstant();
                Instant now = Instant.now();
                boolean expired = created.isBefore(now.minus(RETENTION));
                boolean abandoned = "IN_PROGRESS".equals(rs.getString("state"))
                        && created.isBefore(now.minus(ABANDONED_AFTER));
                if (expired || abandoned) {
                    restart(c, owner, key, requestHash);
                    return new Reserved();
                }
                if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                    return new Mismatch();
                }
                if ("IN_PROGRESS".equals(rs.getString("state"))) {
                    return new InProgress();
                }
                return new Replay(rs.getInt("response_status"), rs.getBytes("response_body"),
                        rs.getString("response_type"),
                        rs.getString("response_location"), rs.getString("response_etag"));
            }
        }
    }

    private static boolean insert(Connection c, Owner owner, String key, byte[] requestHash) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO idempotency_keys (%s, idempotency_key, request_hash, state, created_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', now())
                ON CONFLICT DO NOTHING""".formatted(owner.column()))) {
            insert.setObject(1, owner.id());
            insert.setString(2, key);
            insert.setBytes(3, requestHash);
            return insert.executeUpdate() == 1;
        }
    }

    private static void restart(Connection c, Owner owner, String key, byte[] requestHash) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE idempotency_keys SET request_hash = ?, state = 'IN_PROGRESS', response_status = NULL,
                       response_body = NULL, response_type = NULL, response_location = NULL, response_etag = NULL,
                       created_at = now()
                WHERE %s = ? AND idempotency_key = ?""".formatted(owner.column()))) {
            update.setBytes(1, requestHash);
            update.setObject(2, owner.id());
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    public void complete(Owner owner, String key, int status, byte[] body, String contentType, String location,
            String etag) {
        execute("""
                UPDATE idempotency_keys SET state = 'COMPLETED', response_status = ?, response_body = ?, response_type = ?,
                       response_location = ?, response_etag = ?
                WHERE %s = ? AND idempotency_key = ?"""
                .formatted(owner.column()),
                ps -> {
                    ps.setInt(1, status);
                    ps.setBytes(2, body);
                    ps.setString(3, contentType);
                    ps.setString(4, location);
                    ps.setString(5, etag);
                    ps.setObject(6, owner.id());
                    ps.setString(7, key);
                });
    }

    /** Forgets a reservation whose request failed, so the client may retry with the same key. */
    public void release(Owner owner, String key) {
        execute("DELETE FROM idempotency_keys WHERE %s = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'"
                .formatted(owner.column()),
                ps -> {
                    ps.setObject(1, owner.id());
                    ps.setString(2, key);
                });
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        execute("DELETE FROM idempotency_keys WHERE created_at < ?",
                ps -> ps.setTimestamp(1, Timestamp.from(Instant.now().minus(RETENTION))));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }
}
