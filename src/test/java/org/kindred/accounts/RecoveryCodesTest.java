package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;
import org.kindred.support.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Recovery codes: shown once, stored hashed, each sets a new password once, and failures all look alike. */
@QuarkusTest
class RecoveryCodesTest {

    private static final String CODES = "/api/v1/me/recovery-codes";
    private static final String REDEEM = "/api/v1/auth/recovery-codes/redeem";
    private static final String NEW_PASSWORD = "harbour-lilac-quartz-marble-17";

    private static List<String> generate(TestAccount account) {
        Response created = Api.as(account).body(Map.of("currentPassword", account.password())).post(CODES).then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(CODES))
                .header("Cache-Control", "no-store").body("generatedAt", notNullValue()).extract().response();
        return created.jsonPath().getList("codes", String.class);
    }

    private static Response redeem(String handle, String code, String password) {
        return Api.anonymous().body(Map.of("handle", handle, "code", code, "newPassword", password)).post(REDEEM)
                .then().extract().response();
    }

    @Test
    void aCodeSetsANewPasswordOnceAndSignsEveryDeviceOut() {
        TestAccount account = Api.register("rcok");
        TestAccount phone = Api.login(account);
        List<String> codes = generate(account);
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(c -> assertTrue(c.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"),
                c));
        // Only SHA-256 hashes are stored (the table has no column that could hold a code).
        assertEquals(10,
                Api.count("SELECT count(*) FROM recovery_codes WHERE account_id = ? AND length(code_hash) = 32",
                        account.id()));
        assertEquals(1, Api.count("SELECT count(*) FROM recovery_codes WHERE account_id = ? AND code_hash = "
                + "sha256(convert_to(replace(?, '-', ''), 'UTF8'))", account.id(), codes.get(0)));
        Api.as(account).get(CODES).then().statusCode(200).body("remaining", equalTo(10))
                .body("generatedAt", notNullValue()).body("codes", nullValue());

        // Typed as someone reads it from paper: upper case, spaces for hyphens, an O for a 0 and an I for a 1.
        String typed = codes.get(3).toUpperCase(Locale.ROOT).replace('-', ' ').replace('0', 'O').replace('1', 'I');
        assertEquals(204, redeem(account.handle().toUpperCase(Locale.ROOT), typed, NEW_PASSWORD).statusCode());

        assertProblem(Api.as(account).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(Api.as(phone).get("/api/v1/me").then(), 401, "invalid-token");
        Api.anonymous().body(Map.of("email", account.email(), "password", account.password()))
                .post("/api/v1/auth/login").then().statusCode(401);
        TestAccount renewed = Api.login(new TestAccount(account.id(), account.email(), account.handle(), NEW_PASSWORD,
                null, null));
        Api.as(renewed).get(CODES).then().statusCode(200).body("remaining", equalTo(9));
        assertEquals("A recovery code was used on your account", TestMailServer.awaitNth(account.email(), 2).subject());

        assertProblem(redeem(account.handle(), codes.get(3), "another-fine-passphrase-23").then(), 400, "invalid-code");
        Api.anonymous().body(Map.of("email", account.email(), "password", NEW_PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200);
    }

    @Test
    void aWrongCodeAUsedCodeAndAnUnknownHandleAnswerAlike() {
        TestAccount account = Api.register("rcsame");
        TestAccount other = Api.register("rcother");
        List<String> codes = generate(account);
        List<String> theirs = generate(other);
        assertEquals(204, redeem(account.handle(), codes.get(0), NEW_PASSWORD).statusCode());

        List<Response> failures = List.of(redeem(account.handle(), "2222-3333-4444", NEW_PASSWORD),
                redeem(account.handle(), codes.get(0), NEW_PASSWORD),
                redeem(Api.uniqueHandle("nobody"), codes.get(1), NEW_PASSWORD),
                redeem(account.handle(), theirs.get(0), NEW_PASSWORD),
                redeem(account.handle(), "not a code at all", NEW_PASSWORD));
        String first = failures.get(0).asString();
        for (Response failure : failures) {
            assertProblem(failure.then(), 400, "invalid-code");
            assertEquals(first, failure.asString());
        }
        // Another account's code did not get used up by being tried against this one.
        Api.login(other);
        assertEquals(204, redeem(other.handle(), theirs.get(0), NEW_PASSWORD).statusCode());
    }

    @Test
    void aRefusedPasswordLeavesTheCodeUsableAndANewSetReplacesTheOld() {
        TestAccount account = Api.register("rcweak");
        List<String> old = generate(account);
        List<String> codes = generate(account);
        Api.as(account).get(CODES).then().body("remaining", equalTo(10));
        assertProblem(redeem(account.handle(), old.get(0), NEW_PASSWORD).then(), 400, "invalid-code");

        assertFieldError(redeem(account.handle(), codes.get(0), "password123").then(), "newPassword");
        assertFieldError(redeem(account.handle(), codes.get(0), account.handle() + "2024").then(), "newPassword");
        assertEquals(204, redeem(account.handle(), codes.get(0), NEW_PASSWORD).statusCode());
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        TestAccount account = Api.register("rcbad");
        assertProblem(Api.as(account).body(Map.of("currentPassword", "not-my-password-at-all")).post(CODES).then(),
                403, "wrong-password");
        assertFieldError(Api.as(account).body(Map.of()).post(CODES).then(), "currentPassword");
        assertFieldError(Api.as(account).body(Map.of("currentPassword", "a".repeat(129))).post(CODES).then(),
                "currentPassword");
        assertProblem(Api.as(account).body("{\"currentPassword\": ").post(CODES).then(), 400, "malformed-json");
        assertProblem(Api.as(account).body(Map.of("currentPassword", 42)).post(CODES).then(), 400, "validation");
        assertProblem(Api.anonymous().get(CODES).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().body(Map.of("currentPassword", Api.PASSWORD)).post(CODES).then(), 401,
                "unauthenticated");
        Api.as(account).get(CODES).then().statusCode(200).body("remaining", equalTo(0))
                .body("generatedAt", nullValue());

        assertFieldError(Api.anonymous().body(Map.of("handle", account.handle(), "code", "x".repeat(41),
                "newPassword", NEW_PASSWORD)).post(REDEEM).then(), "code");
        assertFieldError(Api.anonymous().body(Map.of("handle", account.handle(), "newPassword", NEW_PASSWORD))
                .post(REDEEM).then(), "code");
        assertFieldError(Api.anonymous().body(Map.of("handle", "h".repeat(31), "code", "2222-3333-4444",
                "newPassword", NEW_PASSWORD)).post(REDEEM).then(), "handle");
        assertProblem(Api.anonymous().body("{\"handle\": ").post(REDEEM).then(), 400, "malformed-json");
        Api.anonymous().body(Map.of("email", account.email(), "password", account.password()))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void theExportShowsCountsOnlyAndErasureRemovesTheCodes() {
        TestAccount account = Api.register("rcexp");
        List<String> codes = generate(account);
        assertEquals(204, redeem(account.handle(), codes.get(9), NEW_PASSWORD).statusCode());
        TestAccount renewed = Api.login(new TestAccount(account.id(), account.email(), account.handle(), NEW_PASSWORD,
                null, null));
        String export = Api.as(renewed).get("/api/v1/me/export").then().statusCode(200)
                .body("recoveryCodes", hasSize(1)).body("recoveryCodes[0].remaining", equalTo(9))
                .body("recoveryCodes[0].used", equalTo(1)).body("recoveryCodes[0].generatedAt", notNullValue())
                .extract().asString();
        for (String code : codes) {
            assertFalse(export.contains(code));
        }
        assertFalse(export.contains("codeHash") || export.contains("code_hash"));
        Api.as(Api.register("rcnone")).get("/api/v1/me/export").then().body("recoveryCodes", hasSize(0));

        Api.as(renewed).body(Map.of("password", NEW_PASSWORD, "removeContent", false)).delete("/api/v1/me").then()
                .statusCode(204);
        assertEquals(0, Api.count("SELECT count(*) FROM recovery_codes WHERE account_id = ?", account.id()));
        assertProblem(redeem(account.handle(), codes.get(0), NEW_PASSWORD).then(), 400, "invalid-code");
        Api.anonymous().get(CODES).then().statusCode(not(equalTo(200)));
    }
}
