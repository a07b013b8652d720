package org.kindred.posts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostsTest {

    TestAccount owner;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void group() {
        owner = Api.register("powner");
        member = Api.register("pmember");
        group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
    }

    private String feed() {
        return "/api/v1/groups/" + group.id() + "/posts";
    }

    @Test
    void startingAThreadShowsItInTheFeed() {
        Map<String, Object> body = Posts.body("It started in March.");
        body.put("contentWarnings", List.of("RACISM"));
        body.put("supportWanted", "ADVICE");
        String id = Api.as(member).body(body).post(feed()).then().statusCode(201)
                .header("Location", containsString("/api/v1/posts/"))
                .header("ETag", notNullValue())
                .body("author.handle", equalTo(member.handle()))
                .body("mine", equalTo(true))
                .body("status", equalTo("PUBLISHED"))
                .body("language", equalTo("en"))
                .body("contentWarnings", equalTo(List.of("RACISM")))
                .body("reactions",
                        equalTo(Map.of("I_BELIEVE_YOU", 0, "ME_TOO", 0, "NOT_ALONE", 0, "SENDING_STRENGTH", 0,
                                "THANK_YOU", 0)))
                .body("myReactions", equalTo(List.of()))
                .body("replyCount", equalTo(0))
                .body("canReply", equalTo(true))
                .extract().path("id");
        Api.as(owner).get(feed()).then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].mine", equalTo(false)).body("items[0].body", equalTo("It started in March."));
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(1));
    }

    @Test
    void repliesReactionsAndActivity() {
        UUID thread = Posts.post(member, group, "Has anyone dealt with this?");
        UUID first = Posts.reply(owner, thread, "I believe you.");
        Api.as(member).body(Map.of("body", "Thank you", "replyTo", first.toString()))
                .post("/api/v1/posts/" + thread + "/replies")
                .then().statusCode(201).body("parentId", equalTo(thread.toString()))
                .body("replyTo", equalTo(first.toString()));
        Api.as(owner).get("/api/v1/posts/" + thread + "/replies").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].id", equalTo(first.toString()));
        Api.as(owner).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200)
                .body("reactions.I_BELIEVE_YOU", equalTo(1)).body("myReactions", equalTo(List.of("I_BELIEVE_YOU")));
        Api.as(owner).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200)
                .body("reactions.I_BELIEVE_YOU", equalTo(1));
        Api.as(member).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then()
                .body("reactions.I_BELIEVE_YOU", equalTo(2));
        Api.as(owner).delete("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200)
                .body("reactions.I_BELIEVE_YOU", equalTo(1)).body("myReactions", equalTo(List.of()));
        Api.as(owner).delete("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200)
                .body("reactions.I_BELIEVE_YOU", equalTo(1));
        Api.as(owner).get("/api/v1/posts/" + thread).then().body("replyCount", equalTo(2))
                .body("myReactions", equalTo(List.of())).body("reactions.I_BELIEVE_YOU", equalTo(1));
        Api.as(member).get("/api/v1/posts/" + thread).then().body("myReactions", equalTo(List.of("I_BELIEVE_YOU")));
        assertProblem(Api.as(owner).put("/api/v1/posts/" + thread + "/reactions/DISLIKE").then(), 400, "validation")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void repliesAreOneLevelDeepAndReplyToMustBeInTheThread() {
        UUID thread = Posts.post(member, group, "Thread");
        UUID reply = Posts.reply(owner, thread, "Reply");
        assertProblem(Api.as(member).body(Map.of("body", "deeper")).post("/api/v1/posts/" + reply + "/replies").then(),
                400,
                "reply-too-deep");
        UUID other = Posts.post(member, group, "Another thread");
        UUID otherReply = Posts.reply(owner, other, "Elsewhere");
        assertFieldError(Api.as(member).body(Map.of("body", "x", "replyTo", otherReply.toString()))
                .post("/api/v1/posts/" + thread + "/replies").then(), "replyTo");
        assertFieldError(Api.as(member).body(Map.of("body", "x", "replyTo", "not-a-uuid"))
                .post("/api/v1/posts/" + thread + "/replies").then(), "replyTo");
        assertProblem(Api.as(member).get("/api/v1/posts/" + reply + "/replies").then(), 400, "reply-too-deep");
    }

    @Test
    void replyPoliciesAndLocksAreEnforcedOnTheServer() {
        TestAccount professional = Api.register("ppro");
        Api.as(Api.admin()).body(Map.of("roles", List.of("professional")))
                .patch("/api/v1/admin/accounts/" + professional.id())
                .then().statusCode(200);
        Groups.join(professional, group);
        TestAccount third = Api.register("pthird");
        Groups.join(third, group);

        Map<String, Object> facilitators = Posts.body("Only facilitators please");
        facilitators.put("replyPolicy", "FACILITATORS_ONLY");
        UUID thread = Posts.post(member, group, facilitators);
        Api.as(third).get("/api/v1/posts/" + thread).then().body("canReply", equalTo(false));
        assertProblem(Api.as(third).body(Map.of("body", "me")).post("/api/v1/posts/" + thread + "/replies").then(), 403,
                "facilitators-only");
        Posts.reply(professional, thread, "As a counsellor: ...");
        Posts.reply(owner, thread, "Moderator here");
        Posts.reply(member, thread, "Thanks both");

        Map<String, Object> closed = Posts.body("Just sharing");
        closed.put("replyPolicy", "CLOSED");
        UUID closedThread = Posts.post(member, group, closed);
        assertProblem(Api.as(third).body(Map.of("body", "x")).post("/api/v1/posts/" + closedThread + "/replies").then(),
                403,
                "replies-closed");

        UUID open = Posts.post(member, group, "Open thread");
        Api.as(owner).post("/api/v1/posts/" + open + "/lock").then().statusCode(200).body("locked", equalTo(true));
        assertProblem(Api.as(third).body(Map.of("body", "x")).post("/api/v1/posts/" + open + "/replies").then(), 409,
                "thread-locked");
        Api.as(owner).delete("/api/v1/posts/" + open + "/lock").then().statusCode(200).body("locked", equalTo(false));
        Posts.reply(third, open, "Now I can");
        assertEquals(2, Groups.moderationLog(group, "THREAD_LOCKED") + Groups.moderationLog(group, "THREAD_UNLOCKED"));
        assertProblem(Api.as(member).post("/api/v1/posts/" + open + "/lock").then(), 403, "not-a-moderator");
    }

    @Test
    void pinnedThreadsComeFirst() {
        UUID old = Posts.post(member, group, "Old but important");
        UUID newer = Posts.post(member, group, "Newer");
        Api.as(owner).post("/api/v1/posts/" + old + "/pin").then().statusCode(200).body("pinned", equalTo(true));
        Api.as(member).get(feed()).then().body("items.id", equalTo(List.of(old.toString(), newer.toString())));
        Api.as(member).queryParam("sort", "active").get(feed()).then().body("items[0].id", equalTo(old.toString()));
        UUID reply = Posts.reply(owner, newer, "bump");
        assertProblem(Api.as(owner).post("/api/v1/posts/" + reply + "/pin").then(), 400, "not-a-thread");
        assertEquals(1, Groups.moderationLog(group, "THREAD_PINNED"));
    }

    @Test
    void activeSortFollowsTheLatestReply() {
        UUID a = Posts.post(member, group, "A");
        UUID b = Posts.post(member, group, "B");
        Api.as(member).queryParam("sort", "active").get(feed()).then().body("items.id",
                equalTo(List.of(b.toString(), a.toString())));
        Posts.reply(owner, a, "reply to A");
        Api.as(member).queryParam("sort", "active").get(feed()).then().body("items.id",
                equalTo(List.of(a.toString(), b.toString())));
        Api.as(member).queryParam("sort", "new").get(feed()).then().body("items.id",
                equalTo(List.of(b.toString(), a.toString())));
        assertFieldError(Api.as(member).queryParam("sort", "top").get(feed()).then(), "sort");
    }

    @Test
    void authorsEditWithHistoryForModerators() {
        UUID post = Posts.post(member, group, "First words");
        String etag = Api.as(member).get("/api/v1/posts/" + post).then().extract().header("ETag");
        Api.as(member).header("If-Match", etag)
                .body(Map.of("body", "Better words", "contentWarnings", List.of("POLICE")))
                .patch("/api/v1/posts/" + post).then().statusCode(200).body("body", equalTo("Better words"))
                .body("editedAt", notNullValue()).body("contentWarnings", equalTo(List.of("POLICE")));
        assertProblem(
                Api.as(member).header("If-Match", etag).body(Map.of("body", "Again")).patch("/api/v1/posts/" + post)
                        .then(),
                412, "precondition-failed");
        assertProblem(Api.as(owner).body(Map.of("body", "Moderator rewrite")).patch("/api/v1/posts/" + post).then(),
                403,
                "not-the-author");
        Api.as(owner).get("/api/v1/posts/" + post + "/revisions").then().statusCode(200)
                .body("[0].body", equalTo("First words"));
        assertProblem(Api.as(member).get("/api/v1/posts/" + post + "/revisions").then(), 403, "not-a-moderator");
        assertFieldError(
                Api.as(member).body(Map.of("body", "<script>alert(1)</script>")).patch("/api/v1/posts/" + post).then(),
                "body");
        Map<String, Object> nullBody = new HashMap<>();
        nullBody.put("body", null);
        assertFieldError(Api.as(member).body(nullBody).patch("/api/v1/posts/" + post).then(), "body");
        assertFieldError(Api.as(member).body(Map.of("anonymous", true)).patch("/api/v1/posts/" + post).then(),
                "anonymous");
    }

    @Test
    void deletingKeepsTheThreadButWithholdsTheText() {
        UUID thread = Posts.post(member, group, "I want to take this back");
        UUID reply = Posts.reply(owner, thread, "A reply that stays");
        Api.as(member).delete("/api/v1/posts/" + thread).then().statusCode(204);
        Api.as(member).delete("/api/v1/posts/" + thread).then().statusCode(204);
        Api.as(owner).get("/api/v1/posts/" + thread).then().statusCode(200).body("status", equalTo("REMOVED"))
                .body("body", nullValue()).body("title", nullValue()).body("canReply", equalTo(false));
        Api.as(owner).get(feed()).then().body("items.id", hasItem(thread.toString()));
        Api.as(owner).get("/api/v1/posts/" + thread + "/replies").then().body("items[0].id", equalTo(reply.toString()));
        assertProblem(Api.as(owner).body(Map.of("body", "x")).post("/api/v1/posts/" + thread + "/replies").then(), 409,
                "thread-not-open");
        assertProblem(Api.as(member).body(Map.of("body", "x")).patch("/api/v1/posts/" + thread).then(), 409,
                "post-removed");
        assertProblem(Api.as(owner).put("/api/v1/posts/" + thread + "/reactions/ME_TOO").then(), 409,
                "post-not-published");
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(0));

        UUID lonely = Posts.post(member, group, "No replies");
        Api.as(owner).queryParam("reason", "doxxing").delete("/api/v1/posts/" + lonely).then().statusCode(204);
        Api.as(member).get(feed()).then().body("items.id", not(hasItem(lonely.toString())));
        assertEquals(1, Groups.moderationLog(group, "POST_REMOVED"));
        UUID someoneElses = Posts.post(owner, group, "Owner's post");
        assertProblem(Api.as(member).delete("/api/v1/posts/" + someoneElses).then(), 403, "not-the-author");
    }

    @Test
    void postingRequiresMembershipCurrentRulesAndALiveGroup() {
        TestAccount outsider = Api.register("pout");
        assertProblem(Api.as(outsider).body(Posts.body("hi")).post(feed()).then(), 403, "not-a-member");
        Api.as(outsider).get(feed()).then().statusCode(200);
        Api.as(owner).body(Map.of("rules", "Rules v2")).patch("/api/v1/groups/" + group.id()).then().statusCode(200);
        assertProblem(Api.as(member).body(Posts.body("hi")).post(feed()).then(), 409, "rules-not-accepted")
                .body("currentRulesVersion", equalTo(2)).body("rules", equalTo("Rules v2"));
        Api.as(member).body(Map.of("rulesVersion", 2)).post("/api/v1/groups/" + group.id() + "/rules/acceptance").then()
                .statusCode(200);
        UUID post = Posts.post(member, group, "hi");
        Api.as(owner).body(Map.of("rulesVersion", 2)).post("/api/v1/groups/" + group.id() + "/rules/acceptance").then()
                .statusCode(200);
        Api.as(owner).delete("/api/v1/groups/" + group.id()).then().statusCode(204);
        assertProblem(Api.as(member).body(Posts.body("hi")).post(feed()).then(), 409, "group-archived");
        assertProblem(Api.as(member).body(Map.of("body", "x")).post("/api/v1/posts/" + post + "/replies").then(), 409,
                "group-archived");
        assertProblem(Api.as(member).put("/api/v1/posts/" + post + "/reactions/ME_TOO").then(), 409, "group-archived");
        Api.as(member).get(feed()).then().statusCode(200).body("items.id", hasItem(post.toString()));
        assertProblem(Api.as(outsider).put("/api/v1/posts/" + post + "/reactions/ME_TOO").then(), 403, "not-a-member");
    }

    static Stream<Arguments> badPosts() {
        return Stream.of(
                Arguments.of("body", ""),
                Arguments.of("body", "   "),
                Arguments.of("body", "x".repeat(10001)),
                Arguments.of("body", "<img src=x onerror=alert(1)>"),
                Arguments.of("body", 42),
                Arguments.of("title", "x".repeat(201)),
                Arguments.of("title", "<b>bold</b>"),
                Arguments.of("contentWarnings", List.of("SPOILERS")),
                Arguments.of("contentWarnings", "RACISM"),
                Arguments.of("anonymous", null),
                Arguments.of("anonymous", "yes"),
                Arguments.of("supportWanted", "PITY"),
                Arguments.of("replyPolicy", "EVERYONE"),
                Arguments.of("language", "elvish"),
                Arguments.of("status", "PUBLISHED"),
                Arguments.of("pinned", true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badPosts")
    void badInputIs400AndWritesNothing(String field, Object value) {
        Map<String, Object> body = Posts.body("Bad post");
        body.put(field, value);
        String expected = value instanceof List<?> ? field + "[0]" : field;
        assertFieldError(Api.as(member).body(body).post(feed()).then(), expected);
        assertEquals(0, Api.count("SELECT count(*) FROM posts WHERE group_id = ?", group.id()));
    }

    @Test
    void postsNeedATokenAndAPostIdMustBeAUuid() {
        UUID post = Posts.post(member, group, "Hello");
        assertProblem(Api.anonymous().get(feed()).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().get("/api/v1/posts/" + post).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().get("/api/v1/posts/" + post + "/replies").then(), 401, "unauthenticated");
        assertFieldError(Api.as(member).get("/api/v1/posts/not-a-uuid").then(), "postId");
        assertProblem(Api.as(member).get("/api/v1/posts/" + UUID.randomUUID()).then(), 404, "not-found");
        assertProblem(Api.as(member).body("{\"body\":").post(feed()).then(), 400, "malformed-json");
    }

    @Test
    void idempotencyKeyOnPostsAndReplies() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Posts.body("Flaky network");
        String first = Api.as(member).header("Idempotency-Key", key).body(body).post(feed()).then().statusCode(201)
                .extract().path("id");
        Api.as(member).header("Idempotency-Key", key).body(body).post(feed()).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE group_id = ?", group.id()));
        String replyKey = UUID.randomUUID().toString();
        String reply = Api.as(owner).header("Idempotency-Key", replyKey).body(Map.of("body", "once"))
                .post("/api/v1/posts/" + first + "/replies").then().statusCode(201).extract().path("id");
        Api.as(owner).header("Idempotency-Key", replyKey).body(Map.of("body", "once"))
                .post("/api/v1/posts/" + first + "/replies")
                .then().statusCode(201).body("id", equalTo(reply));
        Api.as(owner).get("/api/v1/posts/" + first).then().body("replyCount", equalTo(1));
    }
}
