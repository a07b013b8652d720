package org.kindred.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One commit per idempotent write: a request reserves its key inside its own write transaction. A retry that arrives
 * while the first request runs waits for it and is answered with its stored response (or 422 for another body),
 * instead of a 409, or runs itself if the first fails; a request that fails leaves no reservation behind, so its
 * retry runs anew.
 */
@QuarkusTest
class IdempotencyConcurrencyTest {

    private TestAccount owner;
    private TestAccount member;
    private UUID thread;
    private String path;

    @BeforeEach
    void thread() {
        owner = Api.register("idcowner");
        member = Api.register("idcmember");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        thread = Posts.post(owner, group, "a thread to reply to at once");
        path = "/api/v1/posts/" + thread + "/replies";
    }

    @AfterEach
    void dropHold() {
        Api.sql("DROP TRIGGER IF EXISTS hold_reply ON posts");
        Api.sql("DROP FUNCTION IF EXISTS hold_reply()");
        Api.sql("DROP SEQUENCE IF EXISTS hold_reply_attempts");
    }

    @Test
    void aRetryWhileTheFirstRequestRunsWaitsAndGetsTheSameReplyReplayed() throws Exception {
        String key = "concurrent-" + UUID.randomUUID();
        String text = "a reply sent twice at once " + key;
        holdReplyInItsTransaction(text);

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> reply(key, text));
        awaitHeldInsideItsTransaction();
        Response retry = reply(key, text);
        Response original = first.get();

        original.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(original.header("Location")))
                .header("Cache-Control", "no-store")
                .body("id", equalTo(original.path("id")));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "exactly one reply");
    }

    @Test
    void aRetryWithAnotherBodyWhileTheFirstRequestRunsIsRefusedOnceItCommits() throws Exception {
        String key = "concurrent-other-" + UUID.randomUUID();
        String text = "the first body " + key;
        holdReplyInItsTransaction(text);

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> reply(key, text));
        awaitHeldInsideItsTransaction();
        assertProblem(reply(key, "another body " + key).then(), 422, "idempotency-key-reused");
        first.get().then().statusCode(201);
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "only the first reply");
    }

    @Test
    void aRetryWhileTheFirstRequestRunsRunsItselfWhenTheFirstFails() throws Exception {
        String key = "concurrent-failed-" + UUID.randomUUID();
        String text = "a reply whose first attempt fails " + key;
        // The first attempt sleeps 2 s, then fails as a statement timeout would (57014: 503); later ones go through.
        Api.sql("CREATE SEQUENCE IF NOT EXISTS hold_reply_attempts");
        Api.sql("""
                CREATE FUNCTION hold_reply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('hold_reply_attempts') = 1 THEN
                        PERFORM pg_sleep(2);
                        RAISE EXCEPTION 'canceled' USING ERRCODE = '57014';
                    END IF;
                    RETURN NEW;
                END $$""");
        Api.sql("CREATE TRIGGER hold_reply BEFORE INSERT ON posts FOR EACH ROW WHEN (NEW.body = '" + text + "')"
                + " EXECUTE FUNCTION hold_reply()");

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> reply(key, text));
        awaitHeldInsideItsTransaction();
        Response retry = reply(key, text);

        assertProblem(first.get().then(), 503, "unavailable");
        retry.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "exactly one reply");
    }

    @Test
    void aRetryIsTold409OnlyWhenTheFirstRequestIsStillRunningAfterTheWait() throws Exception {
        String key = "long-" + UUID.randomUUID();
        String text = "a reply behind a long first request " + key;
        // A first request whose transaction reserved the key and goes on for longer than a retry waits.
        try (Connection running = Api.dataSource().getConnection()) {
            running.setAutoCommit(false);
            try (var reserve = running.prepareStatement("INSERT INTO idempotency_keys (account_id, idempotency_key,"
                    + " request_hash, state, reservation, created_at) VALUES (?, ?, ?, 'IN_PROGRESS', ?, now())")) {
                reserve.setObject(1, member.id());
                reserve.setString(2, key);
                reserve.setBytes(3, new byte[32]);
                reserve.setObject(4, UUID.randomUUID());
                reserve.executeUpdate();
            }
            assertProblem(reply(key, text).then(), 409, "idempotency-key-in-progress");
            running.rollback();
        }
        // The first request died without an answer: the retry runs.
        reply(key, text).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "exactly one reply");
    }

    @Test
    void aFailedRequestLeavesNoReservationAndItsRetryRunsAnew() {
        String key = "failed-" + UUID.randomUUID();
        String text = "a reply to a locked thread " + key;
        Api.as(owner).post("/api/v1/posts/" + thread + "/lock").then().statusCode(200);

        assertProblem(reply(key, text).then(), 409, "thread-locked");
        assertEquals(0, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key),
                "the reservation rolled back with the refused request");

        Api.as(owner).delete("/api/v1/posts/" + thread + "/lock").then().statusCode(200);
        reply(key, text).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE parent_id = ?", thread), "exactly one reply");
        assertEquals(1, Api.count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?"
                + " AND state = 'COMPLETED'", key), "the retry's response is stored");
    }

    private Response reply(String key, String text) {
        return Api.as(member).header("Idempotency-Key", key).body(Map.of("body", text)).post(path);
    }

    /** Inserting the reply with this text sleeps 2 s, inside the request's transaction (after its reservation). */
    private static void holdReplyInItsTransaction(String text) {
        Api.sql("""
                CREATE FUNCTION hold_reply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$""");
        Api.sql("CREATE TRIGGER hold_reply BEFORE INSERT ON posts FOR EACH ROW WHEN (NEW.body = '" + text + "')"
                + " EXECUTE FUNCTION hold_reply()");
    }

    /** Until the first request's backend sleeps in the trigger: its reservation is inserted, not committed. */
    private static void awaitHeldInsideItsTransaction() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Api.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                    + " AND datname = current_database()") > 0) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the first request never reached its transaction");
    }
}
