package org.kindred.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Partner organisations: keys (hashed, scoped, revocable, rate-limited, counted) and the review flow. */
@QuarkusTest
class PartnerTest {

    @Test
    void aPartnersSubmissionWaitsForReviewUntilAnAdminPublishesIt() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        String word = Library.uniqueWord();
        Response submitted = Library.withKey(partner.key())
                .body(Library.resource(r -> r.put("title", "Clinic " + word))).post("/api/v1/resources").then()
                .statusCode(201).header("Location", containsString("/api/v1/resources/"))
                .body("status", equalTo("PENDING_REVIEW")).extract().response();
        String id = submitted.path("id");

        // Invisible to the public, to members and to other partners; visible to its partner and to admins.
        assertProblem(Api.anonymous().get("/api/v1/resources/" + id).then(), 404, "not-found");
        assertProblem(Api.as(Api.register("member")).get("/api/v1/resources/" + id).then(), 404, "not-found");
        Library.Partner other = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT, PartnerScopes.FEEDS_READ);
        assertProblem(Library.withKey(other.key()).get("/api/v1/resources/" + id).then(), 404, "not-found");
        Api.anonymous().queryParam("q", word).get("/api/v1/resources").then().body("items", equalTo(List.of()));
        Api.anonymous().queryParam("q", word).get("/api/v1/feeds/resources.json").then().body("items",
                equalTo(List.of()));
        Library.withKey(partner.key()).get("/api/v1/resources/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW")).header("Cache-Control", "no-store");
        Library.withKey(partner.key()).queryParam("status", "PENDING_REVIEW").get("/api/v1/resources").then()
                .statusCode(200).body("items.id", equalTo(List.of(id)));
        Library.withKey(other.key()).queryParam("status", "PENDING_REVIEW").get("/api/v1/resources").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        Api.as(admin).queryParam("status", "PENDING_REVIEW").queryParam("limit", 100).get("/api/v1/resources").then()
                .body("items.id", hasItem(id));

        // The partner may fix its pending submission; another partner may not touch it.
        Library.withKey(partner.key()).body(Map.of("summary", "Free legal clinic.")).patch("/api/v1/resources/" + id)
                .then().statusCode(200).body("summary", equalTo("Free legal clinic."));
        assertProblem(Library.withKey(other.key()).body(Map.of("summary", "Mine now"))
                .patch("/api/v1/resources/" + id).then(), 404, "not-found");
        assertProblem(Library.withKey(other.key()).delete("/api/v1/resources/" + id).then(), 404, "not-found");
        // Partners never publish.
        assertProblem(Library.withKey(partner.key()).post("/api/v1/resources/" + id + "/publish").then(), 401,
                "unauthenticated");

        Api.as(admin).post("/api/v1/resources/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        Api.anonymous().get("/api/v1/resources/" + id).then().statusCode(200).body("summary",
                equalTo("Free legal clinic."));
        Api.anonymous().queryParam("q", word).get("/api/v1/resources").then().body("items.id", equalTo(List.of(id)));

        // Once reviewed, the partner asks the curators for changes.
        assertProblem(Library.withKey(partner.key()).body(Map.of("summary", "Changed"))
                .patch("/api/v1/resources/" + id).then(), 409, "already-reviewed");
        assertProblem(Library.withKey(partner.key()).delete("/api/v1/resources/" + id).then(), 409,
                "already-reviewed");

        Response changes = Api.as(admin).get("/api/v1/resources/" + id + "/changes").then().statusCode(200).extract()
                .response();
        assertEquals(List.of("PUBLISHED", "UPDATED", "SUBMITTED"), changes.path("items.action"));
        assertEquals(List.of("ADMIN", "PARTNER", "PARTNER"), changes.path("items.actor.kind"));
        assertEquals(partner.id().toString(), changes.path("items[2].actor.partnerId"));
    }

    @Test
    void aPartnerWithdrawsItsPendingSubmission() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        String id = Library.withKey(partner.key()).body(Library.resource(r -> {
        })).post("/api/v1/resources").then().statusCode(201).extract().path("id");
        Library.withKey(partner.key()).delete("/api/v1/resources/" + id).then().statusCode(204);
        Library.withKey(partner.key()).get("/api/v1/resources/" + id).then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
    }

    @Test
    void theSameUrlTwiceIsAConflict() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        Map<String, Object> body = Library.resource(r -> {
        });
        String id = Library.withKey(partner.key()).body(body).post("/api/v1/resources").then().statusCode(201)
                .extract().path("id");
        assertProblem(Library.withKey(partner.key()).body(body).post("/api/v1/resources").then(), 409, "duplicate")
                .body("existingResourceId", equalTo(id));
        // Another partner learns the page is known, not the id of a submission it may not see.
        Library.Partner other = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        assertProblem(Library.withKey(other.key()).body(body).post("/api/v1/resources").then(), 409, "duplicate")
                .body("existingResourceId", nullValue());
        // A page already published by the curators is a conflict too.
        String url = Library.uniqueUrl();
        Library.create(admin, Library.resource(r -> r.put("url", url)));
        assertProblem(Library.withKey(partner.key()).body(Library.resource(r -> r.put("url", url)))
                .post("/api/v1/resources").then(), 409, "duplicate");
    }

    @Test
    void keysAreShownOnceStoredHashedAndListedWithUsage() throws Exception {
        TestAccount admin = Api.admin();
        String partnerId = Api.as(admin).body(Map.of("name", "Riverside " + Library.uniqueWord(), "contactEmail",
                "web@riverside.example")).post("/api/v1/partners").then().statusCode(201)
                .header("Location", containsString("/api/v1/partners/")).extract().path("id");
        Response created = Api.as(admin)
                .body(Map.of("name", "website feed", "scopes", List.of("feeds:read")))
                .post("/api/v1/partners/" + partnerId + "/keys").then().statusCode(201)
                .body("apiKey", startsWith("kpk_"))
                .body("key.scopes", equalTo(List.of("feeds:read")))
                .body("key.requestsPerMinute", equalTo(6000))
                .body("key.requestCount", equalTo(0))
                .extract().response();
        String key = created.path("apiKey");
        String keyId = created.path("key.id");
        assertTrue(key.startsWith(created.<String>path("key.prefix")));

        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, Api.count("SELECT count(*) FROM partner_api_keys WHERE id = ?::uuid AND key_hash = ?", keyId,
                hash));
        assertEquals(0, Api.count("SELECT count(*) FROM partner_api_keys k WHERE k::text LIKE ?",
                "%" + key.substring(12) + "%"), "the secret itself is never stored, only its hash and prefix");

        for (int i = 0; i < 3; i++) {
            Library.withKey(key).get("/api/v1/feeds/resources.json").then().statusCode(200);
        }
        Api.as(admin).get("/api/v1/partners/" + partnerId).then().statusCode(200)
                .body("contactEmail", equalTo("web@riverside.example"))
                .body("keys[0].id", equalTo(keyId))
                .body("keys[0].requestCount", equalTo(3))
                .body("keys[0].lastUsedAt", notNullValue())
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("apiKey")));
        Api.as(admin).queryParam("limit", 100).get("/api/v1/partners").then().statusCode(200)
                .body("items.id", hasItem(partnerId));
    }

    @Test
    void aRevokedKeyGets401AtOnce() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.FEEDS_READ, PartnerScopes.RESOURCES_SUBMIT);
        Library.withKey(partner.key()).get("/api/v1/feeds/resources.atom").then().statusCode(200);
        Api.as(admin).delete("/api/v1/partners/" + partner.id() + "/keys/" + partner.keyId()).then().statusCode(204);
        Api.as(admin).delete("/api/v1/partners/" + partner.id() + "/keys/" + partner.keyId()).then().statusCode(204);

        assertProblem(Library.withKey(partner.key()).get("/api/v1/feeds/resources.atom").then(), 401,
                "invalid-api-key");
        assertProblem(Library.withKey(partner.key()).body(Library.resource(r -> {
        })).post("/api/v1/resources").then(), 401, "invalid-api-key");
        Api.as(admin).get("/api/v1/partners/" + partner.id()).then().body("keys[0].revokedAt", notNullValue());
        // Unknown and malformed keys too.
        assertProblem(Library.withKey("kpk_" + "A".repeat(43)).get("/api/v1/resources").then(), 401,
                "invalid-api-key");
        assertProblem(Library.withKey("not-a-key").get("/api/v1/feeds/resources.json").then(), 401,
                "invalid-api-key");
    }

    @Test
    void aKeyWithoutTheScopeGets403() {
        TestAccount admin = Api.admin();
        Library.Partner reader = Library.partner(admin, PartnerScopes.FEEDS_READ);
        assertProblem(Library.withKey(reader.key()).body(Library.resource(r -> {
        })).post("/api/v1/resources").then(), 403, "missing-scope").body("detail",
                containsString("resources:submit"));
        assertProblem(Library.withKey(reader.key()).queryParam("status", "PENDING_REVIEW").get("/api/v1/resources")
                .then(), 403, "missing-scope");
        Library.Partner submitter = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        assertProblem(Library.withKey(submitter.key()).get("/api/v1/feeds/resources.json").then(), 403,
                "missing-scope").body("detail", containsString("feeds:read"));
        // Feeds stay public: without a key they answer.
        Api.anonymous().get("/api/v1/feeds/resources.json").then().statusCode(200);
    }

    @Test
    void eachKeyHasItsOwnRateLimit() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, 2, PartnerScopes.FEEDS_READ);
        Library.withKey(partner.key()).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("RateLimit-Policy", "\"partner-key\";q=2;w=60");
        Library.withKey(partner.key()).get("/api/v1/feeds/resources.json").then().statusCode(200);
        assertProblem(Library.withKey(partner.key()).get("/api/v1/feeds/resources.json").then(), 429, "rate-limited")
                .header("Retry-After", notNullValue());
        // Other callers are not affected; anonymous feed reads count per IP.
        Api.anonymous().get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("RateLimit-Policy", containsString("public-feed-ip"));
        Api.as(admin).get("/api/v1/partners/" + partner.id()).then()
                .body("keys[0].requestCount", greaterThanOrEqualTo(3));
    }

    @Test
    void idempotencyKeysBelongToThePartner() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        Map<String, Object> body = Library.resource(r -> {
        });
        String key = UUID.randomUUID().toString();
        String id = Library.withKey(partner.key()).header("Idempotency-Key", key).body(body)
                .post("/api/v1/resources").then().statusCode(201).extract().path("id");
        Library.withKey(partner.key()).header("Idempotency-Key", key).body(body).post("/api/v1/resources").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertProblem(Library.withKey(partner.key()).header("Idempotency-Key", key)
                .body(Library.resource(r -> {
                })).post("/api/v1/resources").then(), 422, "idempotency-key-reused");
        assertEquals(1, Api.count("SELECT count(*) FROM idempotency_keys WHERE partner_id = ? AND account_id IS NULL",
                partner.id()));
    }

    @Test
    void aKeyIsReadOnlyWhereItIsAcceptedAndNeverWithAToken() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.FEEDS_READ);
        assertFieldError(Api.as(admin).header("X-Api-Key", partner.key()).get("/api/v1/feeds/resources.json").then(),
                "X-Api-Key");
        // Elsewhere the header is ignored: it neither authenticates nor raises limits.
        assertProblem(Library.withKey(partner.key()).get("/api/v1/me").then(), 401, "unauthenticated");
        Library.withKey(partner.key()).get("/api/v1/guidelines").then().statusCode(200)
                .header("RateLimit-Policy", containsString("read-ip"));
    }

    @Test
    void onlyAdminsManagePartners() {
        TestAccount admin = Api.admin();
        TestAccount member = Api.register("member");
        Library.Partner partner = Library.partner(admin, PartnerScopes.FEEDS_READ);
        Map<String, Object> body = Map.of("name", "Someone " + Library.uniqueWord());
        assertProblem(Api.anonymous().body(body).post("/api/v1/partners").then(), 401, "unauthenticated");
        assertProblem(Api.as(member).body(body).post("/api/v1/partners").then(), 403, "forbidden");
        assertProblem(Library.withKey(partner.key()).body(body).post("/api/v1/partners").then(), 401,
                "unauthenticated");
        assertProblem(Api.as(member).get("/api/v1/partners/" + partner.id()).then(), 403, "forbidden");
        assertProblem(Api.as(member).get("/api/v1/partners").then(), 403, "forbidden");
        assertProblem(Api.as(member).body(Map.of("name", "k", "scopes", List.of("feeds:read")))
                .post("/api/v1/partners/" + partner.id() + "/keys").then(), 403, "forbidden");
        assertProblem(Api.as(member).delete("/api/v1/partners/" + partner.id() + "/keys/" + partner.keyId()).then(),
                403, "forbidden");
        Library.withKey(partner.key()).get("/api/v1/feeds/resources.json").then().statusCode(200);
    }

    @Test
    void partnerBadInputAndOtherPartnersKeys() {
        TestAccount admin = Api.admin();
        String name = "Unique " + Library.uniqueWord();
        Api.as(admin).body(Map.of("name", name)).post("/api/v1/partners").then().statusCode(201);
        assertProblem(Api.as(admin).body(Map.of("name", name.toUpperCase())).post("/api/v1/partners").then(), 409,
                "duplicate").body("errors.field", hasItem("name"));
        assertFieldError(Api.as(admin).body(Map.of("name", "x", "url", "javascript:alert(1)"))
                .post("/api/v1/partners").then(), "url");
        assertFieldError(Api.as(admin).body(Map.of("name", "y".repeat(201))).post("/api/v1/partners").then(),
                "name");
        assertFieldError(Api.as(admin).body(Map.of()).post("/api/v1/partners").then(), "name");

        Library.Partner a = Library.partner(admin, PartnerScopes.FEEDS_READ);
        Library.Partner b = Library.partner(admin, PartnerScopes.FEEDS_READ);
        assertFieldError(Api.as(admin).body(Map.of("name", "k", "scopes", List.of("admin")))
                .post("/api/v1/partners/" + a.id() + "/keys").then(), "scopes[0]");
        assertFieldError(Api.as(admin).body(Map.of("name", "k", "scopes", List.of()))
                .post("/api/v1/partners/" + a.id() + "/keys").then(), "scopes");
        assertFieldError(Api.as(admin).body(Map.of("name", "k", "scopes", List.of("feeds:read"), "requestsPerMinute",
                0)).post("/api/v1/partners/" + a.id() + "/keys").then(), "requestsPerMinute");
        assertProblem(Api.as(admin).body(Map.of("name", "k", "scopes", List.of("feeds:read")))
                .post("/api/v1/partners/" + UUID.randomUUID() + "/keys").then(), 404, "not-found");
        // A key is revoked through its own partner only.
        assertProblem(Api.as(admin).delete("/api/v1/partners/" + b.id() + "/keys/" + a.keyId()).then(), 404,
                "not-found");
        Library.withKey(a.key()).get("/api/v1/feeds/resources.json").then().statusCode(200);
        assertProblem(Api.as(admin).get("/api/v1/partners/" + UUID.randomUUID()).then(), 404, "not-found");
    }
}
