package org.kindred.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kindred.rate-limit.classes.login.per-ip", "3",
                    "kindred.rate-limit.classes.register.per-ip", "2",
                    "kindred.rate-limit.classes.read.per-account", "4");
        }
    }

    @Test
    void loginIsThrottledPerIpInPostgresWith429AndRetryAfter() {
        Api.sql("DELETE FROM rate_limit_buckets");
        Map<String, String> wrong = Map.of("email", "nobody@example.org", "password", "wrong-password-1");
        for (int i = 0; i < 3; i++) {
            Api.anonymous().body(wrong).post("/api/v1/auth/login").then().statusCode(401)
                    .header("RateLimit", containsString("r=" + (2 - i)));
        }
        assertProblem(Api.anonymous().body(wrong).post("/api/v1/auth/login").then(), 429, "rate-limited")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"login-ip\";q=3;w=300")
                .header("RateLimit", containsString("r=0"));
        assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'login-ip:%'") > 0,
                "login throttles are kept in PostgreSQL so they hold across replicas");
    }

    @Test
    void readsAreThrottledPerAccount() {
        var account = Api.register("rl");
        for (int i = 0; i < 4; i++) {
            Api.as(account).get("/api/v1/me").then().statusCode(200);
        }
        assertProblem(Api.as(account).get("/api/v1/me").then(), 429, "rate-limited")
                .header("RateLimit-Policy", "\"read-account\";q=4;w=60")
                .header("Retry-After", Integer::parseInt, greaterThan(0));
    }
}
