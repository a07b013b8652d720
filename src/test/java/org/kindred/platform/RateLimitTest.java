package org.kindred.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;
import org.kindred.support.mail.TestMailServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * OWASP API4/API6: the sensitive flows (sign-in, sign-up, password change, reports, data export) are throttled with
 * 429 problem+json, Retry-After and the RateLimit headers, and a throttled request is not carried out.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kindred.rate-limit.classes.login.per-ip", "3",
                    "kindred.rate-limit.classes.register.per-ip", "2",
                    "kindred.rate-limit.classes.password.per-ip", "5",
                    "kindred.rate-limit.classes.read.per-account", "4",
                    "kindred.rate-limit.classes.password.per-account", "2",
                    "kindred.rate-limit.classes.report.per-account", "2",
                    "kindred.rate-limit.classes.export.per-account", "2");
        }
    }

    /** Shared buckets live in PostgreSQL and outlive a test: every test starts with full buckets. */
    /**
     * Before and after: the shared buckets live in PostgreSQL and keep the low limits they were made with, so a bucket
     * this class ran down would throttle the next test class that runs on the same database.
     */
    @BeforeEach
    @AfterEach
    void emptySharedBuckets() {
        Api.sql("DELETE FROM rate_limit_buckets");
    }

    /**
     * Registers without using up the low sign-up and per-IP password limits that the tests themselves exercise (the
     * registration link's confirmation is a token redemption, counted per IP as a password check).
     */
    private static TestAccount account(String prefix) {
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'register-ip:%'");
        TestAccount account = Api.register(prefix);
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'password-ip:%' OR id LIKE 'register-ip:%'");
        return account;
    }

    private static ValidatableResponse assertThrottled(Response response, String policy, int quota, int window) {
        return assertProblem(response.then(), 429, "rate-limited")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.lessThanOrEqualTo(window))
                .header("RateLimit-Policy", "\"" + policy + "\";q=" + quota + ";w=" + window)
                .header("RateLimit", containsString("\"" + policy + "\";r=0;t="));
    }

    @Test
    void loginIsThrottledPerIpInPostgresWith429AndRetryAfter() {
        Map<String, String> wrong = Map.of("email", "nobody@example.org", "password", "wrong-password-1");
        for (int i = 0; i < 3; i++) {
            Api.anonymous().body(wrong).post("/api/v1/auth/login").then().statusCode(401)
                    .header("RateLimit", containsString("r=" + (2 - i)));
        }
        assertThrottled(Api.anonymous().body(wrong).post("/api/v1/auth/login"), "login-ip", 3, 300);
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'login-ip:%'") > 0,
                "login throttles are kept in PostgreSQL so they hold across replicas");
    }

    @Test
    void aThrottledLoginWithTheRightPasswordOpensNoSession() {
        TestAccount account = account("rllogin");
        long sessions = Api.count("SELECT count(*) FROM auth_sessions WHERE account_id = ?", account.id());
        Map<String, String> wrong = Map.of("email", account.email(), "password", "wrong-password-1");
        for (int i = 0; i < 3; i++) {
            Api.anonymous().body(wrong).post("/api/v1/auth/login").then().statusCode(401);
        }
        Response throttled = Api.anonymous().body(Map.of("email", account.email(), "password", account.password()))
                .post("/api/v1/auth/login");
        assertThrottled(throttled, "login-ip", 3, 300);
        assertFalse(throttled.asString().contains("accessToken") || throttled.asString().contains("refreshToken"),
                "a throttled sign-in hands out no tokens");
        assertEquals(sessions, Api.count("SELECT count(*) FROM auth_sessions WHERE account_id = ?", account.id()),
                "a throttled sign-in opens no session");
        // Throttling never locks the account: once the window is over (here: the bucket emptied) it signs in.
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'login-ip:%'");
        Api.login(account);
    }

    @Test
    void registrationIsThrottledPerIpAndTheThrottledSignUpCreatesNoAccount() {
        for (int i = 0; i < 2; i++) {
            Api.anonymous().body(Api.registration(Api.uniqueHandle("rlreg"))).post("/api/v1/auth/register").then()
                    .statusCode(202).header("RateLimit-Policy",
                            org.hamcrest.Matchers.matchesPattern("\"register-(ip|subject)\";q=2;w=3600"));
        }
        String handle = Api.uniqueHandle("rlreg");
        assertThrottled(Api.anonymous().body(Api.registration(handle)).post("/api/v1/auth/register"), "register-ip",
                2, 3600);
        assertEquals(0, Api.count("SELECT count(*) FROM pending_registrations WHERE handle = ? OR email = ?", handle,
                Api.uniqueEmail(handle)));
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'register-ip:%'") > 0,
                "sign-up throttles are kept in PostgreSQL");
    }

    @Test
    void registrationWithoutEmailSharesTheSignUpLimitPerIpAndTheThrottledOneCreatesNoAccount() {
        Api.anonymous().body(Api.registration(Api.uniqueHandle("rlmix"))).post("/api/v1/auth/register").then()
                .statusCode(202);
        Api.anonymous().body(Api.registrationWithoutEmail(Api.uniqueHandle("rlnoe")))
                .post("/api/v1/auth/register/without-email").then().statusCode(201)
                .header("RateLimit-Policy", "\"register-ip\";q=2;w=3600");
        String handle = Api.uniqueHandle("rlnoe");
        Response throttled = Api.anonymous().body(Api.registrationWithoutEmail(handle))
                .post("/api/v1/auth/register/without-email");
        assertThrottled(throttled, "register-ip", 2, 3600);
        assertFalse(throttled.asString().contains("recoveryCodes"), "a throttled sign-up hands out no codes");
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE handle = ?", handle));
        // The e-mail registration and the one without share the IP's allowance: neither is a way around the other.
        assertThrottled(Api.anonymous().body(Api.registration(Api.uniqueHandle("rlmix"))).post("/api/v1/auth/register"),
                "register-ip", 2, 3600);
    }

    @Test
    void signInByHandleIsThrottledPerIpLikeSignInByEmail() {
        TestAccount account = account("rlhandle");
        Api.anonymous().body(Map.of("email", "nobody@example.org", "password", "wrong-password-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
        for (int i = 0; i < 2; i++) {
            Api.anonymous().body(Map.of("handle", Api.uniqueHandle("nobody"), "password", "wrong-password-1"))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        Response throttled = Api.anonymous().body(Map.of("handle", account.handle(), "password", account.password()))
                .post("/api/v1/auth/login");
        assertThrottled(throttled, "login-ip", 3, 300);
        assertFalse(throttled.asString().contains("accessToken"), "a throttled sign-in hands out no tokens");
    }

    @Test
    void passwordChangesAreThrottledPerAccountAndTheThrottledChangeChangesNothing() {
        TestAccount account = account("rlpw");
        Map<String, String> wrongCurrent = Map.of("currentPassword", "not-my-password-1", "newPassword",
                "saffron-glacier-otter-2291");
        for (int i = 0; i < 2; i++) {
            assertProblem(Api.as(account).body(wrongCurrent).put("/api/v1/me/password").then(), 403, "wrong-password")
                    .header("RateLimit-Policy", containsString("\"password-"));
        }
        String hash = passwordHash(account);
        String newPassword = "saffron-glacier-otter-2291";
        Response throttled = Api.as(account)
                .body(Map.of("currentPassword", account.password(), "newPassword", newPassword))
                .put("/api/v1/me/password");
        assertThrottled(throttled, "password-account", 2, 3600);
        assertEquals(hash, passwordHash(account), "a throttled password change changes nothing");
        // Erasing the account asks for the password too, so it shares the limit: a throttled erasure erases nothing.
        assertThrottled(Api.as(account).body(Map.of("password", account.password(), "removeContent", true))
                .delete("/api/v1/me"), "password-account", 2, 3600);
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE id = ? AND email = ? AND status = 'ACTIVE'",
                account.id(), account.email()), "a throttled erasure erases nothing");
        Api.login(account);
        Api.anonymous().body(Map.of("email", account.email(), "password", newPassword)).post("/api/v1/auth/login")
                .then().statusCode(401);
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'password-account:%'") > 0,
                "password throttles are kept in PostgreSQL");

        // Another account is not held back by this one's limit.
        TestAccount other = account("rlpw");
        Api.as(other).body(Map.of("currentPassword", other.password(), "newPassword", newPassword))
                .put("/api/v1/me/password").then().statusCode(204);
    }

    @Test
    void anEmailChangeCountsAsAPasswordCheckAndTheThrottledChangeChangesNothing() {
        TestAccount account = account("rlmail");
        for (int i = 0; i < 2; i++) {
            Map<String, String> guess = Map.of("email", Api.uniqueEmail(Api.uniqueHandle("rlguess")),
                    "currentPassword", "not-my-password-" + i);
            assertProblem(Api.as(account).body(guess).patch("/api/v1/me").then(), 403, "wrong-password")
                    .header("RateLimit-Policy", "\"password-account\";q=2;w=3600");
        }
        String newEmail = Api.uniqueEmail(Api.uniqueHandle("rlmail"));
        Response throttled = Api.as(account).body(Map.of("email", newEmail, "currentPassword", account.password()))
                .patch("/api/v1/me");
        assertThrottled(throttled, "password-account", 2, 3600);
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE id = ? AND email = ?", account.id(),
                account.email()), "a throttled e-mail change changes nothing");
        assertEquals(0, Api.count("SELECT count(*) FROM accounts WHERE email = ?", newEmail));
        Api.as(account).get("/api/v1/me").then().statusCode(200).body("email", equalTo(account.email()));
        // One allowance for every password check: the guesses above used up the password change's too.
        assertThrottled(Api.as(account)
                .body(Map.of("currentPassword", account.password(), "newPassword", "saffron-glacier-otter-2291"))
                .put("/api/v1/me/password"), "password-account", 2, 3600);
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'password-ip:%'") > 0,
                "e-mail changes are counted per IP too, in PostgreSQL");
    }

    @Test
    void profileChangesWithoutTheCurrentPasswordAreNotCountedAsPasswordChecks() {
        TestAccount account = account("rlprof");
        for (int i = 0; i < 3; i++) {
            Api.as(account).contentType("application/merge-patch+json").body(Map.of("displayName", "Name " + i))
                    .patch("/api/v1/me").then().statusCode(200).header("RateLimit-Policy", containsString("\"write-"));
        }
        String newEmail = Api.uniqueEmail(Api.uniqueHandle("rlprof"));
        assertFieldError(Api.as(account).body(Map.of("email", newEmail)).patch("/api/v1/me").then(), "currentPassword");
        assertEquals(0, Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'password-%'"),
                "no password was checked, so nothing counts against the password limit");

        // The whole password allowance is left: this e-mail change is the first password check, the next one the last.
        // (The first answer may report the new address's mail allowance instead: it is as close to exhaustion.)
        Api.as(account).body(Map.of("email", newEmail, "currentPassword", account.password())).patch("/api/v1/me")
                .then().statusCode(200).body("pendingEmail", equalTo(newEmail))
                .header("RateLimit",
                        org.hamcrest.Matchers.matchesPattern("\"(password-account|register-subject)\";r=1;t=.*"));
        String otherEmail = Api.uniqueEmail(Api.uniqueHandle("rlprof"));
        Api.as(account).body(Map.of("email", otherEmail, "currentPassword", account.password())).patch("/api/v1/me")
                .then().statusCode(200).body("pendingEmail", equalTo(otherEmail))
                .header("RateLimit-Policy", "\"password-account\";q=2;w=3600")
                .header("RateLimit", containsString("\"password-account\";r=0;t="));
    }

    private static String passwordHash(TestAccount account) {
        try (var connection = Api.dataSource().getConnection();
                var ps = connection.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
            ps.setObject(1, account.id());
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsAreThrottledPerAccountAndTheThrottledReportIsNotFiled() {
        TestAccount reporter = account("rlrep");
        for (int i = 0; i < 2; i++) {
            UUID target = account("rltgt").id();
            Api.as(reporter).body(Map.of("targetType", "ACCOUNT", "targetId", target.toString(), "reason", "SPAM"))
                    .post("/api/v1/reports").then().statusCode(201)
                    .header("RateLimit-Policy", containsString("\"report-"));
        }
        UUID spared = account("rltgt").id();
        assertThrottled(Api.as(reporter)
                .body(Map.of("targetType", "ACCOUNT", "targetId", spared.toString(), "reason", "HARASSMENT",
                        "details", "throttled report"))
                .post("/api/v1/reports"), "report-account", 2, 3600);
        assertEquals(0, Api.count("SELECT count(*) FROM reports WHERE target_id = ?", spared),
                "a throttled report is not filed");
        assertEquals(2, Api.count("SELECT count(*) FROM reports WHERE reporter_id = ?", reporter.id()));
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'report-account:%'") > 0,
                "report throttles are kept in PostgreSQL");
    }

    @Test
    void exportsAreThrottledPerAccountAndTheThrottledExportSendsNoData() {
        TestAccount account = account("rlexp");
        for (int i = 0; i < 2; i++) {
            Api.as(account).get("/api/v1/me/export").then().statusCode(200)
                    .body(containsString(account.email()))
                    .header("RateLimit-Policy", containsString("\"export-"));
        }
        Response throttled = Api.as(account).get("/api/v1/me/export");
        assertThrottled(throttled, "export-account", 2, 3600);
        assertFalse(throttled.asString().contains(account.email()) || throttled.asString().contains(account.handle()),
                "a throttled export sends no personal data: " + throttled.asString());
        assertTrue(throttled.header("Content-Disposition") == null, "a throttled export is no attachment");
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'export-account:%'") > 0,
                "export throttles are kept in PostgreSQL");

        TestAccount other = account("rlexp");
        Api.as(other).get("/api/v1/me/export").then().statusCode(200);
    }

    @Test
    void readsAreThrottledPerAccount() {
        var account = account("rl");
        for (int i = 0; i < 4; i++) {
            Api.as(account).get("/api/v1/me").then().statusCode(200);
        }
        assertProblem(Api.as(account).get("/api/v1/me").then(), 429, "rate-limited")
                .header("RateLimit-Policy", "\"read-account\";q=4;w=60")
                .header("Retry-After", Integer::parseInt, greaterThan(0));
    }

    // --- The account flows: asking for a mail is REGISTER (per IP and per target), redeeming a secret is PASSWORD ---

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A well-formed token nobody was sent: what a guesser would post. */
    private static String guessedToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> guess(String path) {
        String newPassword = "saffron-glacier-otter-2291";
        return switch (path) {
            case "/api/v1/auth/register/confirm" -> Map.of("token", guessedToken("krg_"));
            case "/api/v1/auth/email-verification/confirm" -> Map.of("token", guessedToken("kve_"));
            case "/api/v1/auth/email-change/confirm" -> Map.of("token", guessedToken("kce_"));
            case "/api/v1/auth/email-change/undo" -> Map.of("token", guessedToken("kue_"));
            case "/api/v1/auth/password-reset/confirm" -> Map.of("token", guessedToken("kpr_"), "newPassword",
                    newPassword);
            // A new handle every time: the per-IP limit is under test, not the per-handle one.
            case "/api/v1/auth/recovery-codes/redeem" -> Map.of("handle", Api.uniqueHandle("rlcode"), "code",
                    "7k2m-q9xd-4hbn", "newPassword", newPassword);
            default -> throw new IllegalArgumentException(path);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/register/confirm", "/api/v1/auth/email-verification/confirm",
            "/api/v1/auth/email-change/confirm", "/api/v1/auth/email-change/undo",
            "/api/v1/auth/password-reset/confirm", "/api/v1/auth/recovery-codes/redeem"})
    void everyTokenOrCodeRedemptionIsThrottledPerIpLikeAPasswordGuess(String path) {
        String kind = path.endsWith("/redeem") ? "invalid-code" : "invalid-link";
        for (int i = 0; i < 5; i++) {
            assertProblem(Api.anonymous().body(guess(path)).post(path).then(), 400, kind)
                    .header("RateLimit-Policy", containsString("\"password-"));
        }
        assertThrottled(Api.anonymous().body(guess(path)).post(path), "password-ip", 5, 3600);
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'password-ip:%'") > 0,
                "token guesses are counted in PostgreSQL, across replicas");
    }

    @Test
    void recoveryCodeGuessesAreThrottledPerHandleFromAnyIp() {
        TestAccount account = account("rlcodeh");
        Map<String, Object> guess = Map.of("handle", account.handle(), "code", "7k2m-q9xd-4hbn", "newPassword",
                "saffron-glacier-otter-2291");
        for (int i = 0; i < 2; i++) {
            // Every guess from a new IP address (here: the per-IP buckets emptied).
            Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'password-ip:%'");
            assertProblem(Api.anonymous().body(guess).post("/api/v1/auth/recovery-codes/redeem").then(), 400,
                    "invalid-code");
        }
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'password-ip:%'");
        assertThrottled(Api.anonymous().body(guess).post("/api/v1/auth/recovery-codes/redeem"), "password-subject", 2,
                3600);
    }

    @Test
    void aThrottledValidLinkIsNotRedeemedAndWorksOnceTheWindowIsOver() {
        TestAccount account = account("rlverify");
        Api.sql("UPDATE accounts SET email_verified_at = NULL WHERE id = ?", account.id());
        int earlier = TestMailServer.mailsTo(account.email()).size();
        Api.as(account).post("/api/v1/me/email-verification").then().statusCode(202);
        String token = TestMailServer.awaitNth(account.email(), earlier + 1).token();
        for (int i = 0; i < 5; i++) {
            Api.anonymous().body(guess("/api/v1/auth/email-verification/confirm"))
                    .post("/api/v1/auth/email-verification/confirm").then().statusCode(400);
        }
        assertThrottled(Api.anonymous().body(Map.of("token", token)).post("/api/v1/auth/email-verification/confirm"),
                "password-ip", 5, 3600);
        Api.as(account).get("/api/v1/me").then().statusCode(200).body("emailVerified", equalTo(false));
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'password-ip:%'");
        Api.anonymous().body(Map.of("token", token)).post("/api/v1/auth/email-verification/confirm").then()
                .statusCode(204);
        Api.as(account).get("/api/v1/me").then().statusCode(200).body("emailVerified", equalTo(true));
    }

    @Test
    void recoveryCodeGenerationIsAPasswordCheckPerAccount() {
        TestAccount account = account("rlgen");
        for (int i = 0; i < 2; i++) {
            assertProblem(Api.as(account).body(Map.of("currentPassword", "not-my-password-" + i))
                    .post("/api/v1/me/recovery-codes").then(), 403, "wrong-password");
        }
        Response throttled = Api.as(account).body(Map.of("currentPassword", account.password()))
                .post("/api/v1/me/recovery-codes");
        assertThrottled(throttled, "password-account", 2, 3600);
        assertTrue(throttled.jsonPath().get("codes") == null, "a throttled generation shows no codes");
        assertEquals(0, Api.count("SELECT count(*) FROM recovery_codes WHERE account_id = ?", account.id()),
                "a throttled generation makes no codes");
    }

    @Test
    void verificationMailsAreThrottledPerIpAndPerAccount() {
        TestAccount account = account("rlvmail");
        Api.sql("UPDATE accounts SET email_verified_at = NULL WHERE id = ?", account.id());
        for (int i = 0; i < 2; i++) {
            Api.as(account).post("/api/v1/me/email-verification").then().statusCode(202)
                    .header("RateLimit-Policy", containsString("\"register-"));
        }
        assertThrottled(Api.as(account).post("/api/v1/me/email-verification"), "register-ip", 2, 3600);
        // From another IP address the account's own allowance is still used up.
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'register-ip:%'");
        assertThrottled(Api.as(account).post("/api/v1/me/email-verification"), "register-subject", 2, 3600);
    }

    @Test
    void mailsToANewAddressAreCountedPerAddressWhicheverAccountAsks() {
        String target = Api.uniqueEmail(Api.uniqueHandle("rltarget"));
        for (int i = 0; i < 2; i++) {
            TestAccount asker = account("rlasker");
            Api.as(asker).body(Map.of("email", target, "currentPassword", asker.password())).patch("/api/v1/me").then()
                    .statusCode(200).body("pendingEmail", equalTo(target));
        }
        TestAccount third = account("rlasker");
        assertThrottled(Api.as(third).body(Map.of("email", target, "currentPassword", third.password()))
                .patch("/api/v1/me"), "register-subject", 2, 3600);
        Api.as(third).get("/api/v1/me").then().statusCode(200).body("pendingEmail", equalTo(null));
    }

    @Test
    void passwordResetRequestsAreThrottledPerIpAndPerAddressAndAnswerAlikeForUnknownAddresses() {
        TestAccount known = account("rlreset");
        String unknown = Api.uniqueEmail(Api.uniqueHandle("rlnobody"));

        // Per IP: two requests for any addresses, then 429.
        for (int i = 0; i < 2; i++) {
            resetRequest(Api.uniqueEmail(Api.uniqueHandle("rlany"))).then().statusCode(202);
        }
        assertThrottled(resetRequest(unknown), "register-ip", 2, 3600);

        // The answers for an address with an account and one without: the same, allowed and throttled.
        List<Response> knownAnswers = resetRequestsFromNewIps(known.email());
        List<Response> unknownAnswers = resetRequestsFromNewIps(unknown);
        for (int i = 0; i < 3; i++) {
            assertSameAnswer(knownAnswers.get(i), unknownAnswers.get(i), Duration.ofMinutes(30));
        }
        for (Response throttled : List.of(knownAnswers.get(2), unknownAnswers.get(2))) {
            assertThrottled(throttled, "register-subject", 2, 3600);
        }
    }

    @Test
    void registrationAnswersAlikeForAnAddressWithAnAccount() {
        TestAccount known = account("rlregk");
        Api.sql("DELETE FROM rate_limit_buckets");
        Map<String, Object> taken = new HashMap<>(Api.registration(Api.uniqueHandle("rlregk")));
        taken.put("email", known.email());
        Response knownAnswer = Api.anonymous().body(taken).post("/api/v1/auth/register");
        Api.sql("DELETE FROM rate_limit_buckets");
        Response unknownAnswer = Api.anonymous().body(Api.registration(Api.uniqueHandle("rlregu")))
                .post("/api/v1/auth/register");
        assertEquals(202, knownAnswer.statusCode());
        assertSameAnswer(knownAnswer, unknownAnswer, Duration.ofHours(24));
    }

    private static Response resetRequest(String email) {
        return Api.anonymous().body(Map.of("email", email)).post("/api/v1/auth/password-reset");
    }

    /** Three requests for one address, each from a new IP address: two are allowed, the third is throttled. */
    private static List<Response> resetRequestsFromNewIps(String email) {
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'register-%'");
        return java.util.stream.IntStream.range(0, 3).mapToObj(i -> {
            Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'register-ip:%'");
            return resetRequest(email);
        }).toList();
    }

    /**
     * The same status, body and headers, except what differs between any two requests: {@code Date}, the request id,
     * the moment {@code linkExpiresAt} (request time + the link's life, checked for both) and the seconds until the
     * caller's own bucket refills ({@code Retry-After}, the {@code t=} of {@code RateLimit}, checked against the
     * window by {@link #assertThrottled}).
     */
    private static void assertSameAnswer(Response known, Response unknown, Duration ttl) {
        assertEquals(known.statusCode(), unknown.statusCode(), "status");
        Map<String, Object> knownBody = new TreeMap<>(known.jsonPath().getMap(""));
        Map<String, Object> unknownBody = new TreeMap<>(unknown.jsonPath().getMap(""));
        for (Map<String, Object> body : List.of(knownBody, unknownBody)) {
            Object expiresAt = body.remove("linkExpiresAt");
            if (expiresAt != null) {
                Duration left = Duration.between(Instant.now(), Instant.parse((String) expiresAt));
                assertTrue(left.compareTo(ttl) <= 0 && left.compareTo(ttl.minusMinutes(1)) > 0,
                        "linkExpiresAt is the request time plus the link's life: " + expiresAt);
            }
        }
        assertEquals(knownBody, unknownBody, "body");
        assertEquals(comparableHeaders(known), comparableHeaders(unknown), "headers");
    }

    private static Map<String, String> comparableHeaders(Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach(h -> {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!List.of("date", "x-request-id").contains(name)) {
                String value = h.getValue();
                if (name.equals("retry-after")) {
                    value = value.matches("[1-9][0-9]*") ? "<seconds>" : value;
                } else if (name.equals("ratelimit")) {
                    value = value.replaceAll(";t=[0-9]+", ";t=<seconds>");
                }
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        });
        return headers;
    }
}
