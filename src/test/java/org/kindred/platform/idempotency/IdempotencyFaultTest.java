package org.kindred.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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
 * from then on.
 */
@QuarkusTest
class IdempotencyFaultTest {

    private static final String KEY = "fault-" + UUID.randomUUID();

    @Inject
    IdempotencyStore store;

    @AfterEach
    void recover() {
        Api.sql("DROP TRIGGER IF EXISTS lose_connection_on_completion ON idempotency_keys");
        Api.sql("DROP TRIGGER IF EXISTS lose_connection_on_release ON idempotency_keys");
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

        recover();
        String id = Api.as(author).header("Idempotency-Key", KEY).body(Map.of("body", text)).post(path).then()
                .statusCode(201).extract().path("id");
        Api.as(author).header("Idempotency-Key", KEY).body(Map.of("body", text)).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE body = ?", text), "exactly one reply");
    }

    @Test
    void aReservationLeftByADeadRequestIsTakenOverAtOnceButNotWhileItsRequestRuns() throws Exception {
        TestAccount author = Api.register("idstrand");
        TestGroup group = Groups.create(author, "PUBLIC");
        UUID thread = Posts.post(author, group, "a thread for an outage");
        String key = "strand-" + UUID.randomUUID();
        String text = "a reply written through an outage " + key;
        String path = "/api/v1/posts/" + thread + "/replies";
        // An outage as the fault suite sees it: the write fails, and so does forgetting the reservation afterwards.
        loseConnectionWhenStoring(key);
        Api.sql("CREATE TRIGGER lose_connection_on_release BEFORE DELETE ON idempotency_keys FOR EACH ROW"
                + " WHEN (OLD.idempotency_key = '" + key + "') EXECUTE FUNCTION lose_connection_on_completion()");
        assertProblem(Api.as(author).header("Idempotency-Key", key).body(Map.of("body", text)).post(path).then(), 503,
                "unavailable");
        recover();
        assertEquals(1, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?"
                + " AND state = 'IN_PROGRESS'", key), "the dead request's reservation is still there");

        // While a request holds the reservation (its transaction locks the row), a retry is told to wait.
        try (Connection running = Api.dataSource().getConnection()) {
            running.setAutoCommit(false);
            try (var lock = running.prepareStatement(
                    "SELECT 1 FROM idempotency_keys WHERE idempotency_key = ? FOR UPDATE")) {
                lock.setString(1, key);
                lock.executeQuery().close();
            }
            assertProblem(Api.as(author).header("Idempotency-Key", key).body(Map.of("body", text)).post(path).then(),
                    409, "idempotency-key-in-progress");
            running.rollback();
        }
        // Once no request holds it, the retry runs at once (not after a timeout), and is replayed from then on.
        String id = Api.as(author).header("Idempotency-Key", key).body(Map.of("body", text)).post(path).then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        Api.as(author).header("Idempotency-Key", key).body(Map.of("body", text)).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE body = ?", text), "exactly one reply");
    }

    @Test
    void aRequestWhoseReservationARetryTookOverWritesNothing() {
        IdempotencyStore.Owner owner = IdempotencyStore.Owner.account(Api.register("idtake").id());
        String key = "takeover-" + UUID.randomUUID();
        byte[] hash = new byte[32];
        var first = (IdempotencyStore.Reserved) store.reserve(owner, key, hash);
        // The first request has not reached its transaction yet (nothing locks the row): a retry takes the key over.
        var retry = (IdempotencyStore.Reserved) store.reserve(owner, key, hash);
        assertNotEquals(first.token(), retry.token());
        assertFalse(store.claim(owner, key, first.token()), "the first request must not write");
        assertTrue(store.claim(owner, key, retry.token()), "the retry writes");
        store.release(owner, key, first.token());
        assertEquals(1, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key),
                "the first request's release leaves the retry's reservation alone");
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
