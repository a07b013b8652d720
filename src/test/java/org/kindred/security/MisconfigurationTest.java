package org.kindred.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API8 (security misconfiguration): the hardening a browser or an attacker notices on the wire. Security
 * headers on every response, errors included; no TRACE or other unsupported methods; CORS open only where the README
 * says (the public feeds); errors that never show internals; no version banners; no dev tooling in a packaged build.
 */
@QuarkusTest
class MisconfigurationTest {

    private static final String FOREIGN_ORIGIN = "https://evil.example";

    /** Sent on every response by the server configuration. */
    private static final Map<String, String> EVERYWHERE = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains");

    /** Sent on every response under /api/. */
    private static final Map<String, String> API_ONLY = Map.of(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Cross-Origin-Resource-Policy", "same-site");

    private static Map<String, Supplier<Response>> apiResponses() {
        Map<String, Supplier<Response>> responses = new LinkedHashMap<>();
        responses.put("200", () -> given().get("/api/v1/guidelines"));
        responses.put("400", () -> given().contentType(ContentType.JSON).body("{").post("/api/v1/auth/login"));
        responses.put("401", () -> given().get("/api/v1/me"));
        responses.put("404", () -> given().get("/api/v1/no-such-thing"));
        responses.put("405", () -> given().delete("/api/v1/guidelines"));
        responses.put("405 TRACE", () -> given().request("TRACE", "/api/v1/guidelines"));
        responses.put("413", () -> given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + "a".repeat(70_000) + "\"}").post("/api/v1/auth/login"));
        responses.put("415", () -> given().contentType("text/plain").body("x").post("/api/v1/auth/login"));
        return responses;
    }

    @Test
    void securityHeadersAreOnApiResponsesAndOnErrors() {
        List<String> missing = new ArrayList<>();
        apiResponses().forEach((label, request) -> {
            Response response = request.get();
            assertEquals(label.substring(0, 3), Integer.toString(response.statusCode()), label);
            EVERYWHERE.forEach((name, value) -> expectHeader(missing, label, response, name, value));
            API_ONLY.forEach((name, value) -> expectHeader(missing, label, response, name, value));
            if (response.statusCode() >= 400) {
                expectHeader(missing, label + " (errors are never cached)", response, "Cache-Control", "no-store");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void securityHeadersAreOnOperationsEndpointsAndFeedPreflightsToo() {
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/q/openapi", "/q/openapi?format=json", "/q/health/ready", "/q/swagger-ui/",
                "/no-such-thing", "/.well-known/jwks.json")) {
            Response response = given().get(path);
            EVERYWHERE.forEach((name, value) -> expectHeader(missing, path, response, name, value));
        }
        Response preflight = given().header("Origin", "https://any-partner.example")
                .header("Access-Control-Request-Method", "GET").options("/api/v1/feeds/resources.json");
        EVERYWHERE.forEach((name, value) -> expectHeader(missing, "feed preflight", preflight, name, value));
        assertEquals(List.of(), missing);
    }

    private static void expectHeader(List<String> missing, String label, Response response, String name,
            String value) {
        if (!value.equals(response.header(name))) {
            missing.add(label + ": " + name + " was " + response.header(name));
        }
    }

    @Test
    void personalResponsesAreNeverCached() {
        TestAccount account = Api.register("misconf");
        Api.as(account).get("/api/v1/me").then().statusCode(200).header("Cache-Control", "no-store");
        Api.as(account).get("/api/v1/me/memberships").then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void traceIsRefusedWithoutEchoingTheRequest() {
        String probe = "probe-" + UUID.randomUUID();
        for (String path : List.of("/api/v1/guidelines", "/api/v1/me", "/q/health/live", "/")) {
            Response response = given().header("X-Echo-Probe", probe).header("Cookie", "session=" + probe)
                    .auth().oauth2(probe).request("TRACE", path);
            assertProblem(response.then(), 405, "method-not-allowed")
                    .header("Allow", notNullValue())
                    .header("Allow", not(containsString("TRACE")));
            assertFalse(response.asString().contains(probe), "TRACE echoed the request: " + response.asString());
            response.headers().forEach(h -> assertFalse(h.getValue().contains(probe), "echoed in " + h));
        }
    }

    @Test
    void unknownMethodsAre405WithAllow() {
        String probe = "probe-" + UUID.randomUUID();
        for (String method : List.of("PROPFIND", "MKCOL", "LOCK", "CONNECT-ME")) {
            Response response = given().header("X-Echo-Probe", probe).request(method, "/api/v1/guidelines");
            assertProblem(response.then(), 405, "method-not-allowed").header("Allow", "GET, HEAD, OPTIONS");
            assertFalse(response.asString().contains(probe), method + " echoed the request");
        }
        assertProblem(given().request("PROPFIND", "/api/v1/me").then(), 405, "method-not-allowed")
                .header("Allow", containsString("PATCH"));
    }

    @Test
    void theApiGrantsNoCorsToForeignOrigins() {
        for (String origin : List.of(FOREIGN_ORIGIN, "null", "http://localhost:3000.evil.example",
                "http://evil-localhost:3000", "https://localhost:3000")) {
            Response simple = given().header("Origin", origin).get("/api/v1/guidelines");
            assertNotGranted(simple, origin);
            Response preflight = given().header("Origin", origin).header("Access-Control-Request-Method", "PATCH")
                    .header("Access-Control-Request-Headers", "authorization,content-type").options("/api/v1/me");
            assertNotGranted(preflight, origin);
            Response withToken = given().header("Origin", origin).auth().oauth2("x").get("/api/v1/me");
            assertNotGranted(withToken, origin);
        }
        // The allowed origin gets exactly itself, never with credentials.
        given().header("Origin", "http://localhost:3000").get("/api/v1/guidelines").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    private static void assertNotGranted(Response response, String origin) {
        String allowed = response.header("Access-Control-Allow-Origin");
        assertTrue(allowed == null || !(allowed.equals(origin) || allowed.equals("*")),
                origin + " was granted: " + allowed);
        assertNotEquals("true", response.header("Access-Control-Allow-Credentials"), origin);
    }

    @Test
    void thePublicFeedsAllowAnyOriginWithoutCredentials() {
        for (String path : List.of("/api/v1/feeds/resources.json", "/api/v1/feeds/resources.atom")) {
            Response read = given().header("Origin", "https://any-partner.example").get(path);
            assertEquals(200, read.statusCode(), path);
            assertEquals("*", read.header("Access-Control-Allow-Origin"), path);
            assertNull(read.header("Access-Control-Allow-Credentials"), path + ": never with credentials");

            Response preflight = given().header("Origin", "https://any-partner.example")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization,x-api-key").options(path);
            assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, path);
            assertEquals("*", preflight.header("Access-Control-Allow-Origin"), path);
            assertNull(preflight.header("Access-Control-Allow-Credentials"), path);
            String headers = String.valueOf(preflight.header("Access-Control-Allow-Headers")).toLowerCase(Locale.ROOT);
            assertFalse(headers.contains("authorization") || headers.contains("x-api-key"),
                    "feeds take no credentials from browsers: " + headers);
            String methods = String.valueOf(preflight.header("Access-Control-Allow-Methods"));
            assertFalse(methods.contains("POST") || methods.contains("DELETE"), methods);
        }
    }

    @Test
    void errorsAreProblemJsonWithoutInternals() {
        TestAccount account = Api.register("misconf");
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        String longNumber = "9".repeat(5_000);
        Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
        requests.put("malformed JSON",
                () -> Api.anonymous().body("{\"email\": \"a@b.c\", ").post("/api/v1/auth/login"));
        requests.put("not JSON at all", () -> Api.anonymous().body("<xml/>").post("/api/v1/auth/login"));
        requests.put("JSON array for an object", () -> Api.anonymous().body("[1,2]").post("/api/v1/auth/login"));
        requests.put("trailing garbage", () -> Api.anonymous().body("{\"email\":\"a@b.c\",\"password\":\"x\"} }")
                .post("/api/v1/auth/login"));
        requests.put("deep nesting",
                () -> Api.anonymous().body("{\"email\":" + nested + "}").post("/api/v1/auth/login"));
        requests.put("wrong types", () -> Api.anonymous()
                .body("{\"email\": [1,2,{}], \"password\": {\"a\": 1}}").post("/api/v1/auth/login"));
        requests.put("wrong type in a number", () -> Api.anonymous().body(
                "{\"email\":\"x@example.org\",\"password\":\"pw-pw-pw-pw-pw\",\"handle\":\"abc\",\"acceptGuidelinesVersion\":\"one\"}")
                .post("/api/v1/auth/register"));
        requests.put("huge number", () -> Api.anonymous().body(
                "{\"email\":\"x@example.org\",\"password\":\"pw-pw-pw-pw-pw\",\"handle\":\"abc\",\"acceptGuidelinesVersion\":99999999999999999999999}")
                .post("/api/v1/auth/register"));
        requests.put("very long number", () -> Api.anonymous().body(
                "{\"email\":\"x@example.org\",\"password\":\"pw-pw-pw-pw-pw\",\"handle\":\"abc\",\"acceptGuidelinesVersion\":"
                        + longNumber + "}")
                .post("/api/v1/auth/register"));
        requests.put("huge exponent", () -> Api.anonymous().body(
                "{\"email\":\"x@example.org\",\"password\":\"pw-pw-pw-pw-pw\",\"handle\":\"abc\",\"acceptGuidelinesVersion\":1e999999}")
                .post("/api/v1/auth/register"));
        requests.put("huge number in a query", () -> given().queryParam("limit", "99999999999999999999999")
                .get("/api/v1/resources"));
        requests.put("negative limit", () -> given().queryParam("limit", "-1").get("/api/v1/resources"));
        requests.put("bad cursor", () -> given().queryParam("cursor", "not-a-cursor'--").get("/api/v1/resources"));
        requests.put("invalid enum in a query", () -> given().queryParam("type", "NOPE").get("/api/v1/resources"));
        requests.put("invalid enum in a group query", () -> Api.as(account).queryParam("topic", "'; DROP TABLE x")
                .get("/api/v1/groups"));
        requests.put("invalid date in a query", () -> given().queryParam("modifiedSince", "yesterday")
                .get("/api/v1/resources"));
        requests.put("invalid enum in a body", () -> Api.as(account)
                .body(Map.of("targetType", "COMMENT", "targetId", UUID.randomUUID().toString(), "reason", "SPAM"))
                .post("/api/v1/reports"));
        requests.put("invalid UUID in a path", () -> given().get("/api/v1/resources/not-a-uuid"));
        requests.put("invalid UUID in an authenticated path", () -> Api.as(account).get("/api/v1/posts/1' OR '1'='1"));
        requests.put("invalid UUID in a report path", () -> Api.as(account).get("/api/v1/reports/12345"));
        requests.put("invalid UUID in a write", () -> Api.as(account).put("/api/v1/me/blocks/zzz"));
        requests.put("unknown route", () -> given().get("/api/v1/does/not/exist"));
        requests.put("unknown route outside the API", () -> given().get("/WEB-INF/web.xml"));
        requests.put("path traversal", () -> given().urlEncodingEnabled(false).get("/api/v1/..%2f..%2fetc%2fpasswd"));
        requests.put("unknown field", () -> Api.as(account).body(Map.of("roles", List.of("admin")))
                .patch("/api/v1/me"));
        requests.put("bad token", () -> given().auth().oauth2("not.a.jwt").get("/api/v1/me"));
        requests.put("empty body", () -> Api.as(account).post("/api/v1/reports"));

        requests.forEach((label, request) -> {
            Response response = request.get();
            String body = response.asString();
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    label + ": a client error, not " + response.statusCode() + " " + body);
            assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"),
                    label + ": problem+json, not " + response.contentType());
            assertEquals("urn:kindred:problem:", response.<String>path("type").substring(0, 20), label);
            assertEquals(response.statusCode(), (int) response.<Integer>path("status"), label);
            assertLeaksNothing(label, body);
        });
    }

    private static void assertLeaksNothing(String label, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String internal : List.of("org.kindred", "exception", "jakarta", "javax", "hibernate", "com.fasterxml",
                "jackson", "io.vertx", "io.quarkus", "resteasy", "java.", "at org.", "postgres", "psql", "select ",
                "stack", "caused by", "\tat ", ".java:")) {
            assertFalse(lower.contains(internal), label + " leaks '" + internal + "': " + body);
        }
        assertFalse(body.contains("SQL"), label + " leaks SQL: " + body);
    }

    @Test
    void noVersionBanners() {
        for (Response response : List.of(given().get("/api/v1/guidelines"), given().get("/api/v1/no-such-thing"),
                given().request("TRACE", "/api/v1/guidelines"), given().get("/q/openapi"),
                given().get("/q/health/live"), given().get("/q/swagger-ui/"))) {
            String server = response.header("Server");
            assertTrue(server == null || !server.matches(".*\\d.*"), "Server header reveals a version: " + server);
            assertNull(response.header("X-Powered-By"));
            assertNull(response.header("X-AspNet-Version"));
            assertNull(response.header("X-Generator"));
        }
        // The OpenAPI document names the API's version, not the framework's.
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.version", equalTo("1.0.0"))
                .body(not(containsString("quarkus"))).body(not(containsString("Quarkus")));
    }

    @Test
    void devToolsAreAbsentAndSwaggerUiIsServedAsDocumented() {
        // The README: Swagger UI at /q/swagger-ui (KINDRED_SWAGGER_UI_ENABLED, default true) and the OpenAPI document
        // at /q/openapi. Dev UI exists in dev mode only, never in a packaged or test build.
        for (String path : List.of("/q/dev", "/q/dev/", "/q/dev-ui", "/q/dev-ui/", "/q/dev-v1", "/q/arc",
                "/q/arc/beans", "/q/console")) {
            assertProblem(given().get(path).then(), 404, "not-found");
        }
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY");
        given().get("/q/openapi").then().statusCode(200)
                .contentType(anyOf(containsString("yaml"), containsString("openapi")));
    }

    @Test
    void tokensAreNeverAcceptedFromTheQueryString() {
        TestAccount account = Api.register("misconf");
        assertProblem(given().queryParam("access_token", account.accessToken()).get("/api/v1/me").then(), 401,
                "unauthenticated");
        given().header("Authorization", "Bearer " + account.accessToken()).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(account.id().toString())).header("WWW-Authenticate", nullValue());
    }
}
