package org.kindred.library;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test data for the library, made through the real API. */
public final class Library {

    private Library() {
    }

    /** A partner organisation with one API key, as an admin created them. */
    record Partner(UUID id, String key, UUID keyId) {
    }

    /** A word of 10 random letters that no seed or other test uses, for full-text and filter isolation. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.append('x').toString();
    }

    public static String uniqueUrl() {
        return "https://example.org/help/" + UUID.randomUUID();
    }

    /** A valid create-resource body; the customizer changes what a test needs. */
    public static Map<String, Object> resource(Consumer<Map<String, Object>> customizer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GUIDE");
        body.put("title", "Guide " + uniqueWord());
        body.put("summary", "What to do after discrimination at work.");
        body.put("url", uniqueUrl());
        body.put("organization", Map.of("name", "Example Org", "url", "https://example.org/"));
        body.put("bases", List.of("RACE_ETHNICITY"));
        body.put("topics", List.of("WORKPLACE"));
        body.put("countries", List.of("GB"));
        body.put("languages", List.of("en"));
        body.put("cost", "FREE");
        customizer.accept(body);
        return body;
    }

    public static String create(TestAccount admin, Map<String, Object> body) {
        return Api.as(admin).body(body).post("/api/v1/resources").then().statusCode(201).extract().path("id");
    }

    static Partner partner(TestAccount admin, String... scopes) {
        return partner(admin, 6000, scopes);
    }

    static Partner partner(TestAccount admin, int requestsPerMinute, String... scopes) {
        String id = Api.as(admin).body(Map.of("name", "Partner " + uniqueWord(), "url", "https://partner.example/"))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        var key = Api.as(admin)
                .body(Map.of("name", "website", "scopes", List.of(scopes), "requestsPerMinute", requestsPerMinute))
                .post("/api/v1/partners/" + id + "/keys").then().statusCode(201).extract();
        return new Partner(UUID.fromString(id), key.path("apiKey"), UUID.fromString(key.path("key.id")));
    }

    static RequestSpecification withKey(String key) {
        return given().header("X-Api-Key", key).contentType(ContentType.JSON);
    }
}
