package org.kindred.accounts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * "Last used" is a day (issue 17): the list shows {@code lastUsedOn} and the deprecated {@code lastUsedAt} only as
     * the start of that UTC day, the database keeps no finer time, and refreshing the same day writes nothing.
     */
    @Test
    void lastUseIsADayAndIsWrittenAtMostOnceADay() {
        TestAccount account = loginOn(Api.register("sessday"), "Phone");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String id = Api.as(account).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.find { it.current }.lastUsedOn", equalTo(today))
                .body("items.find { it.current }.lastUsedAt", equalTo(today + "T00:00:00Z")).extract()
                .path("items.find { it.current }.id");
        UUID session = UUID.fromString(id);
        assertEquals(1, Api.count("SELECT count(*) FROM auth_sessions WHERE id = ? AND last_used_at = "
                + "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", session),
                "the database keeps the day only");

        // Refreshing again the same day leaves the session's row alone: no write per use.
        long version = rowVersion(session);
        account = refresh(account);
        assertEquals(version, rowVersion(session), "a refresh on the same day does not write the session");

        // On a new day the first refresh moves the day on, once.
        Api.sql("UPDATE auth_sessions SET last_used_at = last_used_at - interval '3 days' WHERE id = ?", session);
        account = refresh(account);
        long moved = rowVersion(session);
        Api.as(account).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.find { it.current }.lastUsedOn", equalTo(today));
        account = refresh(account);
        assertEquals(moved, rowVersion(session), "the day is written once");
    }

    private static TestAccount refresh(TestAccount account) {
        var response = Api.anonymous().body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().response();
        return account.withTokens(response.path("accessToken"), response.path("refreshToken"));
    }

    /** The row's transaction id (xmin): changes exactly when the row is written. */
    private static long rowVersion(UUID session) {
        return Api.count("SELECT xmin::text::bigint FROM auth_sessions WHERE id = ?", session);
    }
}
