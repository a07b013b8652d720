package org.kindred.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kindred.library.Library;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test data for webhooks, made through the real API. */
public final class Hooks {

    public static final String ENDPOINTS = "/api/v1/webhooks/endpoints";
    public static final List<String> RESOURCE_EVENTS = List.of("resource.published", "resource.updated",
            "resource.archived");

    private Hooks() {
    }

    /** A partner organisation and one API key with these scopes. */
    public record Partner(String id, String key) {
        public RequestSpecification api() {
            return given().header("X-Api-Key", key).contentType(ContentType.JSON);
        }
    }

    /** A registered endpoint and the secret shown once. */
    public record Endpoint(String id, String secret) {
    }

    public static Partner partner(TestAccount admin, String... scopes) {
        String id = Api.as(admin)
                .body(Map.of("name", "Webhook partner " + UUID.randomUUID(), "url", "https://partner.example/"))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        String key = Api.as(admin).body(Map.of("name", "webhooks", "scopes", List.of(scopes)))
                .post("/api/v1/partners/" + id + "/keys").then().statusCode(201).extract().path("apiKey");
        return new Partner(id, key);
    }

    public static Endpoint register(RequestSpecification caller, String url, List<String> eventTypes) {
        Response created = caller.body(Map.of("url", url, "eventTypes", eventTypes, "description", "test receiver"))
                .post(ENDPOINTS).then().statusCode(201).extract().response();
        return new Endpoint(created.path("endpoint.id"), created.path("secret"));
    }

    /** Creates a published resource as an admin; returns its id. */
    public static String publishResource(TestAccount admin) {
        return Library.create(admin, Library.resource(r -> {
        }));
    }

    /** The delivery log of an endpoint, as the owner sees it: message id to its row. */
    public static Map<String, Map<String, Object>> log(RequestSpecification owner, String endpointId) {
        List<Map<String, Object>> items = owner.get(ENDPOINTS + "/" + endpointId + "/deliveries?limit=100").then()
                .statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        items.forEach(item -> byId.put((String) item.get("messageId"), item));
        return byId;
    }
}
