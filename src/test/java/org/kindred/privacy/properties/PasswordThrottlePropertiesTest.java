package org.kindred.privacy.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;

/**
 * I8: in any order, every check of an account's password (changing the password, changing the e-mail, erasing the
 * account) is throttled as PASSWORD, whatever the endpoint, and other writes to the account are not; a sign-in (by e-mail or
 * by handle, before anyone is known) is throttled as LOGIN. (The buckets refill continuously, so the test reads which policy
 * answered, not how many units are left.)
 */
@QuarkusTest
class PasswordThrottlePropertiesTest {

    enum Check {
        CHANGE_PASSWORD, CHANGE_EMAIL, ERASE, SIGN_IN, SIGN_IN_BY_HANDLE, CHANGE_NAME
    }

    /** The policy the RateLimit header reports (the tightest of the class: per IP or per account) and what remains. */
    private static final Pattern REMAINING = Pattern.compile("\"((password|login)-[a-z]+)\";r=(\\d+)");

    @Test
    void everyPasswordCheckSharesThePasswordThrottle() {
        Sequences.check("I8 password throttle", 3, Arbitraries.of(Check.class).list().ofMinSize(4).ofMaxSize(12),
                checks -> {
                    TestAccount account = Api.register("ppthrottle");
                    for (Check check : checks) {
                        Response response = attempt(account, check);
                        String context = check + " in " + checks;
                        boolean signIn = check == Check.SIGN_IN || check == Check.SIGN_IN_BY_HANDLE;
                        String expected = signIn ? "login-" : "password-";
                        String[] seen = remaining(response);
                        if (check == Check.CHANGE_NAME) {
                            assertEquals(200, response.statusCode(), context);
                            assertTrue(seen == null,
                                    () -> "I8: a write that checks no password is throttled as " + seen[0]);
                            continue;
                        }
                        assertEquals(signIn ? 401 : 403, response.statusCode(), context);
                        assertTrue(seen != null && seen[0].startsWith(expected),
                                "I8: " + check + " is not throttled as "
                                        + (signIn ? "LOGIN" : "PASSWORD") + ": " + response.headers());
                    }
                });
    }

    private static Response attempt(TestAccount account, Check check) {
        String wrong = "not-my-password-" + check.ordinal();
        return switch (check) {
            case CHANGE_PASSWORD -> Api.as(account)
                    .body(Map.of("currentPassword", wrong, "newPassword", "saffron-glacier-otter-2291"))
                    .put("/api/v1/me/password");
            case CHANGE_EMAIL -> Api.as(account).contentType("application/merge-patch+json")
                    .body(Map.of("email", "new-" + account.email(), "currentPassword", wrong)).patch("/api/v1/me");
            case ERASE -> Api.as(account).body(Map.of("password", wrong, "removeContent", false)).delete("/api/v1/me");
            case SIGN_IN -> Api.anonymous().body(Map.of("email", account.email(), "password", wrong))
                    .post("/api/v1/auth/login");
            case SIGN_IN_BY_HANDLE -> Api.anonymous().body(Map.of("handle", account.handle(), "password", wrong))
                    .post("/api/v1/auth/login");
            case CHANGE_NAME -> Api.as(account).contentType("application/merge-patch+json")
                    .body(Map.of("displayName", "Name " + check.ordinal())).patch("/api/v1/me");
        };
    }

    /** The reported policy and its remaining units, or null. */
    private static String[] remaining(Response response) {
        for (String header : response.headers().getValues("RateLimit")) {
            Matcher m = REMAINING.matcher(header);
            if (m.find()) {
                return new String[]{m.group(1), m.group(3)};
            }
        }
        return null;
    }
}
