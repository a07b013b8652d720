package org.kindred.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.LogCapture;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The prod log format (JSON, as in the %prod profile) over a sign-up, sign-in, session and admin flow: every line is
 * one JSON object, lines written for a request carry its id, and nothing personal or secret appears. Our own code
 * logs at DEBUG here, so even its debug output is held to the rule.
 */
@QuarkusTest
@TestProfile(JsonLogPrivacyTest.ProdJsonLogs.class)
class JsonLogPrivacyTest {

    public static class ProdJsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true",
                    "quarkus.log.category.\"org.kindred\".level", "DEBUG");
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonLogLinesOfAnAccountFlowCarryRequestIdsAndNoPersonalData() throws Exception {
        TestAccount admin = Api.admin();
        String handle = Api.uniqueHandle("priv");
        String email = Api.uniqueEmail(handle);
        String displayName = "Ayesha Rahman-" + handle;
        String newPassword = "quartz-lantern-meadow-5577";
        String forgedToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJmb3JnZWQifQ.forged-signature-" + handle;
        List<String> secrets = new ArrayList<>(List.of(email, Api.PASSWORD, newPassword, displayName, forgedToken));

        try (LogCapture logs = LogCapture.start()) {
            Response registered = Api.anonymous()
                    .body(Map.of("email", email, "password", Api.PASSWORD, "handle", handle, "displayName",
                            displayName, "acceptGuidelinesVersion", 1))
                    .post("/api/v1/auth/register").then().statusCode(201).extract().response();
            String access = registered.path("accessToken");
            String refresh = registered.path("refreshToken");
            secrets.addAll(List.of(access, refresh));
            Api.anonymous().body(Map.of("email", email, "password", Api.PASSWORD, "handle", handle,
                    "acceptGuidelinesVersion", 1)).post("/api/v1/auth/register").then().statusCode(409);
            Api.anonymous().body(Map.of("email", email, "password", "wrong-" + Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(401);
            Response refreshed = Api.anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh")
                    .then().statusCode(200).extract().response();
            secrets.addAll(List.of(refreshed.path("accessToken"), refreshed.path("refreshToken")));
            Api.anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
            Api.anonymous().header("Authorization", "Bearer " + forgedToken).get("/api/v1/me").then().statusCode(401);
            Response login = Api.anonymous().body(Map.of("email", email, "password", Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().response();
            String token = login.path("accessToken");
            secrets.addAll(List.of(token, login.path("refreshToken")));
            Api.anonymous().auth().oauth2(token)
                    .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", newPassword))
                    .put("/api/v1/me/password").then().statusCode(204);
            String id = Api.anonymous().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract()
                    .path("id");
            Api.as(admin).header("X-Request-Id", "privacy-flow-1").body(Map.of("status", "SUSPENDED"))
                    .patch("/api/v1/admin/accounts/" + id).then().statusCode(200);
            Api.anonymous().auth().oauth2(token).post("/api/v1/auth/logout").then().statusCode(401);

            Formatter formatter = logs.consoleFormatter().orElseThrow();
            List<String> lines = logs.records().stream().map(formatter::format).toList();
            assertTrue(lines.size() >= 5, "the flow logs something to check: " + lines);
            boolean taggedAdminLine = false;
            int ownLines = 0;
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertTrue(entry.isObject() && entry.hasNonNull("message") && entry.hasNonNull("level"),
                        "one JSON object per line: " + line);
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "log line contains personal data or a secret: " + line);
                }
                assertFalse(line.contains("Bearer") || line.toLowerCase().contains("authorization:"),
                        "no Authorization header in logs: " + line);
                if (entry.path("loggerName").asText().startsWith("org.kindred.")) {
                    // Everything our code logged here was logged while serving a request.
                    ownLines++;
                    assertTrue(entry.path("mdc").path("requestId").asText().length() > 0,
                            "a line written for a request carries its id: " + line);
                }
                if (entry.path("message").asText().startsWith("Admin updated account")) {
                    taggedAdminLine = "privacy-flow-1".equals(entry.path("mdc").path("requestId").asText());
                }
            }
            assertTrue(taggedAdminLine, "the admin change is logged with its request id: " + lines);
            assertTrue(ownLines >= 2, "the flow's 4xx answers are logged at DEBUG: " + lines);
        }
    }
}
