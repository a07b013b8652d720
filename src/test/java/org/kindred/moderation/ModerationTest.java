package org.kindred.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.restassured.response.Response;

@QuarkusTest
class ModerationTest {

    TestAccount owner;
    TestAccount moderator;
    TestAccount author;
    TestAccount reporter;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void group() {
        owner = Api.register("mdown");
        moderator = Api.register("mdmod");
        author = Api.register("mdauth");
        reporter = Api.register("mdrep");
        member = Api.register("mdmem");
        group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(moderator, author, reporter, member)) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, moderator, "MODERATOR");
    }

    private Response report(TestAccount who, UUID post, String reason) {
        return Api.as(who).body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", reason))
                .post("/api/v1/reports").then().extract().response();
    }

    private String queue() {
        return "/api/v1/groups/" + group.id() + "/reports";
    }

    private String feed() {
        return "/api/v1/groups/" + group.id() + "/posts";
    }

    @Test
    void duplicateReportsMergeAndReportersStayAnonymous() {
        UUID post = Posts.post(author, group, "Something");
        Response first = report(reporter, post, "HARASSMENT");
        assertEquals(201, first.statusCode());
        Api.as(reporter)
                .body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", "HATE", "details", "Slurs"))
                .post("/api/v1/reports").then().statusCode(200).body("id", equalTo(first.path("id")))
                .body("reason", equalTo("HATE")).body("details", equalTo("Slurs"));
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND status = 'OPEN'", post));
        Api.as(reporter).get("/api/v1/reports/" + first.path("id")).then().statusCode(200).body("status",
                equalTo("OPEN"));
        assertProblem(Api.as(author).get("/api/v1/reports/" + first.path("id")).then(), 404, "not-found");
        assertProblem(Api.as(member).get("/api/v1/reports/" + first.path("id")).then(), 404, "not-found");
        String queue = Api.as(moderator).get(queue()).then().statusCode(200)
                .body("items[0].targetId", equalTo(post.toString())).body("items[0].reportCount", equalTo(1))
                .body("items[0].details", equalTo(List.of("Slurs")))
                .body("items[0].post.author.handle", equalTo(author.handle())).extract().asString();
        assertFalse(queue.contains(reporter.handle()) || queue.contains(reporter.id().toString()),
                "reporter named in the queue");
    }

    @Test
    void enoughDistinctReportsHideAPostUntilReviewed() {
        UUID post = Posts.post(author, group, "Reported a lot");
        report(reporter, post, "HATE");
        report(reporter, post, "HATE");
        report(member, post, "HATE");
        Api.as(owner).get("/api/v1/posts/" + post).then().body("status", equalTo("PUBLISHED"));
        report(moderator, post, "HATE");
        Api.as(author).get("/api/v1/posts/" + post).then().body("status", equalTo("HIDDEN"));
        Api.as(member).get(feed()).then().body("items.id", not(hasItem(post.toString())));
        assertProblem(Api.as(member).get("/api/v1/posts/" + post).then(), 404, "not-found");
        Api.as(member).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .body("items[0].action", equalTo("POST_AUTO_HIDDEN")).body("items[0].actor", equalTo("system"));
        String reportId = Api.as(owner).get(queue()).then().body("items[0].reportCount", equalTo(3)).extract()
                .path("items[0].reportId");
        Api.as(owner).body(Map.of("status", "DISMISSED", "note", "Quoted to criticise, not endorsed"))
                .patch("/api/v1/reports/" + reportId)
                .then().statusCode(200).body("status", equalTo("DISMISSED"));
        Api.as(member).get(feed()).then().body("items.id", hasItem(post.toString()));
        assertEquals(0, Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND status = 'OPEN'", post));
        assertProblem(Api.as(owner).body(Map.of("status", "RESOLVED")).patch("/api/v1/reports/" + reportId).then(), 409,
                "already-resolved");
    }

    @Test
    void theQueuePutsHeldForCareFirstThenWaitingThenMostReported() {
        UUID onceReported = Posts.post(author, group, "Reported once");
        UUID twiceReported = Posts.post(author, group, "Reported twice");
        report(reporter, onceReported, "SPAM");
        report(reporter, twiceReported, "SPAM");
        report(member, twiceReported, "SPAM");
        Api.as(owner).body(Map.of("phrase", "watched phrase", "action", "HOLD"))
                .post("/api/v1/groups/" + group.id() + "/keyword-rules")
                .then().statusCode(201);
        UUID waiting = Posts.post(author, group, "This has a Watched Phrase in it");
        UUID held = Posts.post(author, group, "A post this test holds for care");
        Api.sql("UPDATE posts SET status = 'HELD_FOR_CARE' WHERE id = ?", held);
        Api.sql("INSERT INTO reports (id, group_id, target_type, target_id, target_account_id, source, reason, status, created_at, "
                + "updated_at) VALUES (gen_random_uuid(), ?, 'POST', ?, ?, 'SAFETY_CHECK', 'WELLBEING_CONCERN', 'OPEN', now(), now())",
                group.id(), held, author.id());
        Api.as(moderator).get(queue()).then().statusCode(200)
                .body("items.targetId", equalTo(List.of(held.toString(), waiting.toString(), twiceReported.toString(),
                        onceReported.toString())))
                .body("items.priority", equalTo(List.of(0, 1, 2, 2)))
                .body("items[0].sources", equalTo(List.of("SAFETY_CHECK")))
                .body("items[1].sources", equalTo(List.of("KEYWORD_RULE")));
        var page = Api.as(moderator).queryParam("limit", 2).get(queue()).then().extract().response();
        Api.as(moderator).queryParam("limit", 2).queryParam("cursor", (String) page.path("nextCursor")).get(queue())
                .then()
                .statusCode(200)
                .body("items.targetId", equalTo(List.of(twiceReported.toString(), onceReported.toString())));
    }

    @Test
    void actionsApplyWithTheResolutionAndAreLogged() {
        UUID toRemove = Posts.post(author, group, "Shares someone's address");
        report(reporter, toRemove, "PRIVACY");
        String removeId = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "REMOVE_POST", "reason", "Personal information"))
                .patch("/api/v1/reports/" + removeId).then().statusCode(200).body("resolution", equalTo("REMOVE_POST"));
        Api.as(member).get("/api/v1/posts/" + toRemove).then().body("status", equalTo("REMOVED")).body("body",
                nullValue());
        Api.as(reporter).get("/api/v1/reports/" + removeId).then().body("status", equalTo("RESOLVED"));

        UUID toHide = Posts.post(author, group, "Borderline");
        report(reporter, toHide, "OTHER");
        String hideId = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "HIDE_POST")).patch("/api/v1/reports/" + hideId)
                .then()
                .statusCode(200);
        Api.as(member).get(feed()).then().body("items.id", not(hasItem(toHide.toString())));

        UUID thread = Posts.post(author, group, "Heated thread");
        report(reporter, thread, "HARASSMENT");
        String lockId = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "LOCK_THREAD")).patch("/api/v1/reports/" + lockId)
                .then()
                .statusCode(200);
        assertProblem(Api.as(member).body(Map.of("body", "x")).post("/api/v1/posts/" + thread + "/replies").then(), 409,
                "thread-locked");

        UUID rude = Posts.post(author, group, "Rude remark");
        report(reporter, rude, "HARASSMENT");
        String warnId = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        assertFieldError(Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "WARN"))
                .patch("/api/v1/reports/" + warnId)
                .then(), "reason");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "WARN", "reason", "Please be kind"))
                .patch("/api/v1/reports/" + warnId)
                .then().statusCode(200);
        String warnings = Api.as(author).get("/api/v1/me/warnings").then().statusCode(200)
                .body("items[0].reason", equalTo("Please be kind"))
                .body("items[0].groupId", equalTo(group.id().toString()))
                .body("items[0].postId", equalTo(rude.toString())).extract().asString();
        assertFalse(warnings.contains(reporter.handle()) || warnings.contains(reporter.id().toString()));

        UUID abusive = Posts.post(author, group, "Abuse");
        report(reporter, abusive, "HATE");
        String banId = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        String until = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.as(moderator)
                .body(Map.of("status", "RESOLVED", "action", "BAN_MEMBER", "reason", "Hate speech", "bannedUntil",
                        until))
                .patch("/api/v1/reports/" + banId).then().statusCode(200);
        assertProblem(Api.as(author).body(Posts.body("again")).post(feed()).then(), 403, "banned");

        List<String> actions = Api.as(owner).get("/api/v1/groups/" + group.id() + "/moderation-log").then()
                .statusCode(200)
                .extract().jsonPath().getList("items.action");
        for (String action : List.of("POST_REMOVED", "POST_HIDDEN", "THREAD_LOCKED", "MEMBER_WARNED",
                "MEMBER_BANNED")) {
            assertFalse(!actions.contains(action), action + " missing from " + actions);
        }
        Api.as(owner).get("/api/v1/groups/" + group.id() + "/moderation-log").then()
                .body("items.find { it.action == 'MEMBER_BANNED' }.actor", equalTo(moderator.handle()))
                .body("items.find { it.action == 'MEMBER_BANNED' }.targetHandle", equalTo(author.handle()))
                .body("items.find { it.action == 'MEMBER_BANNED' }.reason", equalTo("Hate speech"));
        Api.as(member).get("/api/v1/groups/" + group.id() + "/moderation-log").then()
                .body("items.find { it.action == 'MEMBER_BANNED' }.actor", equalTo("moderator"))
                .body("items.find { it.action == 'MEMBER_BANNED' }.targetId", nullValue())
                .body("items.find { it.action == 'MEMBER_BANNED' }.targetHandle", nullValue());
    }

    @Test
    void badResolutionsAreRefused() {
        UUID post = Posts.post(author, group, "Post");
        report(reporter, post, "SPAM");
        String id = Api.as(moderator).get(queue()).then().extract().path("items[0].reportId");
        assertFieldError(Api.as(moderator).body(Map.of("status", "DISMISSED", "action", "REMOVE_POST"))
                .patch("/api/v1/reports/" + id)
                .then(), "action");
        assertFieldError(Api.as(moderator).body(Map.of("status", "CLOSED")).patch("/api/v1/reports/" + id).then(),
                "status");
        assertFieldError(
                Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "EXPLODE")).patch("/api/v1/reports/" + id)
                        .then(),
                "action");
        assertFieldError(Api.as(moderator)
                .body(Map.of("status", "RESOLVED", "action", "HIDE_POST", "bannedUntil", "2099-01-01T00:00:00Z"))
                .patch("/api/v1/reports/" + id).then(), "bannedUntil");
        assertProblem(Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "SUSPEND_ACCOUNT"))
                .patch("/api/v1/reports/" + id)
                .then(), 403, "admins-only");
        assertProblem(Api.as(member).body(Map.of("status", "RESOLVED")).patch("/api/v1/reports/" + id).then(), 404,
                "not-found");
        assertProblem(
                Api.as(moderator).body(Map.of("status", "RESOLVED")).patch("/api/v1/reports/" + UUID.randomUUID())
                        .then(),
                404,
                "not-found");
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND status = 'OPEN'", post));
    }

    @Test
    void moderatorsCannotActOutsideTheirGroupOrOnReportsAboutThemselves() {
        TestAccount otherOwner = Api.register("mdoth");
        TestGroup other = Groups.create(otherOwner, "PUBLIC");
        TestAccount otherAuthor = Api.register("mdoa");
        Groups.join(otherAuthor, other);
        Groups.join(reporter, other);
        UUID elsewhere = Posts.post(otherAuthor, other, "Elsewhere");
        report(reporter, elsewhere, "SPAM");
        String elsewhereId = Api.as(otherOwner).get("/api/v1/groups/" + other.id() + "/reports").then().extract()
                .path("items[0].reportId");
        assertProblem(
                Api.as(moderator).body(Map.of("status", "RESOLVED")).patch("/api/v1/reports/" + elsewhereId).then(),
                404,
                "not-found");
        assertProblem(Api.as(moderator).get("/api/v1/groups/" + other.id() + "/reports").then(), 403,
                "not-a-moderator");

        UUID byModerator = Posts.post(moderator, group, "A moderator's own post");
        report(reporter, byModerator, "HARASSMENT");
        Api.as(moderator).get(queue()).then().body("items.targetId", not(hasItem(byModerator.toString())));
        String aboutModerator = Api.as(owner).get(queue()).then()
                .body("items.targetId", hasItem(byModerator.toString()))
                .extract().path("items.find { it.targetId == '" + byModerator + "' }.reportId");
        assertProblem(
                Api.as(moderator).body(Map.of("status", "DISMISSED")).patch("/api/v1/reports/" + aboutModerator).then(),
                404,
                "not-found");
    }

    @Test
    void reportingNeedsAVisibleTargetAndValidInput() {
        TestAccount otherOwner = Api.register("mdpriv");
        TestGroup hidden = Groups.create(otherOwner, "PRIVATE");
        UUID secret = Posts.post(otherOwner, hidden, "Private");
        assertProblem(
                Api.as(reporter).body(Map.of("targetType", "POST", "targetId", secret.toString(), "reason", "SPAM"))
                        .post("/api/v1/reports").then(),
                404, "not-found");
        UUID own = Posts.post(reporter, group, "Mine");
        assertFieldError(
                Api.as(reporter).body(Map.of("targetType", "POST", "targetId", own.toString(), "reason", "SPAM"))
                        .post("/api/v1/reports").then(),
                "targetId");
        assertFieldError(Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", reporter.id().toString(), "reason", "SPAM"))
                .post("/api/v1/reports").then(), "targetId");
        assertProblem(Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", UUID.randomUUID().toString(), "reason", "SPAM"))
                .post("/api/v1/reports").then(), 404, "not-found");
        assertFieldError(
                Api.as(reporter).body(Map.of("targetType", "POST", "targetId", own.toString(), "reason", "BORING"))
                        .post("/api/v1/reports").then(),
                "reason");
        assertFieldError(
                Api.as(reporter).body(Map.of("targetType", "COMMENT", "targetId", own.toString(), "reason", "SPAM"))
                        .post("/api/v1/reports").then(),
                "targetType");
        assertFieldError(Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", author.id().toString(), "reason", "SPAM",
                        "details", "x".repeat(2001)))
                .post("/api/v1/reports").then(), "details");
        assertProblem(Api.anonymous()
                .body(Map.of("targetType", "ACCOUNT", "targetId", author.id().toString(), "reason", "SPAM"))
                .post("/api/v1/reports").then(), 401, "unauthenticated");
    }

    @Test
    void accountAndGroupReportsReachAdmins() {
        Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", author.id().toString(), "reason", "HARASSMENT"))
                .post("/api/v1/reports").then().statusCode(201);
        Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", member.id().toString(), "reason", "HARASSMENT",
                        "groupId", group.id().toString()))
                .post("/api/v1/reports").then().statusCode(201);
        Api.as(moderator).get(queue()).then().body("items.targetId", hasItem(member.id().toString()))
                .body("items.find { it.targetId == '" + member.id() + "' }.account.handle", equalTo(member.handle()));
        assertProblem(Api.as(moderator).get("/api/v1/reports").then(), 403, "admins-only");
        TestAccount admin = Api.admin();
        String id = Api.as(admin).queryParam("limit", 100).get("/api/v1/reports").then().statusCode(200)
                .body("items.targetId", hasItem(author.id().toString()))
                .extract().path("items.find { it.targetId == '" + author.id() + "' }.reportId");
        Api.as(admin).body(Map.of("status", "RESOLVED", "action", "SUSPEND_ACCOUNT")).patch("/api/v1/reports/" + id)
                .then()
                .statusCode(200);
        assertProblem(Api.as(author).get("/api/v1/me").then(), 401, "invalid-token");
    }

    @Test
    void keywordRulesBlockHoldAndFlag() {
        String rules = "/api/v1/groups/" + group.id() + "/keyword-rules";
        String block = Api.as(moderator).body(Map.of("phrase", "Go back to", "action", "BLOCK")).post(rules).then()
                .statusCode(201)
                .extract().path("id");
        Api.as(moderator).body(Map.of("phrase", "crème brûlée", "action", "HOLD")).post(rules).then().statusCode(201);
        Api.as(moderator).body(Map.of("phrase", "lawyer", "action", "FLAG")).post(rules).then().statusCode(201);
        assertProblem(Api.as(moderator).body(Map.of("phrase", "GO   BACK to!", "action", "FLAG")).post(rules).then(),
                409, "duplicate");
        assertFieldError(Api.as(moderator).body(Map.of("phrase", "", "action", "FLAG")).post(rules).then(), "phrase");
        assertFieldError(Api.as(moderator).body(Map.of("phrase", "x".repeat(101), "action", "FLAG")).post(rules).then(),
                "phrase");
        assertFieldError(Api.as(moderator).body(Map.of("phrase", "!!!", "action", "FLAG")).post(rules).then(),
                "phrase");
        assertFieldError(Api.as(moderator).body(Map.of("phrase", "x", "action", "DELETE")).post(rules).then(),
                "action");
        assertProblem(Api.as(member).get(rules).then(), 403, "not-a-moderator");
        assertProblem(Api.as(member).body(Map.of("phrase", "x", "action", "FLAG")).post(rules).then(), 403,
                "not-a-moderator");

        assertProblem(
                Api.as(member).body(Posts.body("They told me to GO BACK TO where I came from")).post(feed()).then(),
                422,
                "keyword-blocked").body("rule.phrase", equalTo("Go back to")).body("rule.id", equalTo(block));
        Posts.post(member, group, "The clocks go backwards in October"); // whole words only
        UUID held = Posts.post(member, group, "I made creme brulee tonight");
        Api.as(member).get("/api/v1/posts/" + held).then().body("status", equalTo("PENDING_APPROVAL"));
        Api.as(author).get(feed()).then().body("items.id", not(hasItem(held.toString())));
        UUID flagged = Posts.post(member, group, "Does anyone know a LAWYER?");
        Api.as(author).get(feed()).then().body("items.id", hasItem(flagged.toString()));
        String heldReport = Api.as(moderator).get(queue()).then()
                .body("items.targetId", hasItem(flagged.toString()))
                .body("items[0].targetId", equalTo(held.toString())).extract().path("items[0].reportId");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "RESTORE_POST"))
                .patch("/api/v1/reports/" + heldReport).then()
                .statusCode(200);
        Api.as(author).get(feed()).then().body("items.id", hasItem(held.toString()));
        Api.as(member).get("/api/v1/groups/" + group.id() + "/moderation-log").then()
                .body("items.action", hasItem("POST_APPROVED"))
                .body("items.action", not(hasItem("KEYWORD_RULE_ADDED")));

        Api.as(moderator).body(Map.of("action", "FLAG")).patch(rules + "/" + block).then().statusCode(200)
                .body("action", equalTo("FLAG"));
        Posts.post(member, group, "go back to the start");
        Api.as(moderator).delete(rules + "/" + block).then().statusCode(204);
        assertProblem(Api.as(moderator).delete(rules + "/" + block).then(), 404, "not-found");
        Api.as(moderator).get(rules).then().body("phrase", equalTo(List.of("crème brûlée", "lawyer")));
        assertProblem(
                Api.as(moderator).body(Map.of("body", "Fine post, then: go back to")).patch("/api/v1/posts/" + held)
                        .then(),
                403,
                "not-the-author");
    }
}
