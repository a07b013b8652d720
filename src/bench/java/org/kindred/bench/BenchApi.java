package org.kindred.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few API calls the orchestrator makes itself, outside the measurement: signing the readers in (through the real
 * login, Argon2id and TokenIssuer), refreshing their tokens between scenarios, and paging down a feed for a cursor.
 */
final class BenchApi {

    /** A signed-in reader: the account, its session (the token's {@code sid}) and the current token pair. */
    record SignedIn(UUID accountId, UUID sessionId, String accessToken, String refreshToken, Instant issuedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    BenchApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    SignedIn login(String email, String password) throws IOException, InterruptedException {
        JsonNode tokens = post("/api/v1/auth/login",
                JSON.createObjectNode().put("email", email).put("password", password));
        return signedIn(tokens);
    }

    SignedIn refresh(SignedIn reader) throws IOException, InterruptedException {
        SignedIn next = signedIn(
                post("/api/v1/auth/refresh", JSON.createObjectNode().put("refreshToken", reader.refreshToken())));
        if (!next.sessionId().equals(reader.sessionId())) {
            throw new IllegalStateException("A refresh changed the session");
        }
        return next;
    }

    /** One feed page: its item count and the cursor of the next page (null on the last page). */
    record FeedPage(int items, String nextCursor) {
    }

    FeedPage feedPage(SignedIn reader, UUID groupId, int limit, String cursor)
            throws IOException, InterruptedException {
        String query = "?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode page = send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/groups/" + groupId + "/posts" + query))
                        .header("Authorization", "Bearer " + reader.accessToken()).GET(),
                200);
        JsonNode next = page.get("nextCursor");
        return new FeedPage(page.get("items").size(), next == null || next.isNull() ? null : next.asText());
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 200);
    }

    /**
     * Sends the request, and again while the server answers 503 (sign-ins beyond its hashing slots on a loaded
     * machine): after the Retry-After it names, at most ten times, as a client should.
     */
    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; attempt < 10 && response.statusCode() == 503; attempt++) {
            Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static SignedIn signedIn(JsonNode tokens) throws IOException {
        String access = tokens.get("accessToken").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        return new SignedIn(UUID.fromString(claims.get("sub").asText()), UUID.fromString(claims.get("sid").asText()),
                access, tokens.get("refreshToken").asText(), Instant.now());
    }
}
