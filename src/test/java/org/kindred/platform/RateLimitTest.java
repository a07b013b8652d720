package org.kindred.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

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
                    "kindred.rate-limit.classes.read.per-account", "4",
                    "kindred.rate-limit.classes.password.per-account", "2",
                    "kindred.rate-limit.classes.report.per-account", "2",
                    "kindred.rate-limit.classes.export.per-account", "2");
        }
    }

    /** Shared buckets live in PostgreSQL and outlive a test: every test starts with full buckets. */
    @BeforeEach
    void emptySharedBuckets() {
        Api.sql("DELETE FROM rate_limit_buckets");
    }

    /** Registers without using up the low sign-up limit that the tests themselves exercise. */
    private static TestAccount account(String prefix) {
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'register-ip:%'");
        return Api.register(prefix);
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

        // The whole password allowance is left: this e-mail change is the first password check.
        Api.as(account).body(Map.of("email", newEmail, "currentPassword", account.password())).patch("/api/v1/me")
                .then().statusCode(200).body("pendingEmail", equalTo(newEmail))
                .header("RateLimit-Policy", "\"password-account\";q=2;w=3600")
                .header("RateLimit", containsString("\"password-account\";r=1;t="));
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
}
