package org.kindred.accounts;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.support.Api;
import org.kindred.support.SqlStatements;
import org.kindred.support.TestAccount;
import org.kindred.support.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Joining without an e-mail address (issue 17): the account exists at once, signs in by handle, and its recovery codes
 * are its way back; an address can be added later through the usual change flow.
 */
@QuarkusTest
class RegistrationWithoutEmailTest {

    private static final String REGISTER = "/api/v1/auth/register/without-email";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String NEW_PASSWORD = "harbour-lilac-quartz-marble-17";
    private static final String CODE = "[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}";

    private static Response join(Map<String, Object> body) {
        return Api.anonymous().body(body).post(REGISTER).then().extract().response();
    }

    private static Response login(Map<String, Object> body) {
        return Api.anonymous().body(body).post(LOGIN).then().extract().response();
    }

    @Test
    void joinsAtOnceWithTenCodesShownOnceAndWorkingTokens() {
        String handle = Api.uniqueHandle("noe");
        Map<String, Object> body = new HashMap<>(Api.registrationWithoutEmail(handle));
        body.put("displayName", "  River  ");
        body.put("country", "GB");
        body.put("languages", List.of("EN", "pt-br"));
        body.put("birthYear", 1994);
        Response created = join(body);
        created.then().statusCode(201).header("Location", endsWith("/api/v1/me")).header("Cache-Control", "no-store")
                .body("account.email", nullValue()).body("account.emailVerified", equalTo(false))
                .body("account.handle", equalTo(handle)).body("account.displayName", equalTo("River"))
                .body("account.languages", equalTo(List.of("en", "pt-BR"))).body("account.pendingEmail", nullValue())
                .body("tokenType", equalTo("Bearer")).body("recoveryCodes.codes", hasSize(10))
                .body("recoveryCodes.generatedAt", notNullValue());
        List<String> codes = created.jsonPath().getList("recoveryCodes.codes", String.class);
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches(CODE), code));
        TestAccount account = new TestAccount(java.util.UUID.fromString(created.path("account.id")), null, handle,
                Api.PASSWORD, created.path("accessToken"), created.path("refreshToken"));

        // Only hashes are kept, like every other set; the guidelines consent is recorded as for any registration.
        assertEquals(10, Api.count(
                "SELECT count(*) FROM recovery_codes WHERE account_id = ? AND length(code_hash) = 32", account.id()));
        assertEquals(1,
                Api.count("SELECT count(*) FROM consents WHERE account_id = ? AND kind = 'COMMUNITY_GUIDELINES'",
                        account.id()));
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE id = ? AND email IS NULL", account.id()));

        Api.as(account).get("/api/v1/me").then().statusCode(200).body("email", nullValue())
                .body("emailVerified", equalTo(false)).body("handle", equalTo(handle));
        Api.as(account).get("/api/v1/me/recovery-codes").then().statusCode(200).body("remaining", equalTo(10));
        Api.anonymous().body(Map.of("refreshToken", account.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(200);
    }

    @Test
    void aCodeSetsANewPasswordAndEverySessionEnds() {
        Response created = join(Api.registrationWithoutEmail(Api.uniqueHandle("noecode")));
        String handle = created.path("account.handle");
        TestAccount account = new TestAccount(java.util.UUID.fromString(created.path("account.id")), null, handle,
                Api.PASSWORD, created.path("accessToken"), created.path("refreshToken"));
        TestAccount phone = Api.login(account);
        String code = created.jsonPath().getList("recoveryCodes.codes", String.class).get(0);

        Api.anonymous().body(Map.of("handle", handle, "code", code, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/recovery-codes/redeem").then().statusCode(204);

        assertProblem(Api.as(account).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(Api.as(phone).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(login(Map.of("handle", handle, "password", Api.PASSWORD)).then(), 401, "invalid-credentials");
        TestAccount renewed = Api.login(new TestAccount(account.id(), null, handle, NEW_PASSWORD, null, null));
        Api.as(renewed).get("/api/v1/me/recovery-codes").then().statusCode(200).body("remaining", equalTo(9));
        assertProblem(
                Api.anonymous().body(Map.of("handle", handle, "code", code, "newPassword", "another-fine-pass-23"))
                        .post("/api/v1/auth/recovery-codes/redeem").then(),
                400, "invalid-code");
    }

    @Test
    void anyMemberSignsInByHandleInAnyCase() {
        TestAccount withEmail = Api.register("byhandle");
        login(Map.of("handle", withEmail.handle().toUpperCase(Locale.ROOT), "password", withEmail.password(),
                "deviceLabel", "Phone")).then().statusCode(200).body("tokenType", equalTo("Bearer"));
        TestAccount without = Api.registerWithoutEmail("byhandle2");
        TestAccount signedIn = Api.login(without);
        Api.as(signedIn).get("/api/v1/me").then().statusCode(200).body("id", equalTo(without.id().toString()));
    }

    @Test
    void bothOrNeitherOfEmailAndHandleIs400() {
        TestAccount account = Api.register("both");
        Response both = login(Map.of("email", account.email(), "handle", account.handle(), "password",
                account.password()));
        assertFieldError(both.then(), "email").body("errors.field", hasItems("email", "handle"));
        assertFieldError(login(Map.of("password", account.password())).then(), "handle");
        assertFieldError(login(Map.of("handle", " ", "password", account.password())).then(), "handle");
        assertFieldError(login(Map.of("email", "", "password", account.password())).then(), "email");
        assertFieldError(login(Map.of("handle", "a".repeat(31), "password", account.password())).then(), "handle");
        assertFieldError(login(Map.of("handle", true, "password", account.password())).then(), "handle");
        assertFieldError(login(Map.of("handle", account.handle())).then(), "password");
        assertProblem(Api.anonymous().body("{\"handle\": ").post(LOGIN).then(), 400, "malformed-json");
        assertEquals(1, Api.count("SELECT count(*) FROM auth_sessions WHERE account_id = ?", account.id()),
                "none of these opened a session");
    }

    /**
     * An unknown handle answers exactly like a wrong password, after the same statements and one Argon2id check: the
     * answer never tells whether a handle has an account beyond what the public profile already says.
     */
    @Test
    void anUnknownHandleAnswersLikeAWrongPasswordAfterTheSameWork() {
        TestAccount account = Api.registerWithoutEmail("samehandle");
        String nobody = Api.uniqueHandle("nobody");
        login(Map.of("handle", nobody, "password", "warm-up-request-1")); // first-request lookups out of the way
        double before = verifyCount();
        SqlStatements.start();
        Response wrongPassword = login(Map.of("handle", account.handle(), "password", "not-the-password"));
        List<String> known = SqlStatements.stop();
        SqlStatements.start();
        Response unknown = login(Map.of("handle", nobody, "password", "not-the-password"));
        List<String> unknownStatements = SqlStatements.stop();
        assertProblem(wrongPassword.then(), 401, "invalid-credentials");
        assertEquals(wrongPassword.asString(), unknown.asString(), "the two failures must be indistinguishable");
        assertEquals(known, unknownStatements);
        assertEquals(before + 2, verifyCount(), 0.0, "both paths run one Argon2id verification");
        // An e-mail nobody has is answered the same way as before.
        assertProblem(login(Map.of("email", "nobody-" + nobody + "@example.org", "password", "x")).then(), 401,
                "invalid-credentials");
    }

    @Test
    void aTakenOrReservedHandleAndOutdatedGuidelinesAreRefusedAndWriteNothing() {
        TestAccount withEmail = Api.register("noetaken");
        TestAccount without = Api.registerWithoutEmail("noetaken2");
        for (String taken : List.of(withEmail.handle(), without.handle())) {
            assertProblem(join(Api.registrationWithoutEmail(taken)).then(), 409, "duplicate").body("errors.field",
                    hasItems("handle"));
            assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", taken));
        }
        assertFieldError(join(Api.registrationWithoutEmail("moderator")).then(), "handle");

        String handle = Api.uniqueHandle("noeguide");
        Map<String, Object> outdated = new HashMap<>(Api.registrationWithoutEmail(handle));
        outdated.put("acceptGuidelinesVersion", 0);
        assertProblem(join(outdated).then(), 409, "guidelines-outdated").body("currentGuidelinesVersion", equalTo(1));
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", handle));
    }

    @Test
    void twoSignUpsRacingForOneHandleGiveOneAccountAndOne409() throws Exception {
        String handle = Api.uniqueHandle("noerace");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Response>> answers = pool.invokeAll(List.of(
                    () -> join(Api.registrationWithoutEmail(handle)),
                    () -> join(Api.registrationWithoutEmail(handle))));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", handle));
        assertEquals(10, Api.count("SELECT count(*) FROM recovery_codes c JOIN accounts a ON a.id = c.account_id "
                + "WHERE a.handle = ?", handle), "the refused sign-up left no codes behind");
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(Arguments.of("email", "amara@example.org"), // not a field of this operation
                Arguments.of("password", "short"), Arguments.of("password", "password1234"),
                Arguments.of("password", "x".repeat(129)), Arguments.of("password", true),
                Arguments.of("handle", "Upper_Case"), Arguments.of("handle", "a".repeat(31)),
                Arguments.of("handle", true), Arguments.of("handle", null), Arguments.of("displayName", "x".repeat(51)),
                Arguments.of("displayName", "bell\u0007"), Arguments.of("country", "XX"),
                Arguments.of("country", "gb"), Arguments.of("languages", "en"),
                Arguments.of("languages", List.of("english")),
                Arguments.of("acceptGuidelinesVersion", "one"), Arguments.of("acceptGuidelinesVersion", null),
                Arguments.of("birthYear", java.time.Year.now().getValue() - 10), Arguments.of("birthYear", "1990"),
                Arguments.of("recovery", "CODES"), Arguments.of("isAdmin", true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRegistrations")
    void badInputIs400AndWritesNothing(String field, Object value) {
        String handle = Api.uniqueHandle("noebad");
        Map<String, Object> body = new HashMap<>(Api.registrationWithoutEmail(handle));
        body.put(field, value);
        String expected = field.equals("languages") && value instanceof List<?> ? "languages[0]" : field;
        assertFieldError(join(body).then(), expected);
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", handle));
    }

    @Test
    void malformedJsonMissingBodyAndOtherMediaTypesAreRefused() {
        long before = Api.count("SELECT count(*) FROM accounts");
        assertProblem(Api.anonymous().body("{\"handle\": ").post(REGISTER).then(), 400, "malformed-json");
        assertFieldError(Api.anonymous().post(REGISTER).then(), "body");
        assertProblem(RestAssured.given().contentType("text/plain").body("hello").post(REGISTER).then(), 415,
                "unsupported-media-type");
        assertProblem(Api.anonymous().body("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}").post(REGISTER).then(), 413,
                "payload-too-large");
        assertEquals(before, Api.count("SELECT count(*) FROM accounts"));
    }

    @Test
    void theExportShowsNoAddressAndErasureRemovesTheAccountAndItsCodes() {
        TestAccount account = Api.registerWithoutEmail("noeexport");
        Api.as(account).get("/api/v1/me/export").then().statusCode(200).body("account.email", nullValue())
                .body("account.handle", equalTo(account.handle())).body("account.emailVerifiedAt", nullValue())
                .body("recoveryCodes[0].remaining", equalTo(10)).body("recoveryCodes[0].used", equalTo(0));

        Api.as(account).body(Map.of("password", account.password(), "removeContent", true)).delete("/api/v1/me")
                .then().statusCode(204);
        assertProblem(Api.as(account).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(login(Map.of("handle", account.handle(), "password", account.password())).then(), 401,
                "invalid-credentials");
        assertEquals(0, Api.count("SELECT count(*) FROM recovery_codes WHERE account_id = ?", account.id()));
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", account.handle()));
        Api.anonymous().get("/api/v1/accounts/" + account.handle()).then().statusCode(401);
    }

    @Test
    void anAddressAddedLaterIsConfirmedFromItAndNoNoticeGoesAnywhere() {
        TestAccount account = Api.registerWithoutEmail("noeadd");
        assertProblem(Api.as(account).post("/api/v1/me/email-verification").then(), 409, "no-email");
        String address = Api.uniqueEmail(account.handle());
        Api.as(account).contentType("application/merge-patch+json")
                .body(Map.of("email", address, "currentPassword", account.password())).patch("/api/v1/me").then()
                .statusCode(200).body("email", nullValue()).body("pendingEmail", equalTo(address));

        // Until the link is followed the address is nobody's: a reset for it mails nothing and answers as for anyone.
        Response reset = Api.anonymous().body(Map.of("email", address)).post("/api/v1/auth/password-reset");
        Response strangers = Api.anonymous().body(Map.of("email", "nobody-" + address))
                .post("/api/v1/auth/password-reset");
        reset.then().statusCode(202);
        strangers.then().statusCode(202);
        assertEquals(strangers.path("message"), (String) reset.path("message"));
        assertProblem(login(Map.of("email", address, "password", account.password())).then(), 401,
                "invalid-credentials");

        TestMailServer.Mail confirm = TestMailServer.await(address);
        Api.anonymous().body(Map.of("token", confirm.token())).post("/api/v1/auth/email-change/confirm").then()
                .statusCode(204);
        Api.as(account).get("/api/v1/me").then().statusCode(200).body("email", equalTo(address))
                .body("emailVerified", equalTo(true)).body("pendingEmail", nullValue());
        assertEquals(0, Api.count("SELECT count(*) FROM account_links WHERE account_id = ? AND purpose = ?",
                account.id(), "UNDO_EMAIL_CHANGE"));
        login(Map.of("email", address, "password", account.password())).then().statusCode(200);
        login(Map.of("handle", account.handle(), "password", account.password())).then().statusCode(200);

        // From now on the address works like anyone's: a reset mails a link.
        Api.anonymous().body(Map.of("email", address)).post("/api/v1/auth/password-reset").then().statusCode(202);
        assertTrue(TestMailServer.awaitNth(address, 2).hasLink());
        assertEquals(2, TestMailServer.mailsTo(address).size(),
                "the confirmation link and the last reset link: no notice, and nothing for the reset asked before");
    }

    private static double verifyCount() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^kindred_password_verify_seconds_count(?:\\{[^}]*\\})? ([0-9.E+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
