package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;
import org.kindred.support.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeTest {

    @Test
    void meIsPrivateAndNeverCached() {
        TestAccount account = Api.register("me");
        Api.as(account).get("/api/v1/me").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", "\"0\"")
                .body("email", equalTo(account.email()))
                .body("hiddenContentWarnings", equalTo(List.of()))
                .body("languages", equalTo(List.of()));
        assertProblem(Api.anonymous().get("/api/v1/me").then(), 401, "unauthenticated")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void mergePatchChangesOnlyWhatIsSentAndNullClears() {
        TestAccount account = Api.register("patch");
        Api.as(account).contentType("application/merge-patch+json")
                .body(Map.of("displayName", "Sam", "country", "IE", "languages", List.of("ga", "en"),
                        "hiddenContentWarnings", List.of("SELF_HARM", "SLURS_QUOTED", "SELF_HARM"), "birthYear", 1985))
                .patch("/api/v1/me").then().statusCode(200)
                .body("displayName", equalTo("Sam"))
                .body("country", equalTo("IE"))
                .body("languages", equalTo(List.of("ga", "en")))
                .body("hiddenContentWarnings", equalTo(List.of("SELF_HARM", "SLURS_QUOTED")));

        Map<String, Object> clear = new HashMap<>();
        clear.put("displayName", null);
        clear.put("birthYear", null);
        Api.as(account).body(clear).patch("/api/v1/me").then().statusCode(200)
                .body("displayName", nullValue())
                .body("birthYear", nullValue())
                .body("country", equalTo("IE"))
                .body("languages", equalTo(List.of("ga", "en")));
    }

    @Test
    void ifMatchProtectsAgainstLostUpdates() {
        TestAccount account = Api.register("etag");
        String etag = Api.as(account).get("/api/v1/me").then().extract().header("ETag");
        String next = Api.as(account).header("If-Match", etag).body(Map.of("displayName", "One")).patch("/api/v1/me")
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, next);
        assertProblem(
                Api.as(account).header("If-Match", etag).body(Map.of("displayName", "Two")).patch("/api/v1/me").then(),
                412, "precondition-failed");
        Api.as(account).get("/api/v1/me").then().body("displayName", equalTo("One"));
    }

    @Test
    void privilegedAndUnknownFieldsAreRefused() {
        TestAccount account = Api.register("mass");
        for (String field : List.of("roles", "handle", "status", "id", "email_verified", "passwordHash")) {
            Map<String, Object> body = new HashMap<>();
            body.put(field, field.equals("roles") ? List.of("admin") : "x");
            assertFieldError(Api.as(account).body(body).patch("/api/v1/me").then(), field);
        }
        Api.as(account).get("/api/v1/me").then().body("roles", equalTo(List.of("member")))
                .body("handle", equalTo(account.handle()));
    }

    @Test
    void badValuesAre400AndChangeNothing() {
        TestAccount account = Api.register("badme");
        assertFieldError(
                Api.as(account).body(Map.of("hiddenContentWarnings", List.of("NOT_A_WARNING"))).patch("/api/v1/me")
                        .then(),
                "hiddenContentWarnings[0]");
        assertFieldError(Api.as(account).body(Map.of("country", "Ireland")).patch("/api/v1/me").then(), "country");
        assertFieldError(Api.as(account).body(Map.of("displayName", "x".repeat(51))).patch("/api/v1/me").then(),
                "displayName");
        assertFieldError(Api.as(account).body(Map.of("birthYear", "nineteen")).patch("/api/v1/me").then(), "birthYear");
        Map<String, Object> nullList = new HashMap<>();
        nullList.put("languages", null);
        assertFieldError(Api.as(account).body(nullList).patch("/api/v1/me").then(), "languages");
        assertProblem(Api.as(account).body("{\"displayName\":").patch("/api/v1/me").then(), 400, "malformed-json");
        Api.as(account).get("/api/v1/me").then().header("ETag", "\"0\"");
    }

    @Test
    void changingEmailNeedsThePasswordAndTakesEffectFromTheMailedLink() {
        TestAccount account = Api.register("mail");
        TestAccount other = Api.register("mail");
        String newEmail = "new-" + account.email();
        assertFieldError(Api.as(account).body(Map.of("email", newEmail)).patch("/api/v1/me").then(), "currentPassword");
        assertProblem(Api.as(account).body(Map.of("email", newEmail, "currentPassword", "wrong-password"))
                .patch("/api/v1/me").then(), 403, "wrong-password");
        // An address with an account answers like any other: the response must not tell.
        Api.as(account).body(Map.of("email", other.email(), "currentPassword", account.password()))
                .patch("/api/v1/me").then().statusCode(200).body("email", equalTo(account.email()))
                .body("pendingEmail", equalTo(other.email()));
        Api.as(account).body(Map.of("email", newEmail.toUpperCase(), "currentPassword", account.password()))
                .patch("/api/v1/me").then().statusCode(200).body("email", equalTo(account.email()))
                .body("pendingEmail", equalTo(newEmail));
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE email = ?", newEmail));
        Api.anonymous().body(Map.of("token", TestMailServer.await(newEmail).token()))
                .post("/api/v1/auth/email-change/confirm").then().statusCode(204);
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE email = ?", newEmail));
    }
}
