package org.kindred.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency records in PostgreSQL, so a retry that lands on another replica is still recognised. A request reserves
 * its key inside its own write transaction (INSERT ... ON CONFLICT DO NOTHING, {@link #reserve}) and stores its
 * response there too, so one commit makes the write, the reservation and the response to replay (24 hours) durable
 * together. A concurrent retry's INSERT waits for that transaction (PostgreSQL makes a second insert of the same key
 * wait), then replays what it committed, or runs itself if it rolled back. Keys belong to the caller: an account, or a
 * partner organisation for requests made with a partner API key.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** Lock not available: the retry's insert waited the whole bound for the first request's transaction. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

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

    /** What a key's record says before a request runs: answer with it, or let the request (or a takeover) go on. */
    private enum Found {
        NOTHING, ANSWER, OPEN
    }

    private record Lookup(Found found, Outcome answer) {
    }

    private final AgroalDataSource dataSource;
    private final long retryWaitMillis;

    public IdempotencyStore(AgroalDataSource dataSource,
            @ConfigProperty(name = "kindred.idempotency.retry-wait", defaultValue = "3S") Duration retryWait) {
        this.dataSource = dataSource;
        this.retryWaitMillis = Math.max(1, retryWait.toMillis());
    }

    /**
     * A plain read (autocommit, no lock, no write) before the request runs: the stored response to replay, or a
     * mismatch when the key was used for another request; empty when the request should go on to {@link #reserve}.
     */
    public Optional<Outcome> answerFor(Owner owner, String key, byte[] requestHash) {
        try (Connection c = dataSource.getConnection()) {
            Lookup lookup = look(c, owner, key, requestHash);
            return lookup.found() == Found.ANSWER ? Optional.of(lookup.answer()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    /**
     * Inside the endpoint's write transaction: reserves the key until the transaction ends. If another request's
     * transaction holds the same key, waits (at most the configured bound) for it to end: if it committed, its stored
     * response is the answer (or a mismatch); if it rolled back, this request reserves the key. A reservation
     * committed without a response (by an earlier version, or stored after the commit) is taken over unless a
     * running transaction locks it; so is an expired record.
     */
    public Outcome reserve(Owner owner, String key, byte[] requestHash) {
        UUID token = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            if (insertWaiting(c, owner, key, requestHash, token)) {
                return new Reserved(token);
            }
            Lookup lookup = look(c, owner, key, requestHash);
            if (lookup.found() == Found.ANSWER) {
                return lookup.answer();
            }
            if (lookup.found() == Found.NOTHING) {
                // Purged or released between our insert and select: try once more.
                return insertWaiting(c, owner, key, requestHash, token) ? new Reserved(token) : new InProgress();
            }
            // Reserved but unanswered (or expired): still running if a transaction holds the row locked, gone if not.
            if (!lockWithoutWaiting(c, owner, key)) {
                return new InProgress();
            }
            restart(c, owner, key, requestHash, token);
            return new Reserved(token);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return new InProgress();
            }
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    private static Lookup look(Connection c, Owner owner, String key, byte[] requestHash) throws SQLException {
        // A plain read: it does not wait for a request that holds the row locked while it runs.
        try (PreparedStatement select = c.prepareStatement("""
                SELECT request_hash, state, response_status, response_body, response_type, response_location,
                       response_etag, created_at
                FROM idempotency_keys WHERE %s = ? AND idempotency_key = ?""".formatted(owner.column()))) {
            select.setObject(1, owner.id());
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return new Lookup(Found.NOTHING, null);
                }
                boolean expired = rs.getTimestamp("created_at").toInstant().isBefore(Instant.now().minus(RETENTION));
                if (!expired && !Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                    return new Lookup(Found.ANSWER, new Mismatch());
                }
                if (!expired && "COMPLETED".equals(rs.getString("state"))) {
                    return new Lookup(Found.ANSWER, new Replay(rs.getInt("response_status"),
                            rs.getBytes("response_body"), rs.getString("response_type"),
                            rs.getString("response_location"), rs.getString("response_etag")));
                }
                return new Lookup(Found.OPEN, null);
            }
        }
    }

    /**
     * The insert waits while another transaction holds the same key; lock_timeout bounds the wait (below the
     * statement timeout, so the answer is a 409 rather than a 503), for this statement only.
     */
    private boolean insertWaiting(Connection c, Owner owner, String key, byte[] requestHash, UUID token)
            throws SQLException {
        try (Statement set = c.createStatement()) {
            set.execute("SET LOCAL lock_timeout = " + retryWaitMillis);
        }
        boolean inserted = insert(c, owner, key, requestHash, token);
        try (Statement reset = c.createStatement()) {
            reset.execute("SET LOCAL lock_timeout TO DEFAULT");
        }
        return inserted;
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

    /** Forgets a reservation whose request was refused, so the client may retry with the same key (not a retry's own). */
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
