package org.kindred.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing half-written, nothing lost: a write and the response stored for its Idempotency-Key commit together. When
 * the database fails at the very end (a connection lost while the response is stored), the write is gone too, the
 * client hears 503, and its retry with the same key after recovery creates the reply exactly once and is replayed
 * from then on. A reservation committed without a response (by the previous version, during a rolling deploy) or
 * expired is taken over, unless a running request holds it.
 */
@QuarkusTest
class IdempotencyFaultTest {

    private static final String KEY = "fault-" + UUID.randomUUID();

    @AfterEach
    void recover() {
        Api.sql("DROP TRIGGER IF EXISTS lose_connection_on_completion ON idempotency_keys");
        Api.sql("DROP FUNCTION IF EXISTS lose_connection_on_completion()");
    }

    @Test
    void aFaultWhileStoringTheResponseLeavesNoReplyAndTheRetryCreatesItOnce() {
        TestAccount author = Api.register("idfault");
        TestGroup group = Groups.create(author, "PUBLIC");
        UUID thread = Posts.post(author, group, "a thread for a fault");
        String text = "a reply written through a fault " + KEY;
        String path = "/api/v1/posts/" + thread + "/replies";
        // The connection "fails" (SQLSTATE 08006) exactly when this key's response is stored.
        loseConnectionWhenStoring(KEY);

        assertProblem(Api.as(author).header("Idempotency-Key", KEY).body(Map.of("body", text)).post(path).then(), 503,
                "unavailable");
        assertEquals(0, Api.count("SELECT count(*) FROM posts WHERE body = ?", text), "no half-written reply");
        assertEquals(0, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", KEY),
                "the reservation rolled back with the write: nothing stranded");

        recover();
        String id = Api.as(author).header("Idempotency-Key", KEY).body(Map.of("body", text)).post(path).then()
                .statusCode(201).extract().path("id");
        Api.as(author).header("Idempotency-Key", KEY).body(Map.of("body", text)).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE body = ?", text), "exactly one reply");
    }

    @Test
    void aReservationCommittedWithoutAResponseIsTakenOverAtOnceButNotWhileItsRequestRuns() throws Exception {
        TestAccount author = Api.register("idstrand");
        TestGroup group = Groups.create(author, "PUBLIC");
        UUID thread = Posts.post(author, group, "a thread for an outage");
        String key = "strand-" + UUID.randomUUID();
        String body = "{\"body\":\"a reply written after a rolling deploy " + key + "\"}";
        String path = "/api/v1/posts/" + thread + "/replies";
        // The previous version committed its reservation before its request ran; this one was never answered.
        Api.sql("INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, state, reservation, created_at)"
                + " VALUES (?, ?, ?, 'IN_PROGRESS', ?, now())", author.id(), key,
                IdempotencyFilter.fingerprint("POST", path, body.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID());

        // While a request holds the reservation (its transaction locks the row), a retry is told to wait.
        try (Connection running = Api.dataSource().getConnection()) {
            running.setAutoCommit(false);
            try (var lock = running.prepareStatement(
                    "SELECT 1 FROM idempotency_keys WHERE idempotency_key = ? FOR UPDATE")) {
                lock.setString(1, key);
                lock.executeQuery().close();
            }
            assertProblem(Api.as(author).header("Idempotency-Key", key).body(body).post(path).then(), 409,
                    "idempotency-key-in-progress");
            running.rollback();
        }
        // Once no request holds it, the retry runs at once (not after a timeout), and is replayed from then on.
        String id = Api.as(author).header("Idempotency-Key", key).body(body).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        Api.as(author).header("Idempotency-Key", key).body(body).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "exactly one reply");
    }

    @Test
    void anExpiredRecordIsTakenOver() {
        TestAccount author = Api.register("idexpired");
        TestGroup group = Groups.create(author, "PUBLIC");
        UUID thread = Posts.post(author, group, "a thread for an old key");
        String key = "expired-" + UUID.randomUUID();
        String path = "/api/v1/posts/" + thread + "/replies";
        // Answered 25 hours ago for another request, and not purged yet.
        Api.sql("INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, state, reservation,"
                + " response_status, response_type, created_at)"
                + " VALUES (?, ?, ?, 'COMPLETED', ?, 201, 'application/json', now() - interval '25 hours')",
                author.id(), key, new byte[32], UUID.randomUUID());

        String id = Api.as(author).header("Idempotency-Key", key).body(Map.of("body", "a new reply " + key)).post(path)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        Api.as(author).header("Idempotency-Key", key).body(Map.of("body", "a new reply " + key)).post(path).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?"
                + " AND created_at > now() - interval '1 hour'", key), "the record now belongs to the new request");
    }

    /** The connection "fails" (SQLSTATE 08006) exactly when {@code key}'s response is stored. */
    private static void loseConnectionWhenStoring(String key) {
        Api.sql("""
                CREATE FUNCTION lose_connection_on_completion() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$""");
        Api.sql("CREATE TRIGGER lose_connection_on_completion BEFORE UPDATE ON idempotency_keys FOR EACH ROW"
                + " WHEN (NEW.idempotency_key = '" + key + "' AND NEW.state = 'COMPLETED')"
                + " EXECUTE FUNCTION lose_connection_on_completion()");
    }
}
