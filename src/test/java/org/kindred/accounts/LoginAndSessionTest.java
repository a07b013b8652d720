package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class LoginAndSessionTest {

    @Test
    void loginIssuesAWorkingTokenPair() {
        TestAccount account = Api.login(Api.register("login"));
        Api.as(account).get("/api/v1/me").then().statusCode(200).body("id", equalTo(account.id().toString()));
    }

    @Test
    void unknownEmailAndWrongPasswordLookTheSameAndBothVerifyAHash() {
        TestAccount account = Api.register("same");
        double before = verifyCount();
        String wrongPassword = Api.anonymous().body(Map.of("email", account.email(), "password", "not-the-password"))
                .post("/api/v1/auth/login").then().statusCode(401).extract().asString();
        String unknownEmail = Api.anonymous()
                .body(Map.of("email", "nobody-" + account.email(), "password", "not-the-password"))
                .post("/api/v1/auth/login").then().statusCode(401).extract().asString();
        assertEquals(wrongPassword, unknownEmail, "the two failures must be indistinguishable");
        assertEquals(before + 2, verifyCount(), 0.0,
                "both paths run one Argon2id verification, so they take similar time");
    }

    @Test
    void loginValidatesItsBody() {
        assertFieldError(Api.anonymous().body(Map.of("email", "x@example.org")).post("/api/v1/auth/login").then(),
                "password");
        assertFieldError(Api.anonymous().body(Map.of("email", true, "password", "x")).post("/api/v1/auth/login").then(),
                "email");
        assertProblem(RestAssured.given().contentType("text/plain").body("hello").post("/api/v1/auth/login").then(),
                415,
                "unsupported-media-type");
    }

    @Test
    void refreshRotatesAndReuseSignsTheSessionOut() {
        TestAccount account = Api.register("rot");
        Response first = Api.anonymous().body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then().statusCode(200).body("refreshToken", startsWith("krt_"))
                .body("refreshToken", not(equalTo(account.refreshToken()))).extract().response();
        TestAccount rotated = account.withTokens(first.path("accessToken"), first.path("refreshToken"));
        Api.as(rotated).get("/api/v1/me").then().statusCode(200);

        // The old token again: theft is assumed, the whole session ends, including the newest tokens.
        assertProblem(Api.anonymous().body(Map.of("refreshToken", account.refreshToken())).post("/api/v1/auth/refresh")
                .then(), 401, "refresh-token-reused");
        assertProblem(Api.anonymous().body(Map.of("refreshToken", rotated.refreshToken())).post("/api/v1/auth/refresh")
                .then(), 401, "invalid-refresh-token");
        assertProblem(Api.as(rotated).get("/api/v1/me").then(), 401, "invalid-token");
        assertEquals(1, Api.count(
                "SELECT count(*) FROM auth_sessions WHERE account_id = ? AND revoke_reason = 'REFRESH_TOKEN_REUSE'",
                account.id()));
    }

    @Test
    void unknownRefreshTokenIs401AndBadBodyIs400() {
        assertProblem(Api.anonymous().body(Map.of("refreshToken", "krt_nope")).post("/api/v1/auth/refresh").then(), 401,
                "invalid-refresh-token");
        assertFieldError(Api.anonymous().body(Map.of("refreshToken", "")).post("/api/v1/auth/refresh").then(),
                "refreshToken");
        assertFieldError(
                Api.anonymous().body(Map.of("refreshToken", "x".repeat(101))).post("/api/v1/auth/refresh").then(),
                "refreshToken");
    }

    @Test
    void logoutEndsThisSessionAtOnceAndOnlyThisOne() {
        TestAccount first = Api.register("out");
        TestAccount second = Api.login(first);
        Api.as(first).post("/api/v1/auth/logout").then().statusCode(204);
        assertProblem(Api.as(first).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(
                Api.anonymous().body(Map.of("refreshToken", first.refreshToken())).post("/api/v1/auth/refresh").then(),
                401, "invalid-refresh-token");
        Api.as(second).get("/api/v1/me").then().statusCode(200);
        assertProblem(Api.anonymous().post("/api/v1/auth/logout").then(), 401, "unauthenticated");
    }

    @Test
    void passwordChangeSignsOutEveryOtherSession() {
        TestAccount current = Api.register("pw");
        TestAccount other = Api.login(current);
        String newPassword = "saffron-glacier-orbit-lantern-7";

        assertProblem(Api.as(current).body(Map.of("currentPassword", "wrong-password-x", "newPassword", newPassword))
                .put("/api/v1/me/password").then(), 403, "wrong-password");
        assertFieldError(
                Api.as(current).body(Map.of("currentPassword", current.password(), "newPassword", "qwertyuiop123"))
                        .put("/api/v1/me/password").then(),
                "newPassword");
        assertFieldError(Api.as(current).body(Map.of("currentPassword", current.password(), "newPassword",
                current.handle() + "-2024")).put("/api/v1/me/password").then(), "newPassword");
        Api.as(other).get("/api/v1/me").then().statusCode(200);

        Api.as(current).body(Map.of("currentPassword", current.password(), "newPassword", newPassword))
                .put("/api/v1/me/password").then().statusCode(204);

        Api.as(current).get("/api/v1/me").then().statusCode(200);
        assertProblem(Api.as(other).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(
                Api.anonymous().body(Map.of("refreshToken", other.refreshToken())).post("/api/v1/auth/refresh").then(),
                401, "invalid-refresh-token");
        Api.anonymous().body(Map.of("email", current.email(), "password", current.password()))
                .post("/api/v1/auth/login")
                .then().statusCode(401);
        Api.anonymous().body(Map.of("email", current.email(), "password", newPassword)).post("/api/v1/auth/login")
                .then().statusCode(200);
    }

    private static double verifyCount() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^kindred_password_verify_seconds_count(?:\\{[^}]*\\})? ([0-9.E+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
