package org.kindred.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Admins curate: create, merge-patch with If-Match, archive, publish, verify; every change is logged. */
@QuarkusTest
class CurationTest {

    @Test
    void anAdminCreatesAPublishedResourceWithLocationAndETag() {
        TestAccount admin = Api.admin();
        Map<String, Object> body = Library.resource(r -> r.put("type", "HELPLINE"));
        Response created = Api.as(admin).body(body).post("/api/v1/resources").then().statusCode(201)
                .header("Location", containsString("/api/v1/resources/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("PUBLISHED"))
                .body("type", equalTo("HELPLINE"))
                .body("lastVerifiedAt", notNullValue())
                .extract().response();
        String id = created.path("id");
        Api.anonymous().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void onlyAdminsAndPartnersCurate() {
        Map<String, Object> body = Library.resource(r -> {
        });
        assertProblem(Api.anonymous().body(body).post("/api/v1/resources").then(), 401, "unauthenticated");
        TestAccount member = Api.register("member");
        assertProblem(Api.as(member).body(body).post("/api/v1/resources").then(), 403, "forbidden");

        String id = Library.create(Api.admin(), Library.resource(r -> {
        }));
        assertProblem(Api.as(member).body(Map.of("title", "Mine")).patch("/api/v1/resources/" + id).then(), 403,
                "forbidden");
        assertProblem(Api.as(member).delete("/api/v1/resources/" + id).then(), 403, "forbidden");
        assertProblem(Api.as(member).post("/api/v1/resources/" + id + "/publish").then(), 403, "forbidden");
        assertProblem(Api.as(member).post("/api/v1/resources/" + id + "/verify").then(), 403, "forbidden");
        assertProblem(Api.as(member).get("/api/v1/resources/" + id + "/changes").then(), 403, "forbidden");
        assertProblem(Api.anonymous().get("/api/v1/resources/" + id + "/changes").then(), 401, "unauthenticated");
        Api.anonymous().get("/api/v1/resources/" + id).then().statusCode(200).body("title",
                not(equalTo("Mine")));
    }

    @Test
    void mergePatchChangesClearsAndHonoursIfMatch() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
            r.put("phone", "0800 111 222");
            r.put("email", "help@example.org");
        }));
        String etag = Api.as(admin).get("/api/v1/resources/" + id).then().extract().header("ETag");

        Response patched = Api.as(admin).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"title\":\"Renamed\",\"phone\":null,\"organization\":{\"url\":null},\"topics\":[\"HOUSING\",\"HOUSING\"],\"languages\":[\"EN\"]}")
                .patch("/api/v1/resources/" + id).then().statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("phone", nullValue())
                .body("email", equalTo("help@example.org"))
                .body("organization.name", equalTo("Example Org"))
                .body("organization.url", nullValue())
                .body("topics", equalTo(List.of("HOUSING")))
                .body("languages", equalTo(List.of("en")))
                .extract().response();
        assertTrue(!etag.equals(patched.header("ETag")));

        assertProblem(Api.as(admin).header("If-Match", etag).body(Map.of("title", "Lost update"))
                .patch("/api/v1/resources/" + id).then(), 412, "precondition-failed");
        assertProblem(Api.as(admin).header("If-Match", etag).delete("/api/v1/resources/" + id).then(), 412,
                "precondition-failed");
        Api.anonymous().get("/api/v1/resources/" + id).then().body("title", equalTo("Renamed"));
    }

    @Test
    void everyChangeIsLoggedWithWhoWhenAndWhat() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> r.put("phone", "0800 111 222")));
        Api.as(admin).body(Map.of("phone", "0800 333 444")).patch("/api/v1/resources/" + id).then().statusCode(200);
        // A patch that changes nothing is not logged.
        Api.as(admin).body(Map.of("phone", "0800 333 444")).patch("/api/v1/resources/" + id).then().statusCode(200);
        Api.as(admin).post("/api/v1/resources/" + id + "/verify").then().statusCode(200);
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        Api.as(admin).post("/api/v1/resources/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        Response changes = Api.as(admin).get("/api/v1/resources/" + id + "/changes").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().response();
        assertEquals(List.of("PUBLISHED", "ARCHIVED", "VERIFIED", "UPDATED", "CREATED"), changes.path("items.action"));
        assertEquals(List.of("ADMIN", "ADMIN", "ADMIN", "ADMIN", "ADMIN"), changes.path("items.actor.kind"));
        assertEquals(admin.id().toString(), changes.path("items[3].actor.accountId"));
        assertEquals("phone", changes.path("items[3].changes[0].field"));
        assertEquals("0800 111 222", changes.path("items[3].changes[0].previousValue"));
        assertEquals("0800 333 444", changes.path("items[3].changes[0].replacementValue"));
        assertEquals("ARCHIVED", changes.path("items[1].changes[0].replacementValue"));
        assertTrue(changes.<List<String>>path("items[4].changes.field").contains("url"));

        // Paging through the log.
        String cursor = Api.as(admin).queryParam("limit", 2).get("/api/v1/resources/" + id + "/changes").then()
                .extract().path("nextCursor");
        Api.as(admin).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/resources/" + id + "/changes")
                .then().statusCode(200).body("items.action", equalTo(List.of("VERIFIED", "UPDATED")));
        assertProblem(Api.as(admin).get("/api/v1/resources/" + UUID.randomUUID() + "/changes").then(), 404,
                "not-found");
    }

    @Test
    void staleResourcesAreFlaggedListedForAdminsAndClearedByVerification() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String id = Library.create(admin, Library.resource(r -> r.put("title", "Old " + word)));
        Api.sql("UPDATE curated_resources SET last_verified_at = ? WHERE id = ?::uuid",
                java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)), id);

        Api.anonymous().get("/api/v1/resources/" + id).then().body("stale", equalTo(true));
        Api.as(admin).queryParam("stale", "true").queryParam("limit", 100).get("/api/v1/resources").then()
                .statusCode(200).header("Cache-Control", "no-store").body("items.id", hasItem(id))
                .body("items.stale", org.hamcrest.Matchers.everyItem(equalTo(true)));

        Api.as(admin).post("/api/v1/resources/" + id + "/verify").then().statusCode(200).body("stale", equalTo(false));
        Api.as(admin).queryParam("stale", "true").queryParam("limit", 100).get("/api/v1/resources").then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aUrlIsInTheLibraryOnceWhileLive() {
        TestAccount admin = Api.admin();
        String url = Library.uniqueUrl();
        String id = Library.create(admin, Library.resource(r -> r.put("url", url)));
        // Same page, differently written: case of the host, trailing slash, fragment.
        String variant = url.replace("https://example.org", "https://EXAMPLE.org") + "/#top";
        assertProblem(Api.as(admin).body(Library.resource(r -> r.put("url", variant))).post("/api/v1/resources")
                .then(), 409, "duplicate").body("existingResourceId", equalTo(id))
                .body("errors.field", hasItem("url"));
        String other = Library.create(admin, Library.resource(r -> {
        }));
        assertProblem(Api.as(admin).body(Map.of("url", url)).patch("/api/v1/resources/" + other).then(), 409,
                "duplicate");
        // Once archived, the page may be added again; restoring the archived one then conflicts.
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        Library.create(admin, Library.resource(r -> r.put("url", url)));
        assertProblem(Api.as(admin).post("/api/v1/resources/" + id + "/publish").then(), 409, "duplicate");
    }

    @Test
    void verifyingNeedsAPublishedResource() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
        }));
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        assertProblem(Api.as(admin).post("/api/v1/resources/" + id + "/verify").then(), 409, "not-published");
        assertProblem(Api.as(admin).post("/api/v1/resources/" + UUID.randomUUID() + "/publish").then(), 404,
                "not-found");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        TestAccount admin = Api.admin();
        assertFieldError(post(admin, Library.resource(r -> r.put("url", "javascript:alert(1)"))), "url");
        assertFieldError(post(admin, Library.resource(r -> r.put("url", "ftp://example.org/x"))), "url");
        assertFieldError(post(admin, Library.resource(r -> r.put("url", "https://user:pw@example.org/"))), "url");
        assertFieldError(post(admin, Library.resource(r -> r.put("organization",
                Map.of("name", "Org", "url", "data:text/html,hi")))), "organization.url");
        assertFieldError(post(admin, Library.resource(r -> r.put("countries", List.of("UK")))), "countries[0]");
        assertFieldError(post(admin, Library.resource(r -> r.put("countries", List.of("GB", "GLOBAL")))),
                "countries");
        assertFieldError(post(admin, Library.resource(r -> r.put("countries", List.of()))), "countries");
        assertFieldError(post(admin, Library.resource(r -> r.put("regions", List.of("FR-75")))), "regions[0]");
        assertFieldError(post(admin, Library.resource(r -> r.put("regions", List.of("Scotland")))), "regions[0]");
        assertFieldError(post(admin, Library.resource(r -> r.put("languages", List.of("english")))),
                "languages[0]");
        assertFieldError(post(admin, Library.resource(r -> r.put("type", "HOTLINE"))), "type")
                .body("detail", containsString("CRISIS_LINE"));
        assertFieldError(post(admin, Library.resource(r -> r.put("bases", List.of("RACE")))), "bases[0]");
        assertFieldError(post(admin, Library.resource(r -> r.put("title", "x".repeat(201)))), "title");
        assertFieldError(post(admin, Library.resource(r -> r.put("summary", "x".repeat(2001)))), "summary");
        assertFieldError(post(admin, Library.resource(r -> r.put("phone", "call us"))), "phone");
        assertFieldError(post(admin, Library.resource(r -> r.put("email", "not-an-email"))), "email");
        assertFieldError(post(admin, Library.resource(r -> r.put("available24x7", "yes"))), "available24x7");
        assertFieldError(post(admin, Library.resource(r -> r.put("title", 42))), "title");
        assertFieldError(post(admin, Library.resource(r -> r.put("status", "PUBLISHED"))), "status");
        assertFieldError(post(admin, Library.resource(r -> r.remove("cost"))), "cost");
        assertProblem(Api.as(admin).body("{\"type\":").post("/api/v1/resources").then(), 400, "malformed-json");
        assertProblem(Api.as(admin).contentType(ContentType.XML).body("<resource/>").post("/api/v1/resources")
                .then(), 415, "unsupported-media-type");

        String id = Library.create(admin, Library.resource(r -> {
        }));
        assertFieldError(Api.as(admin).body("{\"title\":null}").patch("/api/v1/resources/" + id).then(), "title");
        assertFieldError(Api.as(admin).body("{\"countries\":null}").patch("/api/v1/resources/" + id).then(),
                "countries");
        assertFieldError(Api.as(admin).body("{\"bases\":null}").patch("/api/v1/resources/" + id).then(), "bases");
        assertFieldError(Api.as(admin).body("{\"url\":\"mailto:x@example.org\"}").patch("/api/v1/resources/" + id)
                .then(), "url");
        assertFieldError(Api.as(admin).body("{\"regions\":[\"US-CA\"]}").patch("/api/v1/resources/" + id).then(),
                "regions[0]");
        assertFieldError(Api.as(admin).body("{\"status\":\"ARCHIVED\"}").patch("/api/v1/resources/" + id).then(),
                "status");
        assertProblem(Api.as(admin).body(Map.of("title", "x")).patch("/api/v1/resources/" + UUID.randomUUID())
                .then(), 404, "not-found");
    }

    @Test
    void idempotencyKeyReplaysAnAdminsCreation() {
        TestAccount admin = Api.admin();
        Map<String, Object> body = Library.resource(r -> {
        });
        String key = UUID.randomUUID().toString();
        String first = Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/resources").then()
                .statusCode(201).extract().path("id");
        Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/resources").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    private static io.restassured.response.ValidatableResponse post(TestAccount admin, Map<String, Object> body) {
        return Api.as(admin).body(body).post("/api/v1/resources").then();
    }
}
