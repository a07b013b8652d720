package org.kindred.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

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
 * from then on.
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
        Api.sql("""
                CREATE FUNCTION lose_connection_on_completion() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$""");
        Api.sql("CREATE TRIGGER lose_connection_on_completion BEFORE UPDATE ON idempotency_keys FOR EACH ROW"
                + " WHEN (NEW.idempotency_key = '" + KEY + "' AND NEW.state = 'COMPLETED')"
                + " EXECUTE FUNCTION lose_connection_on_completion()");

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
}
