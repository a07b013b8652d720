package org.kindred.accounts;

import static io.restassured.RestAssured.given;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.support.Api;
import org.kindred.support.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class RegistrationTest {

    @Test
    void registersFromTheMailedLinkSignsInAndNormalises() {
        String handle = Api.uniqueHandle("reg");
        Map<String, Object> body = new HashMap<>(Api.registration(handle));
        body.put("email", handle.toUpperCase() + "@Example.ORG");
        body.put("displayName", "Amara");
        body.put("country", "GB");
        body.put("languages", List.of("en", "PT-br"));
        body.put("birthYear", 1990);

        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/register").then()
                .statusCode(202)
                .header("Cache-Control", "no-store")
                .body("message", equalTo("Check your inbox: we sent a link to confirm your account."))
                .body("linkExpiresAt", notNullValue());
        // Nothing exists until the link is followed.
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", handle));
        TestMailServer.Mail mail = TestMailServer.await(handle + "@example.org");
        assertEquals("Confirm your new account", mail.subject());
        org.junit.jupiter.api.Assertions.assertTrue(
                mail.text().contains("http://localhost:3000/account/confirm-registration?token=krg_"), mail.text());

        String access = given().contentType(ContentType.JSON).body(Map.of("token", mail.token()))
                .post("/api/v1/auth/register/confirm").then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("account.email", equalTo(handle + "@example.org"))
                .body("account.emailVerified", equalTo(true))
                .body("account.pendingEmail", nullValue())
                .body("account.handle", equalTo(handle))
                .body("account.displayName", equalTo("Amara"))
                .body("account.country", equalTo("GB"))
                .body("account.birthYear", equalTo(1990))
                .body("account.languages", equalTo(List.of("en", "pt-BR")))
                .body("account.roles", equalTo(List.of("member")))
                .body("account.guidelinesVersion", equalTo(1))
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(600))
                .body("refreshToken", startsWith("krt_"))
                .extract().path("accessToken");

        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("handle", equalTo(handle));
        assertEquals(1, Api.count("SELECT count(*) FROM consents c JOIN accounts a ON a.id = c.account_id "
                + "WHERE a.handle = ? AND c.kind = 'COMMUNITY_GUIDELINES' AND c.version = 1", handle));
        assertEquals(0,
                Api.count("SELECT count(*) FROM accounts WHERE handle = ? AND password_hash NOT LIKE '$argon2id$%'",
                        handle),
                "passwords are stored as Argon2id hashes");
        assertEquals(0, Api.count("SELECT count(*) FROM pending_registrations WHERE handle = ?", handle));
        // The link works once.
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("token", mail.token()))
                .post("/api/v1/auth/register/confirm").then(), 400, "invalid-link");
    }

    @Test
    void anAddressWithAnAccountGetsTheSameAnswerAndItsOwnerANotice() {
        var existing = Api.register("dup");
        Map<String, Object> sameEmail = new HashMap<>(Api.registration(Api.uniqueHandle("dup")));
        sameEmail.put("email", existing.email().toUpperCase());
        Response answer = Api.anonymous().body(sameEmail).post("/api/v1/auth/register").then().statusCode(202)
                .extract().response();
        Response fresh = Api.anonymous().body(Api.registration(Api.uniqueHandle("dup"))).post("/api/v1/auth/register")
                .then().statusCode(202).extract().response();
        assertEquals(fresh.jsonPath().getMap("").keySet(), answer.jsonPath().getMap("").keySet());
        assertEquals(fresh.path("message"), (String) answer.path("message"));

        TestMailServer.Mail notice = TestMailServer.awaitNth(existing.email(), 2);
        assertEquals("Someone tried to create an account with your address", notice.subject());
        org.junit.jupiter.api.Assertions.assertFalse(notice.hasLink(), "the notice carries no registration link");
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE email = ?", existing.email()));
    }

    @Test
    void aTakenHandleIs409BecauseHandlesArePublic() {
        var existing = Api.register("duph");
        Map<String, Object> sameHandle = new HashMap<>(Api.registration(Api.uniqueHandle("duph")));
        sameHandle.put("handle", existing.handle());
        assertProblem(Api.anonymous().body(sameHandle).post("/api/v1/auth/register").then(), 409, "duplicate")
                .body("errors.field", hasItem("handle"))
                .body("errors.field", not(hasItem("email")))
                .body(not(org.hamcrest.Matchers.containsString(existing.id().toString())));
    }

    @Test
    void aHandleTakenWhileTheLinkWaitedIs409AtConfirmation() {
        String handle = Api.uniqueHandle("race");
        Map<String, Object> first = new HashMap<>(Api.registration(handle));
        Api.anonymous().body(first).post("/api/v1/auth/register").then().statusCode(202);
        Map<String, Object> second = new HashMap<>(Api.registration(handle));
        second.put("email", "other-" + Api.uniqueEmail(handle));
        Api.anonymous().body(second).post("/api/v1/auth/register").then().statusCode(202);
        Api.anonymous().body(Map.of("token", TestMailServer.await("other-" + Api.uniqueEmail(handle)).token()))
                .post("/api/v1/auth/register/confirm").then().statusCode(201);
        assertProblem(Api.anonymous().body(Map.of("token", TestMailServer.await(Api.uniqueEmail(handle)).token()))
                .post("/api/v1/auth/register/confirm").then(), 409, "duplicate")
                .body("errors.field", hasItem("handle"));
    }

    @Test
    void confirmationRefusesUnknownMalformedAndOversizedTokens() {
        assertProblem(Api.anonymous().body(Map.of("token", "krg_" + "A".repeat(43)))
                .post("/api/v1/auth/register/confirm").then(), 400, "invalid-link");
        assertFieldError(Api.anonymous().body(Map.of("token", "x".repeat(101)))
                .post("/api/v1/auth/register/confirm").then(), "token");
        assertFieldError(Api.anonymous().body(Map.of("token", "krg_x", "extra", 1))
                .post("/api/v1/auth/register/confirm").then(), "extra");
        assertFieldError(Api.anonymous().body(Map.of("token", List.of(1, 2)))
                .post("/api/v1/auth/register/confirm").then(), "token");
        assertProblem(Api.anonymous().body("{\"token\": ").post("/api/v1/auth/register/confirm").then(), 400,
                "malformed-json");
    }

    @Test
    void outdatedGuidelinesAre409WithTheCurrentVersion() {
        Map<String, Object> body = new HashMap<>(Api.registration(Api.uniqueHandle("gl")));
        body.put("acceptGuidelinesVersion", 0);
        assertProblem(Api.anonymous().body(body).post("/api/v1/auth/register").then(), 409, "guidelines-outdated")
                .body("currentGuidelinesVersion", equalTo(1));
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("email", "not-an-email"),
                Arguments.of("email", "a".repeat(250) + "@x.org"),
                Arguments.of("email", 42),
                Arguments.of("password", "short"),
                Arguments.of("password", "password1234"),
                Arguments.of("password", "x".repeat(129)),
                Arguments.of("handle", "Upper_Case"),
                Arguments.of("handle", "ab"),
                Arguments.of("handle", "a".repeat(31)),
                Arguments.of("handle", "admin"),
                Arguments.of("displayName", "x".repeat(51)),
                Arguments.of("displayName", "bell\u0007"),
                Arguments.of("country", "XX"),
                Arguments.of("country", "gb"),
                Arguments.of("languages", List.of("english")),
                Arguments.of("languages", "en"),
                Arguments.of("languages", List.of("en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "fi")),
                Arguments.of("acceptGuidelinesVersion", "one"),
                Arguments.of("acceptGuidelinesVersion", null),
                Arguments.of("birthYear", java.time.Year.now().getValue() - 10),
                Arguments.of("birthYear", "1990"),
                Arguments.of("isAdmin", true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRegistrations")
    void badInputIs400AndWritesNothing(String field, Object value) {
        String handle = Api.uniqueHandle("bad");
        Map<String, Object> body = new HashMap<>(Api.registration(handle));
        body.put(field, value);
        String expectedField = field.equals("languages") && value instanceof List<?> list && list.size() == 1
                ? "languages[0]"
                : field;
        assertFieldError(Api.anonymous().body(body).post("/api/v1/auth/register").then(), expectedField);
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE email = ? OR handle = ?",
                Api.uniqueEmail(handle), handle));
        assertEquals(0, Api.count("SELECT count(*) FROM pending_registrations WHERE email = ? OR handle = ?",
                Api.uniqueEmail(handle), handle));
    }

    @Test
    void malformedJsonAndMissingBodyAre400() {
        assertProblem(Api.anonymous().body("{\"email\": ").post("/api/v1/auth/register").then(), 400, "malformed-json");
        assertFieldError(Api.anonymous().post("/api/v1/auth/register").then(), "body");
        assertFieldError(Api.anonymous().body(Map.of("email", "x@example.org")).post("/api/v1/auth/register").then(),
                "handle");
    }

    @Test
    void guidelinesArePublicAndCacheable() {
        given().get("/api/v1/guidelines").then().statusCode(200)
                .header("Cache-Control", "public, max-age=3600")
                .header("ETag", notNullValue())
                .body("version", equalTo(1))
                .body("text", org.hamcrest.Matchers.containsString("16 or older"));
    }
}
