package org.kindred.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
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
 * Every PATCH honours If-Match: a stale ETag is refused with 412 and changes nothing; the current ETag, `*` or none
 * go through; the response carries the new ETag.
 */
@QuarkusTest
class IfMatchTest {

    private static final String ETAG = "\"[0-9]+\"";

    @Test
    void memberDecisionsHonourIfMatch() {
        TestAccount owner = Api.register("imown");
        TestAccount member = Api.register("immem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        String path = "/api/v1/groups/" + group.id() + "/members/" + member.id();
        String etag = Api.as(owner).body(Map.of("role", "MODERATOR")).patch(path).then().statusCode(200)
                .header("ETag", matchesPattern(ETAG)).body("role", equalTo("MODERATOR")).extract().header("ETag");
        Api.as(owner).body(Map.of("role", "MEMBER")).header("If-Match", etag).patch(path).then().statusCode(200)
                .body("role", equalTo("MEMBER"));
        // The ETag from before the last change is stale now.
        assertProblem(Api.as(owner).body(Map.of("role", "MODERATOR")).header("If-Match", etag).patch(path).then(),
                412, "precondition-failed");
        Api.as(owner).get("/api/v1/groups/" + group.id() + "/members").then()
                .body("items.find { it.account.handle == '" + member.handle() + "' }.role", equalTo("MEMBER"));
        Api.as(owner).body(Map.of("role", "MODERATOR")).header("If-Match", "*").patch(path).then().statusCode(200);
    }

    @Test
    void keywordRuleChangesHonourIfMatch() {
        TestAccount owner = Api.register("imkw");
        TestGroup group = Groups.create(owner, "PUBLIC");
        String rules = "/api/v1/groups/" + group.id() + "/keyword-rules";
        String id = Api.as(owner).body(Map.of("phrase", "some watched words", "action", "FLAG")).post(rules).then()
                .statusCode(201).extract().path("id");
        String etag = Api.as(owner).body(Map.of("action", "HOLD")).patch(rules + "/" + id).then().statusCode(200)
                .header("ETag", matchesPattern(ETAG)).extract().header("ETag");
        Api.as(owner).body(Map.of("action", "BLOCK")).header("If-Match", etag).patch(rules + "/" + id).then()
                .statusCode(200).body("action", equalTo("BLOCK"));
        assertProblem(Api.as(owner).body(Map.of("action", "FLAG")).header("If-Match", etag).patch(rules + "/" + id)
                .then(), 412, "precondition-failed");
        Api.as(owner).get(rules).then().body("find { it.id == '" + id + "' }.action", equalTo("BLOCK"));
    }

    @Test
    void reportResolutionHonoursTheETagOfTheReport() {
        TestAccount owner = Api.register("imrep");
        TestAccount reporter = Api.register("imrpt");
        TestAccount author = Api.register("imaut");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(reporter, group);
        Groups.join(author, group);
        UUID post = Posts.post(author, group, "A post someone reports");
        String report = Api.as(reporter).body(Map.of("targetType", "POST", "targetId", post.toString(), "reason",
                "OTHER")).post("/api/v1/reports").then().statusCode(201).extract().path("id");
        String etag = Api.as(owner).get("/api/v1/reports/" + report).then().statusCode(200)
                .header("ETag", matchesPattern(ETAG)).extract().header("ETag");
        assertProblem(Api.as(owner).body(Map.of("status", "DISMISSED")).header("If-Match", "\"999\"")
                .patch("/api/v1/reports/" + report).then(), 412, "precondition-failed");
        Api.as(owner).get("/api/v1/reports/" + report).then().body("status", equalTo("OPEN"));
        Api.as(owner).body(Map.of("status", "DISMISSED")).header("If-Match", etag).patch("/api/v1/reports/" + report)
                .then().statusCode(200).header("ETag", matchesPattern(ETAG)).body("status", equalTo("DISMISSED"));
    }

    @Test
    void adminAccountChangesHonourIfMatch() {
        TestAccount admin = Api.admin();
        TestAccount member = Api.register("imadm");
        String path = "/api/v1/admin/accounts/" + member.id();
        String etag = Api.as(admin).body(Map.of("roles", java.util.List.of("professional"))).patch(path).then()
                .statusCode(200).header("ETag", matchesPattern(ETAG)).extract().header("ETag");
        Api.as(admin).body(Map.of("roles", java.util.List.of())).header("If-Match", etag).patch(path).then()
                .statusCode(200);
        assertProblem(Api.as(admin).body(Map.of("status", "SUSPENDED")).header("If-Match", etag).patch(path).then(),
                412, "precondition-failed");
        Api.as(member).get("/api/v1/me").then().statusCode(200);
    }
}
