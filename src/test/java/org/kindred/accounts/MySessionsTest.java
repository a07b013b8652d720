package org.kindred.accounts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MySessionsTest {

    private static TestAccount loginOn(TestAccount account, String device) {
        var response = Api.anonymous()
                .body(Map.of("email", account.email(), "password", account.password(), "deviceLabel", device))
                .post("/api/v1/auth/login").then().statusCode(200).extract().response();
        return account.withTokens(response.path("accessToken"), response.path("refreshToken"));
    }

    @Test
    void listsMyDevicesAndSignsOutALostOne() {
        TestAccount laptop = Api.register("sess");
        TestAccount phone = loginOn(laptop, "Phone");
        TestAccount tablet = loginOn(laptop, "Tablet");
        Api.as(phone).get("/api/v1/me/sessions").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items", hasSize(3)).body("nextCursor", nullValue())
                .body("items.deviceLabel", containsInAnyOrder(null, "Phone", "Tablet"))
                .body("items.findAll { it.current }.deviceLabel", contains("Phone"));
        String tabletId = Api.as(tablet).get("/api/v1/me/sessions").then().extract()
                .path("items.find { it.current }.id");

        Api.as(phone).delete("/api/v1/me/sessions/" + tabletId).then().statusCode(204);
        Api.as(tablet).get("/api/v1/me").then().statusCode(401);
        Api.anonymous().body(Map.of("refreshToken", tablet.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(401);
        Api.as(phone).get("/api/v1/me/sessions").then().body("items", hasSize(2));
        // Already ended: 404, like anyone else's.
        assertProblem(Api.as(phone).delete("/api/v1/me/sessions/" + tabletId).then(), 404, "not-found");

        Api.as(phone).delete("/api/v1/me/sessions").then().statusCode(204);
        Api.as(laptop).get("/api/v1/me").then().statusCode(401);
        Api.as(phone).get("/api/v1/me/sessions").then().body("items", hasSize(1))
                .body("items[0].current", equalTo(true)).body("items[0].deviceLabel", equalTo("Phone"));
    }

    @Test
    void anotherMembersSessionIs404AndStaysSignedIn() {
        TestAccount mine = Api.register("sessa");
        TestAccount theirs = Api.register("sessb");
        String theirId = Api.as(theirs).get("/api/v1/me/sessions").then().extract().path("items[0].id");
        assertProblem(Api.as(mine).delete("/api/v1/me/sessions/" + theirId).then(), 404, "not-found");
        assertProblem(Api.as(mine).delete("/api/v1/me/sessions/" + UUID.randomUUID()).then(), 404, "not-found");
        Api.as(theirs).get("/api/v1/me").then().statusCode(200);
        assertFieldError(Api.as(mine).delete("/api/v1/me/sessions/not-a-uuid").then(), "sessionId");
        Api.anonymous().get("/api/v1/me/sessions").then().statusCode(401);
    }

    @Test
    void aDeviceLabelIsCheckedAtSignIn() {
        TestAccount account = Api.register("sessl");
        assertFieldError(Api.anonymous().body(Map.of("email", account.email(), "password", account.password(),
                "deviceLabel", "x".repeat(65))).post("/api/v1/auth/login").then(), "deviceLabel");
        assertFieldError(Api.anonymous().body(Map.of("email", account.email(), "password", account.password(),
                "deviceLabel", "bell\u0007")).post("/api/v1/auth/login").then(), "deviceLabel");
        assertFieldError(Api.anonymous().body(Map.of("email", account.email(), "password", account.password(),
                "deviceLabel", java.util.List.of("a"))).post("/api/v1/auth/login").then(), "deviceLabel");
    }
}
