package org.kindred.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.kindred.support.mail.TestMailServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test helpers that go through the real HTTP API (registration, sign-in) and, where a test needs it, SQL. */
public final class Api {

    public static final String PASSWORD = "violet-kayak-ember-tundra-91";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private Api() {
    }

    /** A unique handle: a prefix, this run and a counter (3 to 30 characters of [a-z0-9_]). */
    public static String uniqueHandle(String prefix) {
        String handle = prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
        return handle.length() > 30 ? handle.substring(handle.length() - 30) : handle;
    }

    public static String uniqueEmail(String handle) {
        return handle + "@example.org";
    }

    public static Map<String, Object> registration(String handle) {
        return Map.of("email", uniqueEmail(handle), "password", PASSWORD, "handle", handle, "acceptGuidelinesVersion",
                1);
    }

    public static TestAccount register(String prefix) {
        return registerWith(registration(uniqueHandle(prefix)));
    }

    /**
     * Registers as a person would: asks for the account (202), receives the mail over SMTP, follows its link (201).
     * The body's e-mail must have no account.
     */
    public static TestAccount registerWith(Map<String, Object> body) {
        String email = (String) body.get("email");
        int earlier = TestMailServer.mailsTo(email).size();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/register").then().statusCode(202);
        String token = TestMailServer.awaitNth(email, earlier + 1).token();
        Response response = given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/register/confirm").then().statusCode(201).extract().response();
        return new TestAccount(UUID.fromString(response.path("account.id")), email, (String) body.get("handle"),
                (String) body.get("password"), response.path("accessToken"), response.path("refreshToken"));
    }

    /** The body of a registration without an e-mail address. */
    public static Map<String, Object> registrationWithoutEmail(String handle) {
        return Map.of("password", PASSWORD, "handle", handle, "acceptGuidelinesVersion", 1);
    }

    /** Joins without an e-mail address (201 at once); the account's e-mail is null, its recovery codes are dropped. */
    public static TestAccount registerWithoutEmail(String prefix) {
        String handle = uniqueHandle(prefix);
        Response response = given().contentType(ContentType.JSON).body(registrationWithoutEmail(handle))
                .post("/api/v1/auth/register/without-email").then().statusCode(201).extract().response();
        return new TestAccount(UUID.fromString(response.path("account.id")), null, handle, PASSWORD,
                response.path("accessToken"), response.path("refreshToken"));
    }

    /** Registers an account and makes it a platform admin (the role is read from the database on every request). */
    public static TestAccount admin() {
        TestAccount account = register("admin");
        sql("UPDATE accounts SET roles = '{member,admin}' WHERE id = ?", account.id());
        return account;
    }

    /** Signs in with the account's e-mail, or with its handle when it has none. */
    public static TestAccount login(TestAccount account) {
        Response response = given().contentType(ContentType.JSON)
                .body(account.email() == null
                        ? Map.of("handle", account.handle(), "password", account.password())
                        : Map.of("email", account.email(), "password", account.password()))
                .post("/api/v1/auth/login").then().statusCode(200).extract().response();
        return account.withTokens(response.path("accessToken"), response.path("refreshToken"));
    }

    public static RequestSpecification as(TestAccount account) {
        return given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /**
     * Runs a statement behind the API's back, then (outside a transaction) waits until this replica's memories of
     * access facts have heard of any change it made (platform.db.AccessChanges: a change is normally forgotten within
     * milliseconds, by notification; a test's next request could otherwise arrive first).
     */
    public static int sql(String statement, Object... params) {
        try (var connection = dataSource().getConnection(); var ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            int changed = ps.executeUpdate();
            // Inside a caller's transaction the change (and its notification) comes at that commit: nothing to wait for.
            if (connection.getAutoCommit()
                    && !Arc.container().instance(org.kindred.platform.db.AccessChanges.class).get()
                            .awaitCaughtUp(connection, java.time.Duration.ofSeconds(5))) {
                throw new IllegalStateException("the access-change listener did not hear of the change within 5 s");
            }
            return changed;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static long count(String query, Object... params) {
        try (var connection = dataSource().getConnection(); var ps = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
