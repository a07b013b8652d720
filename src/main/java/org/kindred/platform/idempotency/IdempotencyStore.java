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
 * for 24 hours. The request that holds a reservation locks its row for as long as its write transaction runs
 * ({@link #claim}); a retry that finds a reservation unlocked knows its request is gone (a lost connection, a crash) and
 * takes it over at once with a new token, so nothing is stranded after an outage. Keys belong to the caller: an
 * account, or a partner organisation for requests made with a partner API key.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);

    public sealed interface Outcome permits Reserved, Replay, Mismatch, InProgress {
    }

    /** This request holds the key; {@code token} tells its reservation from a later retry's. */
    public record Reserved(UUID token) implements Outcome {
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
        UUID token = UUID.randomUUID();
        if (insert(c, owner, key, requestHash, token)) {
            return new Reserved(token);
        }
        // A plain read: it does not wait for a request that holds the row locked while it runs.
        try (PreparedStatement select = c.prepareStatement("""
                SELECT request_hash, state, response_status, response_body, response_type, response_location,
                       response_etag, created_at
                FROM idempotency_keys WHERE %s = ? AND idempotency_key = ?""".formatted(owner.column()))) {
            select.setObject(1, owner.id());
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    // Deleted between our insert and select: try once more.
                    return insert(c, owner, key, requestHash, token) ? new Reserved(token) : new InProgress();
                }
                boolean expired = rs.getTimestamp("created_at").toInstant().isBefore(Instant.now().minus(RETENTION));
                if (!expired && !Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                    return new Mismatch();
                }
                if (!expired && "COMPLETED".equals(rs.getString("state"))) {
                    return new Replay(rs.getInt("response_status"), rs.getBytes("response_body"),
                            rs.getString("response_type"),
                            rs.getString("response_location"), rs.getString("response_etag"));
                }
            }
        }
        // Reserved but unanswered (or expired): still running if its request holds the row locked, gone if not.
        if (!lockWithoutWaiting(c, owner, key)) {
            return new InProgress();
        }
        restart(c, owner, key, requestHash, token);
        return new Reserved(token);
    }

    private static boolean lockWithoutWaiting(Connection c, Owner owner, String key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("""
                SELECT 1 FROM idempotency_keys WHERE %s = ? AND idempotency_key = ?
                FOR UPDATE SKIP LOCKED""".formatted(owner.column()))) {
            lock.setObject(1, owner.id());
            lock.setString(2, key);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean insert(Connection c, Owner owner, String key, byte[] requestHash, UUID token)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO idempotency_keys (%s, idempotency_key, request_hash, state, reservation, created_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', ?, now())
                ON CONFLICT DO NOTHING""".formatted(owner.column()))) {
            insert.setObject(1, owner.id());
            insert.setString(2, key);
            insert.setBytes(3, requestHash);
            insert.setObject(4, token);
            return insert.executeUpdate() == 1;
        }
    }

    private static void restart(Connection c, Owner owner, String key, byte[] requestHash, UUID token)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE idempotency_keys SET request_hash = ?, state = 'IN_PROGRESS', reservation = ?,
                       response_status = NULL, response_body = NULL, response_type = NULL, response_location = NULL,
                       response_etag = NULL, created_at = now()
                WHERE %s = ? AND idempotency_key = ?""".formatted(owner.column()))) {
            update.setBytes(1, requestHash);
            update.setObject(2, token);
            update.setObject(3, owner.id());
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    /**
     * Inside the endpoint's write transaction: locks this request's reservation until the transaction ends, so a retry
     * meanwhile gets 409, and a retry after the transaction died without storing a response takes the key over. False
     * when a retry already took it over (this request must write nothing). Waits for a retry's takeover in flight.
     */
    public boolean claim(Owner owner, String key, UUID token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement("""
                SELECT 1 FROM idempotency_keys
                WHERE %s = ? AND idempotency_key = ? AND reservation = ? AND state = 'IN_PROGRESS'
                FOR UPDATE""".formatted(owner.column()))) {
            lock.setObject(1, owner.id());
            lock.setString(2, key);
            lock.setObject(3, token);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    public void complete(Owner owner, String key, UUID token, int status, byte[] body, String contentType,
            String location, String etag) {
        execute("""
                UPDATE idempotency_keys SET state = 'COMPLETED', response_status = ?, response_body = ?, response_type = ?,
                       response_location = ?, response_etag = ?
                WHERE %s = ? AND idempotency_key = ? AND reservation = ?"""
                .formatted(owner.column()),
                ps -> {
                    ps.setInt(1, status);
                    ps.setBytes(2, body);
                    ps.setString(3, contentType);
                    ps.setString(4, location);
                    ps.setString(5, etag);
                    ps.setObject(6, owner.id());
                    ps.setString(7, key);
                    ps.setObject(8, token);
                });
    }

    /** Forgets a reservation whose request failed, so the client may retry with the same key (not a retry's own). */
    public void release(Owner owner, String key, UUID token) {
        execute("""
                DELETE FROM idempotency_keys
                WHERE %s = ? AND idempotency_key = ? AND reservation = ? AND state = 'IN_PROGRESS'"""
                .formatted(owner.column()),
                ps -> {
                    ps.setObject(1, owner.id());
                    ps.setString(2, key);
                    ps.setObject(3, token);
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
