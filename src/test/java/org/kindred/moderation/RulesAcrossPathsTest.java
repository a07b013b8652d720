package org.kindred.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.util.HashMap;
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
 * One rule, one home: each rule on a membership or a post refuses the same way whether a moderator acts directly
 * (PATCH a member, lock a post) or through a report's resolution, because both paths go through the aggregate.
 */
@QuarkusTest
class RulesAcrossPathsTest {

    TestAccount owner;
    TestAccount coOwner;
    TestAccount moderator;
    TestAccount fellowModerator;
    TestAccount reporter;
    TestGroup group;

    @BeforeEach
    void group() {
        owner = Api.register("rpowner");
        coOwner = Api.register("rpcoown");
        moderator = Api.register("rpmod");
        fellowModerator = Api.register("rpfellow");
        reporter = Api.register("rprep");
        group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : new TestAccount[]{coOwner, moderator, fellowModerator, reporter}) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, coOwner, "OWNER");
        Groups.setRole(owner, group, moderator, "MODERATOR");
        Groups.setRole(owner, group, fellowModerator, "MODERATOR");
    }

    @Test
    void aModeratorCannotBanAFellowModeratorOnEitherPath() {
        assertProblem(patchMember(moderator, fellowModerator, Map.of("status", "BANNED")), 403, "not-an-owner");
        String report = reportAccount(reporter, fellowModerator);
        assertProblem(resolve(moderator, report, Map.of("action", "BAN_MEMBER")), 403, "not-an-owner");
        assertRole(fellowModerator, "MODERATOR");
    }

    @Test
    void anOwnerCannotBeBannedOnEitherPath() {
        assertProblem(patchMember(owner, coOwner, Map.of("status", "BANNED")), 409, "owner-protected");
        String report = reportAccount(reporter, coOwner);
        assertProblem(resolve(owner, report, Map.of("action", "BAN_MEMBER")), 409, "owner-protected");
        assertRole(coOwner, "OWNER");
    }

    @Test
    void aBanMustEndInTheFutureOnEitherPath() {
        String past = Instant.now().minusSeconds(3600).toString();
        assertFieldError(patchMember(owner, reporter, Map.of("status", "BANNED", "bannedUntil", past)),
                "bannedUntil");
        TestAccount other = Api.register("rpother");
        Groups.join(other, group);
        String report = reportAccount(reporter, other);
        assertFieldError(resolve(owner, report, Map.of("action", "BAN_MEMBER", "bannedUntil", past)),
                "bannedUntil");
        Api.as(owner).get("/api/v1/groups/" + group.id() + "/members?status=BANNED").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void onlyAThreadCanBeLockedOnEitherPath() {
        UUID thread = Posts.post(owner, group, "How do I document what happened at work?");
        UUID reply = Posts.reply(coOwner, thread, "Write it down the same day.");
        assertProblem(Api.as(moderator).post("/api/v1/posts/" + reply + "/lock").then(), 400, "not-a-thread");
        String report = Api.as(reporter)
                .body(Map.of("targetType", "POST", "targetId", reply.toString(), "reason", "HARASSMENT"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        assertProblem(resolve(moderator, report, Map.of("action", "LOCK_THREAD")), 400, "not-a-thread");
        Api.as(reporter).get("/api/v1/reports/" + report).then().body("status", equalTo("OPEN"));
    }

    @Test
    void theLastOwnerCannotLeaveStepDownOrEraseTheirAccount() {
        TestAccount soleOwner = Api.register("rpsole");
        TestGroup own = Groups.create(soleOwner, "PUBLIC");
        assertProblem(Api.as(soleOwner).delete("/api/v1/groups/" + own.id() + "/members/" + soleOwner.id()).then(),
                409, "last-owner");
        assertProblem(Api.as(soleOwner).body(Map.of("role", "MEMBER"))
                .patch("/api/v1/groups/" + own.id() + "/members/" + soleOwner.id()).then(), 409, "last-owner");
        assertProblem(Api.as(soleOwner).body(Map.of("password", Api.PASSWORD, "removeContent", false))
                .delete("/api/v1/me").then(), 409, "last-owner").body("groups[0].id", equalTo(own.id().toString()));
        Api.as(soleOwner).get("/api/v1/me").then().statusCode(200);
    }

    private ValidatableResponse patchMember(TestAccount actor, TestAccount target, Map<String, Object> body) {
        return Api.as(actor).body(body).patch("/api/v1/groups/" + group.id() + "/members/" + target.id()).then();
    }

    private String reportAccount(TestAccount who, TestAccount about) {
        return Api.as(who).body(Map.of("targetType", "ACCOUNT", "targetId", about.id().toString(), "groupId",
                group.id().toString(), "reason", "HARASSMENT")).post("/api/v1/reports").then().statusCode(201)
                .extract().path("id");
    }

    private ValidatableResponse resolve(TestAccount actor, String reportId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("status", "RESOLVED");
        body.put("reason", "Test of the rule");
        return Api.as(actor).body(body).patch("/api/v1/reports/" + reportId).then();
    }

    private void assertRole(TestAccount account, String role) {
        Api.as(owner).get("/api/v1/groups/" + group.id() + "/members").then().statusCode(200)
                .body("items.find { it.account.id == '" + account.id() + "' }.role", equalTo(role));
    }
}
