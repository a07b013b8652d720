package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * When the guidelines change, a member accepts them again before posting. The change of version is simulated by
 * moving the member's accepted version back (the current version is a deployment setting).
 */
@QuarkusTest
class GuidelinesAcceptanceTest {

    @Test
    void aMemberWhoseAcceptanceIsOutdatedReadsButMustAcceptBeforePosting() {
        TestAccount owner = Api.register("glown");
        TestAccount member = Api.register("glmem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        UUID thread = Posts.post(owner, group, "A thread to reply to");
        Api.sql("UPDATE accounts SET guidelines_version = 0 WHERE id = ?", member.id());

        Api.as(member).get("/api/v1/me").then().statusCode(200).body("guidelinesAcceptanceRequired", equalTo(true));
        Api.as(member).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200);
        assertProblem(Api.as(member).body(Posts.body("A new story")).post("/api/v1/groups/" + group.id() + "/posts")
                .then(), 409, "guidelines-outdated").body("currentGuidelinesVersion", equalTo(1));
        assertProblem(Api.as(member).body(Map.of("body", "A reply")).post("/api/v1/posts/" + thread + "/replies")
                .then(), 409, "guidelines-outdated");
        assertEquals(0, Api.count("SELECT count(*) FROM posts WHERE author_id = ?", member.id()));

        assertProblem(Api.as(member).body(Map.of("version", 2)).post("/api/v1/me/guidelines-acceptance").then(), 409,
                "guidelines-outdated").body("currentGuidelinesVersion", equalTo(1));
        Api.as(member).body(Map.of("version", 1)).post("/api/v1/me/guidelines-acceptance").then().statusCode(200)
                .body("guidelinesVersion", equalTo(1)).body("guidelinesAcceptanceRequired", equalTo(false));
        Api.as(member).body(Posts.body("A new story")).post("/api/v1/groups/" + group.id() + "/posts").then()
                .statusCode(201);
        // The acceptance is recorded, and accepting again changes nothing.
        Api.as(member).body(Map.of("version", 1)).post("/api/v1/me/guidelines-acceptance").then().statusCode(200);
        assertEquals(2,
                Api.count("SELECT count(*) FROM consents WHERE account_id = ? AND kind = 'COMMUNITY_GUIDELINES'",
                        member.id()));
        Api.as(member).get("/api/v1/me/export").then().statusCode(200).body("consents.size()", equalTo(2));
    }

    @Test
    void badInputIs400() {
        TestAccount member = Api.register("glbad");
        String path = "/api/v1/me/guidelines-acceptance";
        assertFieldError(Api.as(member).body(Map.of()).post(path).then(), "version");
        assertFieldError(Api.as(member).body(Map.of("version", "one")).post(path).then(), "version");
        assertFieldError(Api.as(member).body(Map.of("version", 1, "extra", true)).post(path).then(), "extra");
        assertProblem(Api.as(member).body("{\"version\": ").post(path).then(), 400, "malformed-json");
        Api.anonymous().body(Map.of("version", 1)).post(path).then().statusCode(401);
    }
}
