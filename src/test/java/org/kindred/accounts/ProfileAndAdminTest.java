package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProfileAndAdminTest {

    @Test
    void publicProfileShowsOnlyPublicFields() {
        TestAccount viewer = Api.register("viewer");
        TestAccount member = Api.register("shown");
        Api.as(member).body(Map.of("displayName", "Shown", "country", "FR", "birthYear", 1980)).patch("/api/v1/me")
                .then()
                .statusCode(200);
        Api.as(viewer).get("/api/v1/accounts/" + member.handle()).then().statusCode(200)
                .body("handle", equalTo(member.handle()))
                .body("displayName", equalTo("Shown"))
                .body("professional", equalTo(false))
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("country")))
                .body("$", not(hasKey("birthYear")))
                .body("$", not(hasKey("id")))
                .body(not(org.hamcrest.Matchers.containsString(member.email())));
    }

    @Test
    void profileNeedsATokenAndUnknownHandlesAre404() {
        TestAccount viewer = Api.register("viewer");
        assertProblem(Api.anonymous().get("/api/v1/accounts/" + viewer.handle()).then(), 401, "unauthenticated");
        assertProblem(Api.as(viewer).get("/api/v1/accounts/no_such_member_here").then(), 404, "not-found");
    }

    @Test
    void adminGrantsProfessionalBadge() {
        TestAccount admin = Api.admin();
        TestAccount counsellor = Api.register("pro");
        Api.as(admin).body(Map.of("roles", List.of("professional"))).patch("/api/v1/admin/accounts/" + counsellor.id())
                .then().statusCode(200).body("roles", equalTo(List.of("member", "professional")));
        Api.as(admin).get("/api/v1/accounts/" + counsellor.handle()).then().body("professional", equalTo(true));
        // Roles are read from the database on each request: the existing token already carries the new role.
        Api.as(counsellor).get("/api/v1/me").then().body("roles", equalTo(List.of("member", "professional")));
    }

    @Test
    void suspensionStopsTokensAtOnceAndBlocksSignIn() {
        TestAccount admin = Api.admin();
        TestAccount member = Api.register("susp");
        Api.as(member).get("/api/v1/me").then().statusCode(200);
        Api.as(admin).body(Map.of("status", "SUSPENDED", "reason", "harassment"))
                .patch("/api/v1/admin/accounts/" + member.id())
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertProblem(Api.as(member).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(Api.anonymous().body(Map.of("email", member.email(), "password", member.password()))
                .post("/api/v1/auth/login").then(), 403, "account-suspended");
        assertProblem(Api.as(admin).get("/api/v1/accounts/" + member.handle()).then(), 404, "not-found");

        Api.as(admin).body(Map.of("status", "ACTIVE")).patch("/api/v1/admin/accounts/" + member.id()).then()
                .statusCode(200);
        Api.login(member);
    }

    @Test
    void adminEndpointIsForAdminsOnly() {
        TestAccount member = Api.register("notadmin");
        TestAccount admin = Api.admin();
        assertProblem(
                Api.as(member).body(Map.of("roles", List.of("admin"))).patch("/api/v1/admin/accounts/" + member.id())
                        .then(),
                403, "forbidden");
        Api.as(member).get("/api/v1/me").then().body("roles", equalTo(List.of("member")));
        assertProblem(Api.anonymous().body(Map.of()).patch("/api/v1/admin/accounts/" + member.id()).then(), 401,
                "unauthenticated");
        assertProblem(
                Api.as(admin).body(Map.of("status", "ACTIVE")).patch("/api/v1/admin/accounts/" + UUID.randomUUID())
                        .then(),
                404, "not-found");
        assertFieldError(
                Api.as(admin).body(Map.of("roles", List.of("superuser"))).patch("/api/v1/admin/accounts/" + member.id())
                        .then(),
                "roles[0]");
        assertFieldError(Api.as(admin).body(Map.of("status", "DELETED")).patch("/api/v1/admin/accounts/" + member.id())
                .then(), "status");
        assertFieldError(
                Api.as(admin).body(Map.of("reason", "x".repeat(501))).patch("/api/v1/admin/accounts/" + member.id())
                        .then(),
                "reason");
    }
}
