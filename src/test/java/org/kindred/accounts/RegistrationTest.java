package org.kindred.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RegistrationTest {

    @Test
    void registersSignsInAndNormalises() {
        String handle = Api.uniqueHandle("reg");
        Map<String, Object> body = new HashMap<>(Api.registration(handle));
        body.put("email", handle.toUpperCase() + "@Example.ORG");
        body.put("displayName", "Amara");
        body.put("country", "GB");
        body.put("languages", List.of("en", "PT-br"));
        body.put("birthYear", 1990);

        String access = given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/register").then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("account.email", equalTo(handle + "@example.org"))
                .body("account.handle", equalTo(handle))
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
    }

    @Test
    void duplicateEmailOrHandleIs409() {
        var existing = Api.register("dup");
        Map<String, Object> sameEmail = new HashMap<>(Api.registration(Api.uniqueHandle("dup")));
        sameEmail.put("email", existing.email().toUpperCase());
        assertProblem(Api.anonymous().body(sameEmail).post("/api/v1/auth/register").then(), 409, "duplicate")
                .body("errors.field", hasItem("email"));

        Map<String, Object> sameHandle = new HashMap<>(Api.registration(Api.uniqueHandle("dup")));
        sameHandle.put("handle", existing.handle());
        assertProblem(Api.anonymous().body(sameHandle).post("/api/v1/auth/register").then(), 409, "duplicate")
                .body("errors.field", hasItem("handle"))
                .body(not(org.hamcrest.Matchers.containsString(existing.id().toString())));
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
