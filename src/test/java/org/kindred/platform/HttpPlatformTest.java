package org.kindred.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.kindred.support.Problems.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class HttpPlatformTest {

    @Test
    void unknownRoutesAreProblem404() {
        assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
        assertProblem(given().get("/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        assertProblem(given().delete("/api/v1/guidelines").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS");
        assertProblem(given().request("TRACE", "/api/v1/guidelines").then(), 405, "method-not-allowed")
                .header("Allow", not(containsString("TRACE")));
    }

    @Test
    void bodyOver64KiBIs413() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";
        assertProblem(given().contentType(ContentType.JSON).body(big).post("/api/v1/auth/login").then(), 413,
                "payload-too-large");
    }

    @Test
    void aChunkedBodyOutsideUploadsIs411AndNothingIsRead() throws Exception {
        // A chunked body is read by the body handler up to the uploads' 10 MiB limit before anything could refuse
        // it, so outside uploads the API asks for a Content-Length instead.
        byte[] small = "{\"email\":\"nobody@example.org\",\"password\":\"wrong-password-1\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.URI login = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                + "/api/v1/auth/login");
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(login).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers
                                .ofInputStream(() -> new java.io.ByteArrayInputStream(small)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(411, chunked.statusCode(), chunked.body());
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json",
                chunked.headers().firstValue("Content-Type").orElse(""));
        org.junit.jupiter.api.Assertions.assertTrue(chunked.body().contains("urn:kindred:problem:length-required"));
        given().contentType(ContentType.JSON).body(small).post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void unsupportedMediaTypeIs415() {
        assertProblem(given().contentType("application/xml").body("<a/>").post("/api/v1/auth/register").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void securityHeadersAreOnEveryApiResponse() {
        given().get("/api/v1/guidelines").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("RateLimit-Policy", containsString("\"read-ip\";q="))
                .header("RateLimit", containsString("\"read-ip\";r="));
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/me").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", "https://evil.example").get("/api/v1/guidelines").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void healthMetricsOpenApiAndSwaggerAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().get("/api/v1/guidelines").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/guidelines\""));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Kindred API"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void errorsNeverLeakInternals() {
        given().contentType(ContentType.JSON).body("{\"email\": [1,2,{}], \"password\": {\"a\": 1}}")
                .post("/api/v1/auth/login").then().statusCode(400)
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("java.")))
                .body(not(containsString("at org.")))
                .body("detail", notNullValue());
    }
}
