package org.kindred.platform;

import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kindred.platform.ratelimit.RateLimiter;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.github.benmanes.caffeine.cache.Cache;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rate-limit counters are named by a keyed hash of the client's IP address or account, never by the address, the
 * account id or the e-mail itself — in the table every replica shares and in each replica's memory — and they still
 * count one client in one bucket.
 */
@QuarkusTest
class RateLimitKeysTest {

    private static final String HASHED_KEY = "[a-z-]+:[0-9a-f]{32}";

    @Test
    void bucketsNeverHoldTheClientsIpAccountIdOrEmail() throws ReflectiveOperationException {
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'export-%'");
        TestAccount account = Api.login(Api.register("rlkey"));
        Api.anonymous().body(Map.of("email", account.email(), "password", "not-my-password-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
        assertProblem(Api.as(account)
                .body(Map.of("currentPassword", "not-my-password-1", "newPassword", "saffron-glacier-otter-2291"))
                .put("/api/v1/me/password").then(), 403, "wrong-password");
        Api.as(account).get("/api/v1/me/export").then().statusCode(200);
        // The same account lands in the same bucket: the second export sees the first one's count.
        Api.as(account).get("/api/v1/me/export").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"export-(ip|account)\";r=998;t=[0-9]+"));
        Api.as(account).get("/api/v1/me").then().statusCode(200);

        for (String prefix : List.of("register-ip", "login-ip", "password-ip", "password-account", "export-account")) {
            assertTrue(Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE ?", prefix + ":%") > 0,
                    prefix + " buckets are kept in PostgreSQL");
        }
        assertEquals(1, Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'export-account:%'"));

        List<String> identifying = List.of(account.id().toString(), account.email(), account.handle(), "127.0.0.1",
                "0:0:0:0:0:0:0:1", "localhost");
        for (String value : identifying) {
            assertEquals(List.of(), rateLimitColumnsHolding(value), "no rate-limit column holds " + value);
        }
        assertEquals(0, Api.count("SELECT count(*) FROM rate_limit_buckets WHERE id !~ ?", "^" + HASHED_KEY + "$"),
                "every shared bucket is named <policy>:<keyed hash>");
        Set<String> inMemory = inMemoryBucketKeys();
        assertTrue(inMemory.stream().anyMatch(k -> k.startsWith("read-account:")), "reads are counted in memory");
        for (String key : inMemory) {
            assertTrue(key.matches(HASHED_KEY), "in-memory bucket named <policy>:<keyed hash>: " + key);
        }
    }

    /** Every column of every rate-limit table (bytea read as text) with a row that contains the value. */
    private static List<String> rateLimitColumnsHolding(String value) {
        List<String[]> columns = new ArrayList<>();
        try (var connection = Api.dataSource().getConnection();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name LIKE 'rate\\_limit%'
                        ORDER BY table_name, column_name""")) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(columns.size() >= 3, "the scan covers the rate-limit table");
        List<String> found = new ArrayList<>();
        for (String[] c : columns) {
            String expr = c[2].equals("bytea") ? "encode(\"" + c[1] + "\", 'escape')" : "\"" + c[1] + "\"::text";
            if (Api.count("SELECT count(*) FROM \"" + c[0] + "\" WHERE strpos(lower(" + expr + "), lower(?)) > 0",
                    value) > 0) {
                found.add(c[0] + "." + c[1]);
            }
        }
        return found;
    }

    /** The names of this replica's in-memory buckets (the classes not shared through PostgreSQL). */
    @SuppressWarnings("unchecked")
    private static Set<String> inMemoryBucketKeys() throws ReflectiveOperationException {
        RateLimiter limiter = ClientProxy.unwrap(Arc.container().instance(RateLimiter.class).get());
        var field = RateLimiter.class.getDeclaredField("local");
        field.setAccessible(true);
        return Set.copyOf(((Cache<String, ?>) field.get(limiter)).asMap().keySet());
    }
}
