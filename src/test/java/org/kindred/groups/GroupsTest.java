package org.kindred.groups;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class GroupsTest {

    @Test
    void creatorBecomesOwnerAndGroupIsReadableByIdAndSlug() {
        TestAccount owner = Api.register("own");
        String name = "Ünïcode Nurses & Carers " + UUID.randomUUID().toString().substring(0, 4);
        Response created = Api.as(owner).body(Groups.body(name, "PUBLIC")).post("/api/v1/groups").then().statusCode(201)
                .header("Location", containsString("/api/v1/groups/"))
                .header("ETag", notNullValue())
                .body("slug", startsWith("unicode-nurses-carers-"))
                .body("memberCount", equalTo(1))
                .body("postCount", equalTo(0))
                .body("rulesVersion", equalTo(1))
                .body("archived", equalTo(false))
                .body("myMembership.role", equalTo("OWNER"))
                .body("myMembership.status", equalTo("ACTIVE"))
                .body("myMembership.rulesCurrent", equalTo(true))
                .extract().response();
        String id = created.path("id");
        String slug = created.path("slug");
        Api.anonymous().get("/api/v1/groups/" + slug).then().statusCode(200).body("id", equalTo(id))
                .body("myMembership", nullValue());
        Api.as(Api.register("other")).get("/api/v1/groups/" + id).then().statusCode(200).body("slug", equalTo(slug))
                .body("myMembership", nullValue());
        assertProblem(Api.anonymous().get("/api/v1/groups/no-such-group-slug").then(), 404, "not-found");
        assertProblem(Api.anonymous().get("/api/v1/groups/" + UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void slugCollisionsGetASuffixInsteadOfFailing() {
        TestAccount owner = Api.register("slug");
        String name = "Same Name " + UUID.randomUUID().toString().substring(0, 6);
        String first = Groups.create(owner, Groups.body(name, "PUBLIC")).slug();
        String second = Groups.create(owner, Groups.body(name, "PUBLIC")).slug();
        String third = Groups.create(owner, Groups.body(name.toUpperCase(), "PUBLIC")).slug();
        assertEquals(first + "-2", second);
        assertEquals(first + "-3", third);
    }

    @Test
    void editingRulesBumpsTheVersionAndIsLogged() {
        TestAccount owner = Api.register("rules");
        Groups.TestGroup group = Groups.create(owner, "PUBLIC");
        String etag = Api.as(owner).get("/api/v1/groups/" + group.id()).then().extract().header("ETag");
        String next = Api.as(owner).header("If-Match", etag).body(Map.of("rules", "New rules: be kind."))
                .patch("/api/v1/groups/" + group.id()).then().statusCode(200)
                .body("rulesVersion", equalTo(2)).body("rules", equalTo("New rules: be kind."))
                .body("myMembership.rulesCurrent", equalTo(false))
                .extract().header("ETag");
        assertProblem(Api.as(owner).header("If-Match", etag).body(Map.of("description", "x"))
                .patch("/api/v1/groups/" + group.id()).then(), 412, "precondition-failed");
        Api.as(owner).header("If-Match", next).body(Map.of("rules", "New rules: be kind."))
                .patch("/api/v1/groups/" + group.id())
                .then().statusCode(200).body("rulesVersion", equalTo(2));
        assertEquals(1, Groups.moderationLog(group, "RULES_CHANGED"));
    }

    @Test
    void visibilityAndFacilitationAreOwnerAndProfessionalOnly() {
        TestAccount owner = Api.register("vis");
        TestAccount moderator = Api.register("vismod");
        Groups.TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.addMember(owner, group, moderator);
        Groups.setRole(owner, group, moderator, "MODERATOR");
        Api.as(moderator).body(Map.of("description", "Edited by a moderator")).patch("/api/v1/groups/" + group.id())
                .then()
                .statusCode(200);
        assertProblem(
                Api.as(moderator).body(Map.of("visibility", "HIDDEN")).patch("/api/v1/groups/" + group.id()).then(),
                403, "owner-only");
        assertProblem(Api.as(owner).body(Map.of("facilitated", true)).patch("/api/v1/groups/" + group.id()).then(), 403,
                "not-professional");
        Api.as(owner).body(Map.of("visibility", "PRIVATE")).patch("/api/v1/groups/" + group.id()).then().statusCode(200)
                .body("visibility", equalTo("PRIVATE"));
        assertEquals(1, Groups.moderationLog(group, "GROUP_SETTINGS_CHANGED"));

        Map<String, Object> facilitated = Groups.body("Facilitated " + UUID.randomUUID(), "PUBLIC");
        facilitated.put("facilitated", true);
        assertProblem(Api.as(owner).body(facilitated).post("/api/v1/groups").then(), 403, "not-professional");
        TestAccount admin = Api.admin();
        TestAccount professional = Api.register("prof");
        Api.as(admin).body(Map.of("roles", List.of("professional")))
                .patch("/api/v1/admin/accounts/" + professional.id()).then()
                .statusCode(200);
        Api.as(professional).body(facilitated).post("/api/v1/groups").then().statusCode(201).body("facilitated",
                equalTo(true));
    }

    @Test
    void archivingMakesTheGroupReadOnlyAndUnlisted() {
        TestAccount owner = Api.register("arch");
        String word = "archword" + UUID.randomUUID().toString().substring(0, 6);
        Groups.TestGroup group = Groups.create(owner, Groups.body("Archive me " + word, "PUBLIC"));
        Api.anonymous().queryParam("q", word).get("/api/v1/groups").then().statusCode(200).body("items.id",
                hasItem(group.id().toString()));
        Api.as(owner).delete("/api/v1/groups/" + group.id()).then().statusCode(204);
        Api.as(owner).delete("/api/v1/groups/" + group.id()).then().statusCode(204);
        Api.anonymous().get("/api/v1/groups/" + group.id()).then().statusCode(200).body("archived", equalTo(true));
        Api.anonymous().queryParam("q", word).get("/api/v1/groups").then().statusCode(200).body("items",
                equalTo(List.of()));
        assertProblem(Api.as(owner).body(Map.of("description", "x")).patch("/api/v1/groups/" + group.id()).then(), 409,
                "group-archived");
        assertProblem(Api.as(Api.register("late")).body(Map.of("acceptRulesVersion", 1))
                .post("/api/v1/groups/" + group.id() + "/members").then(), 409, "group-archived");
        assertEquals(1, Groups.moderationLog(group, "GROUP_ARCHIVED"));
    }

    static Stream<Arguments> badGroups() {
        return Stream.of(
                Arguments.of("name", ""),
                Arguments.of("name", "ab"),
                Arguments.of("name", "x".repeat(81)),
                Arguments.of("name", 5),
                Arguments.of("description", "x".repeat(2001)),
                Arguments.of("description", null),
                Arguments.of("bases", List.of()),
                Arguments.of("bases", List.of("HEIGHT")),
                Arguments.of("topics", List.of("SPORTS")),
                Arguments.of("topics", "WORKPLACE"),
                Arguments.of("language", "klingon"),
                Arguments.of("visibility", "SECRET"),
                Arguments.of("visibility", null),
                Arguments.of("rules", "x".repeat(5001)),
                Arguments.of("facilitated", "yes"),
                Arguments.of("memberCount", 1000));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badGroups")
    void badInputIs400AndCreatesNothing(String field, Object value) {
        TestAccount owner = Api.register("badg");
        String name = "Bad group " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Groups.body(name, "PUBLIC"));
        body.put(field, value);
        String expected = value instanceof List<?> list && !list.isEmpty() ? field + "[0]" : field;
        if (field.equals("bases") && value instanceof List<?> list && list.isEmpty()) {
            expected = "bases";
        }
        assertFieldError(Api.as(owner).body(body).post("/api/v1/groups").then(), expected);
        assertEquals(0, Api.count("SELECT count(*) FROM groups WHERE created_by = ?", owner.id()));
    }

    @Test
    void creatingNeedsAToken() {
        assertProblem(Api.anonymous().body(Groups.body("No token", "PUBLIC")).post("/api/v1/groups").then(), 401,
                "unauthenticated");
        assertProblem(Api.as(Api.register("mal")).body("{\"name\":").post("/api/v1/groups").then(), 400,
                "malformed-json");
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        TestAccount owner = Api.register("idem");
        Map<String, Object> body = Groups.body("Idempotent " + UUID.randomUUID(), "PUBLIC");
        String key = UUID.randomUUID().toString();
        Response first = Api.as(owner).header("Idempotency-Key", key).body(body).post("/api/v1/groups").then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().response();
        Response replay = Api.as(owner).header("Idempotency-Key", key).body(body).post("/api/v1/groups").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .extract().response();
        assertEquals(first.jsonPath().getString("id"), replay.jsonPath().getString("id"));
        assertEquals(1, Api.count("SELECT count(*) FROM groups WHERE created_by = ?", owner.id()));

        Map<String, Object> different = new HashMap<>(body);
        different.put("name", "Something else entirely");
        assertProblem(Api.as(owner).header("Idempotency-Key", key).body(different).post("/api/v1/groups").then(), 422,
                "idempotency-key-reused");
        // Keys belong to one account: the same key from someone else is a new request.
        TestAccount other = Api.register("idem2");
        Api.as(other).header("Idempotency-Key", key).body(body).post("/api/v1/groups").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("id", not(equalTo(first.jsonPath().getString("id"))));
        assertFieldError(
                Api.as(owner).header("Idempotency-Key", "x".repeat(256)).body(body).post("/api/v1/groups").then(),
                "Idempotency-Key");
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        TestAccount owner = Api.register("idemf");
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = Groups.body("x", "PUBLIC");
        assertFieldError(Api.as(owner).header("Idempotency-Key", key).body(bad).post("/api/v1/groups").then(), "name");
        Map<String, Object> good = Groups.body("Fixed " + UUID.randomUUID(), "PUBLIC");
        Api.as(owner).header("Idempotency-Key", key).body(good).post("/api/v1/groups").then().statusCode(201);
    }
}
