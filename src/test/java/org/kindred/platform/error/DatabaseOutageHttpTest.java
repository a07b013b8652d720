package org.kindred.platform.error;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Through HTTP: when PostgreSQL ends the pool's connections (a restart, a failover, an administrator), the requests
 * that meet a dead connection get 503 + Retry-After as problem+json, never a 500, and a signed-in member is not told
 * that the token is bad (a 401 would sign the app out).
 */
@QuarkusTest
class DatabaseOutageHttpTest {

    @AfterEach
    void freshPool() {
        Api.dataSource().flush(AgroalDataSource.FlushMode.ALL);
    }

    @Test
    void aReadMeetingADeadConnectionIs503() throws SQLException {
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
        terminatePoolConnections();
        assertProblem(Api.anonymous().get("/api/v1/groups").then(), 503, "unavailable").header("Retry-After",
                equalTo("5"));
    }

    @Test
    void theSessionCheckMeetingADeadConnectionIs503Not401() throws SQLException {
        TestAccount member = Api.register("outage");
        Api.as(member).get("/api/v1/me").then().statusCode(200);
        terminatePoolConnections();
        assertProblem(Api.as(member).get("/api/v1/me").then(), 503, "unavailable").header("Retry-After", equalTo("5"));
    }

    @Test
    void everyPooledConnectionCarriesTheServerSideTimeouts() throws SQLException {
        // A connection the other tests terminated can reach the pool after their flush (a request thread returns it
        // late); a dead one is flushed and the check asked again, so this test is about the settings, not that race.
        // Ten retries in a row took 7 ms in one CI run, faster than the request thread gave its connection back: each
        // retry now waits a little longer first.
        String[] settings = null;
        for (int attempt = 0; settings == null; attempt++) {
            try {
                settings = serverSideTimeouts();
            } catch (SQLException e) {
                if (attempt == 9) {
                    throw e;
                }
                pause(50L * (attempt + 1));
                Api.dataSource().flush(AgroalDataSource.FlushMode.ALL);
            }
        }
        // %test values (application.properties): a stuck statement or transaction ends, even on a slow machine.
        assertEquals("1min", settings[0]);
        assertEquals("2min", settings[1]);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pool", e);
        }
    }

    private static String[] serverSideTimeouts() throws SQLException {
        try (Connection connection = Api.dataSource().getConnection(); var statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT current_setting('statement_timeout'),"
                    + " current_setting('idle_in_transaction_session_timeout')");
            rs.next();
            return new String[]{rs.getString(1), rs.getString(2)};
        }
    }

    /** Ends every backend of this database except the one asking, from a connection outside the pool. */
    private static void terminatePoolConnections() throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection admin = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                var statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
