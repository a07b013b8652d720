package org.kindred.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.LogCapture;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/** What operators rely on: request ids in responses and logs, latency histograms, and the startup probe. */
@QuarkusTest
class ObservabilityTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void aRequestIdIsGeneratedWhenTheClientSendsNone() {
        String first = given().get("/api/v1/guidelines").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        String second = given().get("/api/v1/guidelines").then().extract().header("X-Request-Id");
        assertNotEquals(first, second, "every request gets its own id");
    }

    @Test
    void aSaneIncomingRequestIdIsKept() {
        given().header("X-Request-Id", "ingress-7f3a_9.b").get("/api/v1/guidelines").then()
                .header("X-Request-Id", "ingress-7f3a_9.b");
        given().header("X-Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736").get("/q/health/live").then()
                .header("X-Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anUnsafeOrOverlongRequestIdIsReplaced() {
        for (String bad : List.of("", "a b", "x".repeat(65), "id\",\"level\":\"ERROR", "<script>", "ünïcode",
                "a%0Ab")) {
            given().header("X-Request-Id", bad).get("/api/v1/guidelines").then()
                    .header("X-Request-Id", matchesPattern(UUID));
        }
    }

    @Test
    void answersGivenBeforeJaxRsCarryTheRequestIdToo() {
        given().request("TRACE", "/api/v1/guidelines").then().statusCode(405).header("X-Request-Id",
                matchesPattern(UUID));
        given().get("/api/v1/no-such-thing").then().statusCode(404).header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void logLinesWrittenDuringARequestCarryItsId() {
        TestAccount admin = Api.admin();
        TestAccount member = Api.register("mdc");
        try (LogCapture logs = LogCapture.start()) {
            Api.as(admin).header("X-Request-Id", "trace-me-42").body(Map.of("roles", List.of("professional")))
                    .patch("/api/v1/admin/accounts/" + member.id()).then().statusCode(200)
                    .header("X-Request-Id", "trace-me-42");
            List<ExtLogRecord> lines = logs.records().stream()
                    .filter(r -> r.getFormattedMessage().startsWith("Admin updated account " + member.id())).toList();
            assertEquals(1, lines.size(), "the admin change is logged once");
            assertEquals("trace-me-42", lines.get(0).getMdc("requestId"));
        }
    }

    @Test
    void httpServerLatencyIsAHistogramWithFixedBuckets() {
        given().get("/api/v1/guidelines").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> buckets = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
                .filter(l -> l.contains("uri=\"/api/v1/guidelines\"") && l.contains("method=\"GET\""))
                .filter(l -> l.contains("status=\"200\""))
                .toList();
        for (String le : List.of("0.005", "0.025", "0.1", "0.25", "1.0", "10.0", "+Inf")) {
            assertFalse(buckets.stream().noneMatch(l -> l.contains("le=\"" + le + "\"")),
                    "bucket le=" + le + " is published: " + buckets);
        }
        assertEquals(12, buckets.size(), "11 fixed buckets plus +Inf per series, not hundreds: " + buckets);
    }

    @Test
    void theStartupProbeEndpointIsServed() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database"));
    }
}
