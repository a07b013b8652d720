package org.kindred.platform.db;

import static org.hamcrest.Matchers.equalTo;
import static org.kindred.support.Problems.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The outage short circuit, through HTTP: once a request could not open a database connection, the next API requests
 * are answered 503 + Retry-After as problem+json at once (the session check and the business transaction are not even
 * tried), never 500 or 401; readiness keeps reporting what the database really does; a request refused by the gate
 * left nothing behind, so its retry with the same Idempotency-Key after the probe succeeded creates the reply once.
 * A saturated pool or a broken connection is a 503 for that request only. The pool has two connections here, so the
 * test can take them all; the probe period is an hour, so only the test's own {@link DatabaseGate#probe()} reopens.
 */
@QuarkusTest
@TestProfile(DatabaseGateTest.BreakerOn.class)
class DatabaseGateTest {

    public static class BreakerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kindred.db.outage-breaker", "1H", "quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @Inject
    DatabaseGate gate;

    @AfterEach
    void closeTheGate() {
        gate.reset();
        Api.dataSource().flush(AgroalDataSource.FlushMode.ALL);
    }

    @Test
    void aSaturatedPoolIs503ForTheWaitingRequestOnlyNever500() throws SQLException {
        // Take every connection the pool will give, until asking for one more times out (two in this profile). Not
        // read from the configuration: right after a flush the pool may briefly hold one more, still closing (a
        // clean-clone run got a 200 here once), and a pool kept from an earlier test's application may be larger.
        java.util.List<Connection> held = new java.util.ArrayList<>();
        try {
            // A background job may hold a connection while the pool is drained and let go of it while the request
            // waits: the request is then served (200). Drain again and ask again; never a 500, and a 503 once full.
            int status = 0;
            for (int attempt = 0; attempt < 3 && status != 503; attempt++) {
                drain(held);
                var response = Api.anonymous().get("/api/v1/groups").then();
                status = response.extract().statusCode();
                if (status == 503) {
                    // Every connection busy: the request waits the acquisition timeout ("Sorry, acquisition timeout!").
                    assertProblem(response, 503, "unavailable").header("Retry-After", equalTo("5"));
                } else {
                    response.statusCode(200);
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(503, status, "a saturated pool answers 503");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        // A busy pool is not an unreachable database: the next request is served.
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
    }

    /** Takes connections from the application's pool until asking for one more times out. */
    private static void drain(java.util.List<Connection> held) {
        for (int i = 0; i < 50; i++) {
            try {
                held.add(Api.dataSource().getConnection());
            } catch (SQLException acquisitionTimeout) {
                return;
            }
        }
    }

    @Test
    void afterARequestCouldNotConnectEveryApiRequestIs503UntilAProbeConnects() throws SQLException {
        TestAccount member = Api.register("gate");
        Groups.TestGroup group = Groups.create(member, "PUBLIC");
        UUID thread = Posts.post(member, group, "gate thread");
        Api.as(member).get("/api/v1/me").then().statusCode(200);

        // What ProblemMapper reports when a request's connection attempt was refused.
        gate.outageSeen(new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT));

        // The database works, but the gate has not probed it yet: answered at once, never 401 or 500.
        assertProblem(Api.as(member).get("/api/v1/me").then(), 503, "unavailable").header("Retry-After", equalTo("5"))
                .header("Cache-Control", equalTo("no-store"));
        assertProblem(Api.anonymous().get("/api/v1/groups").then(), 503, "unavailable").header("Retry-After",
                equalTo("5"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> reply = Map.of("body", "said while the gate was closed", "contentWarnings",
                java.util.List.of(), "anonymous", false);
        assertProblem(Api.as(member).header("Idempotency-Key", key).body(reply)
                .post("/api/v1/posts/" + thread + "/replies").then(), 503, "unavailable");
        // Health probes are not gated: readiness says what the database does.
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);

        probeUntilItConnects();
        Api.as(member).get("/api/v1/me").then().statusCode(200);
        String id = Api.as(member).header("Idempotency-Key", key).body(reply)
                .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201).extract().path("id");
        Api.as(member).header("Idempotency-Key", key).body(reply).post("/api/v1/posts/" + thread + "/replies").then()
                .statusCode(201).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(id));
        Api.as(member).get("/api/v1/posts/" + thread).then().statusCode(200).body("replyCount", equalTo(1));
    }

    @Test
    void aPoolThatTimedOutOpeningAConnectionWhilePostgresqlAnswersDoesNotShutTheGate() throws Exception {
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
        // What ProblemMapper reports when the pool gave up opening a connection: on a busy machine it opens them one
        // at a time behind a crowd of waiting requests, with PostgreSQL perfectly able to serve.
        gate.outageSeen(connectTimeout());
        awaitConfirmation(gate);
        // The gate's own connection got through: members keep being served.
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertFalse(gate.isOpen());
    }

    @Test
    void aConnectionTimeoutThatTheGateConfirmsShutsItButARefusalShutsItWithoutAsking() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        DatabaseGate unreachable = new DatabaseGate(java.time.Duration.ofHours(1), Api.dataSource(), () -> {
            asked.incrementAndGet();
            return false;
        });
        try {
            unreachable.outageSeen(connectTimeout());
            awaitConfirmation(unreachable);
            org.junit.jupiter.api.Assertions.assertTrue(unreachable.isOpen(), "confirmed outage shuts the gate");
            org.junit.jupiter.api.Assertions.assertEquals(1, asked.get());

            unreachable.reset();
            unreachable.outageSeen(new PSQLException("Connection to 127.0.0.1:5432 refused.",
                    PSQLState.CONNECTION_UNABLE_TO_CONNECT));
            org.junit.jupiter.api.Assertions.assertTrue(unreachable.isOpen(), "a refusal shuts it at once");
            org.junit.jupiter.api.Assertions.assertEquals(1, asked.get(), "a refusal needs no confirmation");
        } finally {
            unreachable.stop();
        }
    }

    private static SQLException connectTimeout() {
        return new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException());
    }

    private static void awaitConfirmation(DatabaseGate gate) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (gate.confirming() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        org.junit.jupiter.api.Assertions.assertFalse(gate.confirming(), "the gate finished its own connection attempt");
    }

    @Test
    void outsideTheApiNothingIsGated() {
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
        gate.outageSeen(new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertProblem(Api.anonymous().get("/api/v1/groups").then(), 503, "unavailable");
        io.restassured.RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aConnectionBrokenUnderOneRequestDoesNotCloseTheGate() throws SQLException {
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
        terminatePoolConnections();
        // The request that meets a terminated connection gets its 503; the next one opens a fresh connection.
        assertProblem(Api.anonymous().get("/api/v1/groups").then(), 503, "unavailable");
        Api.dataSource().flush(AgroalDataSource.FlushMode.ALL);
        Api.anonymous().get("/api/v1/groups").then().statusCode(200);
    }

    /** The pool may still hand the probe a connection the termination killed; the next try opens a new one. */
    private void probeUntilItConnects() {
        for (int i = 0; i < 5 && !gate.probe(); i++) {
            Api.dataSource().flush(AgroalDataSource.FlushMode.ALL);
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
