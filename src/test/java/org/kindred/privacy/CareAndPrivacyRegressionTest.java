package org.kindred.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Regression tests, through the HTTP API only, for the care and privacy defects found where features meet (README
 * "Privacy model"; the invariant each test protects is in its name).
 */
@QuarkusTest
class CareAndPrivacyRegressionTest {

    static final String URGENT = "After today's meeting where they laughed at my accent again, I want to kill myself.";

    TestAccount owner;
    TestAccount moderator;
    TestAccount author;
    TestAccount reader;
    TestGroup group;

    @BeforeEach
    void group() {
        owner = Api.register("cpowner");
        moderator = Api.register("cpmod");
        author = Api.register("cpauthor");
        reader = Api.register("cpreader");
        group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(moderator, author, reader)) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, moderator, "MODERATOR");
    }

    @Test
    void i1BlockingNeverHidesAnAnonymousPostInEitherDirection() {
        UUID anonymous = Posts.anonymous(author, group, "Something happened on the bus today.");
        UUID named = Posts.post(author, group, "And something else at work.");
        block(reader, author);
        Api.as(reader).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("author", nullValue());
        Api.as(reader).get(feed()).then().statusCode(200).body("items.id", hasItem(anonymous.toString()))
                .body("items.id", not(hasItem(named.toString())));
        assertProblem(Api.as(reader).get("/api/v1/posts/" + named).then(), 404, "not-found");
        unblock(reader, author);
        block(author, reader); // the mirror: the blocked member still sees the blocker's anonymous post
        Api.as(reader).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        Api.as(reader).get(feed()).then().body("items.id", hasItem(anonymous.toString()));
    }

    @Test
    void i3WorriedMembersNeverHideAPostAndThePersonGetsCareNotNames() {
        UUID post = Posts.post(author, group, "I have not slept for days since the landlord said that.");
        for (int i = 0; i < 3; i++) {
            TestAccount worried = Api.register("cpworry");
            Groups.join(worried, group);
            report(worried, post, "WELLBEING_CONCERN").statusCode(201);
        }
        Api.as(reader).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items[0].targetId", equalTo(post.toString())).body("items[0].priority", equalTo(0));
        ValidatableResponse care = Api.as(author).get("/api/v1/me/care").then().statusCode(200)
                .body("notes.size()", equalTo(1)).body("crisisLines.items", not(nullValue()));
        String noteId = care.extract().path("notes[0].id");
        care.body(not(org.hamcrest.Matchers.containsString("cpworry")));
        Api.as(reader).get("/api/v1/me/care").then().statusCode(200).body("notes.size()", equalTo(0));
        assertProblem(Api.as(reader).delete("/api/v1/me/care/notes/" + noteId).then(), 404, "not-found");
        assertProblem(Api.as(author).delete("/api/v1/me/care/notes/not-a-uuid").then(), 400, "validation");
        Api.as(author).delete("/api/v1/me/care/notes/" + noteId).then().statusCode(204);
        Api.as(author).get("/api/v1/me/care").then().body("notes.size()", equalTo(0));
    }

    @Test
    void i4NobodyResolvesAReportTheyFiled() {
        UUID post = Posts.post(author, group, "Here is what the office manager said to me.");
        String reportId = report(moderator, post, "HARASSMENT").statusCode(201).extract().path("id");
        assertProblem(resolve(moderator, reportId, "HIDE_POST"), 403, "own-report");
        Api.as(reader).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        resolve(owner, reportId, "HIDE_POST").statusCode(200);
    }

    @Test
    void i4ModeratorsNeverReadClosedReportsAboutThemselves() {
        String reportId = Api.as(reader).body(Map.of("targetType", "ACCOUNT", "targetId", moderator.id().toString(),
                "groupId", group.id().toString(), "reason", "HARASSMENT", "details", "They mocked my name"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        resolve(owner, reportId, "NONE").statusCode(200);
        Api.as(owner).get("/api/v1/groups/" + group.id() + "/reports?status=RESOLVED").then().statusCode(200)
                .body("items.targetId", hasItem(moderator.id().toString()));
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports?status=RESOLVED").then().statusCode(200)
                .body("items.targetId", not(hasItem(moderator.id().toString())))
                .body(not(org.hamcrest.Matchers.containsString("They mocked my name")));
    }

    @Test
    void i2AHeldPostThatIsRemovedStaysUnwrittenForMembers() {
        UUID held = Posts.post(author, group, URGENT);
        Api.as(moderator).queryParam("reason", "Reached out privately").delete("/api/v1/posts/" + held).then()
                .statusCode(204);
        assertProblem(Api.as(reader).get("/api/v1/posts/" + held).then(), 404, "not-found");
        Api.as(reader).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items.targetId", not(hasItem(held.toString())));
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items.targetId", hasItem(held.toString()));
        UUID thread = Posts.post(owner, group, "How do you all handle comments about your accent?");
        UUID heldReply = Posts.reply(author, thread, URGENT);
        Api.as(author).delete("/api/v1/posts/" + heldReply).then().statusCode(204);
        Api.as(reader).get("/api/v1/posts/" + thread + "/replies").then().statusCode(200)
                .body("items.id", not(hasItem(heldReply.toString())));
    }

    @Test
    void i2AHeldPostHiddenAndThenRemovedNeverReachesTheMembersLog() {
        UUID held = Posts.post(author, group, URGENT);
        String care = Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .extract().path("items.find { it.targetId == '" + held + "' }.reportId");
        resolve(owner, care, "HIDE_POST").statusCode(200);
        Api.as(moderator).delete("/api/v1/posts/" + held).then().statusCode(204);
        Api.as(reader).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items.targetId", not(hasItem(held.toString())));
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items.action", hasItem("POST_REMOVED"));
    }

    @Test
    void i2LockingAHeldPostLeavesNoTraceForMembers() {
        // Issue 14, item 10: a lock on a post held for care wrote a public moderation-log entry.
        UUID held = Posts.post(author, group, URGENT);
        UUID never = UUID.randomUUID();
        String log = Api.as(reader).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .extract().asString();
        String feed = Api.as(reader).get(feed()).then().statusCode(200).extract().asString();
        int posts = Api.as(reader).get("/api/v1/groups/" + group.id()).then().statusCode(200).extract()
                .path("postCount");

        Api.as(moderator).post("/api/v1/posts/" + held + "/lock").then().statusCode(200).body("locked", equalTo(true));
        String care = Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .extract().path("items.find { it.targetId == '" + held + "' }.reportId");
        resolve(owner, care, "LOCK_THREAD").statusCode(200);

        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items.findAll { it.targetId == '" + held + "' }.action",
                        equalTo(List.of("THREAD_LOCKED", "THREAD_LOCKED")));
        Api.as(reader).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body(equalTo(log));
        Api.as(reader).get(feed()).then().statusCode(200).body(equalTo(feed));
        Api.as(reader).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(posts));
        for (String path : List.of("/api/v1/posts/%s", "/api/v1/posts/%s/replies", "/api/v1/posts/%s/thread")) {
            String unwritten = Api.as(reader).get(path.formatted(never)).then().statusCode(404).extract().asString()
                    .replace(never.toString(), "ID");
            Api.as(reader).get(path.formatted(held)).then().statusCode(404)
                    .body(org.hamcrest.Matchers.equalTo(unwritten.replace("ID", held.toString())));
        }
        assertProblem(Api.as(reader).post("/api/v1/posts/" + held + "/lock").then(), 404, "not-found");
    }

    @Test
    void i5AReporterOfAnAnonymousPostLearnsThatActionWasTakenNotWhich() {
        UUID anonymous = Posts.anonymous(author, group, "You people should go back where you came from.");
        String reportId = report(reader, anonymous, "HATE").statusCode(201).extract().path("id");
        resolve(moderator, reportId, "WARN").statusCode(200).body("resolution", equalTo("WARN"));
        Api.as(reader).get("/api/v1/reports/" + reportId).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution", nullValue()).body("actionTaken", equalTo(true));
        Api.as(moderator).get("/api/v1/reports/" + reportId).then().body("resolution", equalTo("WARN"));
    }

    @Test
    void i1AReportOfAnAnonymousPostNeverBansOrSuspendsItsAuthor() {
        // Issue 14, item 6: a ban or suspension on such a report changed the member list and the profile at the moment
        // the reporter saw "action taken", which named the author.
        TestAccount admin = Api.admin();
        UUID anonymous = Posts.anonymous(author, group, "You people should go back where you came from.");
        String reportId = report(reader, anonymous, "HATE").statusCode(201).extract().path("id");
        String members = Api.as(reader).get("/api/v1/groups/" + group.id() + "/members").then().statusCode(200)
                .extract().asString();
        Map<String, Object> ban = new HashMap<>(Map.of("status", "RESOLVED", "action", "BAN_MEMBER", "reason", "Hate"));
        assertProblem(Api.as(moderator).body(ban).patch("/api/v1/reports/" + reportId).then(), 422,
                "reveals-anonymous-author");
        assertProblem(resolve(admin, reportId, "SUSPEND_ACCOUNT"), 422, "reveals-anonymous-author");

        Api.as(reader).get("/api/v1/groups/" + group.id() + "/members").then().statusCode(200)
                .body(equalTo(members));
        Api.as(reader).get("/api/v1/accounts/" + author.handle()).then().statusCode(200);
        Api.as(reader).get("/api/v1/reports/" + reportId).then().body("status", equalTo("OPEN"))
                .body("actionTaken", equalTo(false));
        Api.as(author).get("/api/v1/me").then().statusCode(200);

        // The post-level actions and a private warning still work, and a named post's author can still be banned.
        resolve(moderator, reportId, "REMOVE_POST").statusCode(200);
        UUID named = Posts.post(author, group, "You people should go back where you came from.");
        String namedReport = report(reader, named, "HATE").statusCode(201).extract().path("id");
        Api.as(moderator).body(ban).patch("/api/v1/reports/" + namedReport).then().statusCode(200)
                .body("resolution", equalTo("BAN_MEMBER"));
    }

    @Test
    void i7APostInAGroupYouCannotSeeAnswersAsNoPostAtAll() {
        TestGroup hidden = Groups.create(owner, "HIDDEN");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        TestAccount outsider = Api.register("cpout");
        String nothing = Api.as(outsider).get("/api/v1/posts/" + UUID.randomUUID()).then().statusCode(404).extract()
                .path("detail");
        for (TestGroup g : List.of(hidden, closed)) {
            UUID post = Posts.post(owner, g, "What the letting agent said about my name.");
            for (String path : List.of("/api/v1/posts/" + post, "/api/v1/posts/" + post + "/replies")) {
                assertProblem(Api.as(outsider).get(path).then(), 404, "not-found").body("detail", equalTo(nothing));
            }
        }
    }

    @Test
    void anAuthorWhoLeftAPrivateGroupCanStillDeleteTheirPost() {
        TestGroup closed = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, closed, author);
        UUID post = Posts.post(author, closed, "What my manager said when I asked about prayer breaks.");
        Api.as(author).delete("/api/v1/groups/" + closed.id() + "/members/" + author.id()).then().statusCode(204);
        Api.as(author).delete("/api/v1/posts/" + post).then().statusCode(204);
        Api.as(owner).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("REMOVED"));
        assertProblem(Api.as(reader).delete("/api/v1/posts/" + post).then(), 404, "not-found");
    }

    private String feed() {
        return "/api/v1/groups/" + group.id() + "/posts";
    }

    private static void block(TestAccount who, TestAccount whom) {
        Api.as(who).put("/api/v1/me/blocks/" + whom.id()).then().statusCode(204);
    }

    private static void unblock(TestAccount who, TestAccount whom) {
        Api.as(who).delete("/api/v1/me/blocks/" + whom.id()).then().statusCode(204);
    }

    private static ValidatableResponse report(TestAccount who, UUID post, String reason) {
        return Api.as(who).body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", reason))
                .post("/api/v1/reports").then();
    }

    private static ValidatableResponse resolve(TestAccount who, String reportId, String action) {
        return Api.as(who).body(Map.of("status", "RESOLVED", "action", action, "reason", "Reviewed"))
                .patch("/api/v1/reports/" + reportId).then();
    }
}
