package org.kindred.webhooks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.Hooks;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Registering and managing webhook endpoints through the API: partners with {@code webhooks:manage}, admins for the
 * operators; URL checks against server-side request forgery (422 with the reason), the per-owner limit (409), If-Match,
 * another owner's endpoint (404), and bad input.
 */
@QuarkusTest
class WebhookEndpointsTest {

    static final String HOOK = "http://127.0.0.1:9/hook"; // loopback http: allowed in the test profile only

    TestAccount admin;
    Hooks.Partner partner;

    @BeforeEach
    void setUp() {
        Api.sql("DELETE FROM webhook_endpoints");
        admin = Api.admin();
        partner = Hooks.partner(admin, PartnerScopes.WEBHOOKS_MANAGE);
    }

    @Test
    void aPartnerRegistersListsReadsChangesAndDeletesItsEndpoints() {
        Response created = partner.api()
                .body(Map.of("url", HOOK, "eventTypes", List.of("resource.published", "resource.archived"),
                        "description", "Production sync"))
                .post(Hooks.ENDPOINTS).then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("endpoint.partnerId", equalTo(partner.id())).body("endpoint.url", equalTo(HOOK))
                .body("endpoint.eventTypes", equalTo(List.of("resource.archived", "resource.published")))
                .body("endpoint.description", equalTo("Production sync"))
                .body("endpoint.previousSecretExpiresAt", nullValue()).extract().response();
        String id = created.path("endpoint.id");
        String location = created.header("Location");
        assertEquals(true, location.endsWith(Hooks.ENDPOINTS + "/" + id));

        partner.api().get(Hooks.ENDPOINTS + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id)).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        partner.api().get(Hooks.ENDPOINTS).then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("nextCursor", nullValue());
        Api.as(admin).get(Hooks.ENDPOINTS).then().statusCode(200).body("items.id", not(hasItem(id)));

        assertProblem(partner.api().header("If-Match", "\"7\"").body(Map.of("description", "x"))
                .patch(Hooks.ENDPOINTS + "/" + id).then(), 412, "precondition-failed");
        partner.api().header("If-Match", "\"0\"")
                .body(Map.of("url", "http://127.0.0.1:10/hook", "eventTypes", List.of("resource.updated")))
                .patch(Hooks.ENDPOINTS + "/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("url", equalTo("http://127.0.0.1:10/hook"))
                .body("eventTypes", equalTo(List.of("resource.updated")))
                .body("description", equalTo("Production sync"));

        assertProblem(partner.api().header("If-Match", "\"0\"").delete(Hooks.ENDPOINTS + "/" + id).then(), 412,
                "precondition-failed");
        partner.api().header("If-Match", "\"1\"").delete(Hooks.ENDPOINTS + "/" + id).then().statusCode(204);
        assertProblem(partner.api().get(Hooks.ENDPOINTS + "/" + id).then(), 404, "not-found");
    }

    @Test
    void theSecretIsShownOnlyAtCreationAndRotationAndIsStoredEncrypted() {
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        String rotated = partner.api().post(Hooks.ENDPOINTS + "/" + endpoint.id() + "/rotate-secret").then()
                .statusCode(200).body("endpoint.id", equalTo(endpoint.id())).extract().path("secret");
        assertNotEquals(endpoint.secret(), rotated);
        String hex = java.util.HexFormat.of().formatHex(endpoint.secret().getBytes());
        assertEquals(0, Api.count("SELECT count(*) FROM webhook_endpoints WHERE encode(secret, 'hex') LIKE ? "
                + "OR encode(previous_secret, 'hex') LIKE ? OR CAST(secret AS text) LIKE ?", "%" + hex + "%",
                "%" + hex + "%", "%" + endpoint.secret().substring(6, 20) + "%"), "not in the database in clear");
        partner.api().get(Hooks.ENDPOINTS + "/" + endpoint.id()).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("whsec_")));
    }

    @Test
    void adminsRegisterOperatorEndpointsForCareAlertsAndPartnersCannot() {
        Api.as(admin).body(Map.of("url", HOOK, "eventTypes", List.of("care.held"))).post(Hooks.ENDPOINTS).then()
                .statusCode(201).body("endpoint.partnerId", nullValue())
                .body("endpoint.eventTypes", equalTo(List.of("care.held")));
        assertFieldError(partner.api().body(Map.of("url", HOOK, "eventTypes", List.of("care.held")))
                .post(Hooks.ENDPOINTS).then(), "eventTypes");
    }

    @Test
    void whoMayManageEndpoints() {
        Hooks.Endpoint mine = Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        Map<String, Object> body = Map.of("url", HOOK, "eventTypes", Hooks.RESOURCE_EVENTS);
        assertProblem(RestAssured.given().contentType(ContentType.JSON).body(body).post(Hooks.ENDPOINTS).then(), 401,
                "unauthenticated");
        assertProblem(Api.as(Api.register("whmem")).body(body).post(Hooks.ENDPOINTS).then(), 403, "forbidden");
        Hooks.Partner feedsOnly = Hooks.partner(admin, PartnerScopes.FEEDS_READ);
        assertProblem(feedsOnly.api().body(body).post(Hooks.ENDPOINTS).then(), 403, "missing-scope");
        assertProblem(feedsOnly.api().get(Hooks.ENDPOINTS + "/" + mine.id()).then(), 403, "missing-scope");
    }

    @Test
    void anotherPartnersEndpointIs404LikeOneThatDoesNotExist() {
        Hooks.Endpoint theirs = Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        Hooks.Partner other = Hooks.partner(admin, PartnerScopes.WEBHOOKS_MANAGE);
        String message = UUID.randomUUID().toString();
        for (String id : List.of(theirs.id(), UUID.randomUUID().toString())) {
            String url = Hooks.ENDPOINTS + "/" + id;
            assertProblem(other.api().get(url).then(), 404, "not-found");
            assertProblem(other.api().body(Map.of("description", "mine now")).patch(url).then(), 404, "not-found");
            assertProblem(other.api().delete(url).then(), 404, "not-found");
            assertProblem(other.api().post(url + "/rotate-secret").then(), 404, "not-found");
            assertProblem(other.api().get(url + "/deliveries").then(), 404, "not-found");
            assertProblem(other.api().post(url + "/deliveries/" + message + "/redeliver").then(), 404, "not-found");
            assertProblem(Api.as(admin).get(url).then(), 404, "not-found");
        }
        other.api().get(Hooks.ENDPOINTS).then().statusCode(200).body("items", equalTo(List.of()));
        partner.api().get(Hooks.ENDPOINTS + "/" + theirs.id()).then().statusCode(200);
        assertProblem(partner.api().post(Hooks.ENDPOINTS + "/" + theirs.id() + "/deliveries/" + message
                + "/redeliver").then(), 404, "not-found");
    }

    @Test
    void urlsThatCouldReachPrivateNetworksAreRefusedWithTheReason() {
        Map<String, String> refused = Map.ofEntries(Map.entry("https://10.1.2.3/hook", "private"),
                Map.entry("https://192.168.0.10/hook", "private"), Map.entry("https://172.16.5.4/hook", "private"),
                Map.entry("https://169.254.169.254/latest/meta-data", "link-local"),
                Map.entry("https://100.64.0.1/hook", "carrier-grade NAT"),
                Map.entry("https://224.0.0.1/hook", "multicast"), Map.entry("https://[fd00::1]/hook", "unique-local"),
                Map.entry("https://[fe80::1]/hook", "link-local"), Map.entry("https://0.0.0.0/hook", "unspecified"),
                Map.entry("https://[::ffff:10.0.0.1]/hook", "private"), Map.entry("http://8.8.8.8/hook", "https"),
                Map.entry("ftp://8.8.8.8/hook", "https"), Map.entry("https://user:pw@8.8.8.8/hook", "user information"),
                Map.entry("https://8.8.8.8/hook#x", "fragment"), Map.entry("/relative/hook", "absolute"),
                Map.entry("https://kindred-no-such-host.invalid/hook", "does not resolve"));
        refused.forEach((url, reason) -> assertProblem(partner.api()
                .body(Map.of("url", url, "eventTypes", Hooks.RESOURCE_EVENTS)).post(Hooks.ENDPOINTS).then(), 422,
                "unsafe-webhook-url").body("reason", org.hamcrest.Matchers.containsString(reason)));
        Hooks.Endpoint ok = Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        assertProblem(partner.api().body(Map.of("url", "https://10.0.0.1/hook"))
                .patch(Hooks.ENDPOINTS + "/" + ok.id()).then(), 422, "unsafe-webhook-url");
        partner.api().get(Hooks.ENDPOINTS + "/" + ok.id()).then().body("url", equalTo(HOOK));
        assertEquals(1, Api.count("SELECT count(*) FROM webhook_endpoints WHERE partner_id = CAST(? AS uuid)",
                partner.id()), "nothing half-written");
    }

    @Test
    void anOrganisationHasAtMostTenEndpoints() {
        for (int i = 0; i < 10; i++) {
            Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        }
        assertProblem(partner.api().body(Map.of("url", HOOK, "eventTypes", Hooks.RESOURCE_EVENTS))
                .post(Hooks.ENDPOINTS).then(), 409, "too-many-endpoints").body("limit", equalTo(10));
        List<String> first = partner.api().get(Hooks.ENDPOINTS + "?limit=6").then().statusCode(200)
                .extract().path("items.id");
        String cursor = partner.api().get(Hooks.ENDPOINTS + "?limit=6").then().extract().path("nextCursor");
        List<String> second = partner.api().get(Hooks.ENDPOINTS + "?limit=6&cursor=" + cursor).then()
                .statusCode(200).body("nextCursor", nullValue()).extract().path("items.id");
        assertEquals(6, first.size());
        assertEquals(4, second.size());
        Hooks.register(Api.as(admin), HOOK, List.of("care.held")); // the operators have their own count
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        assertFieldError(partner.api().body(Map.of("url", HOOK, "eventTypes", List.of("resource.deleted")))
                .post(Hooks.ENDPOINTS).then(), "eventTypes[0]");
        assertFieldError(partner.api().body(Map.of("url", HOOK, "eventTypes", List.of())).post(Hooks.ENDPOINTS)
                .then(), "eventTypes");
        assertFieldError(partner.api().body(Map.of("eventTypes", Hooks.RESOURCE_EVENTS)).post(Hooks.ENDPOINTS)
                .then(), "url");
        assertFieldError(partner.api().body(Map.of("url", "https://example.org/" + "a".repeat(2040), "eventTypes",
                Hooks.RESOURCE_EVENTS)).post(Hooks.ENDPOINTS).then(), "url");
        assertFieldError(partner.api().body(Map.of("url", HOOK, "eventTypes", "resource.published"))
                .post(Hooks.ENDPOINTS).then(), "eventTypes");
        assertFieldError(partner.api().body(Map.of("url", HOOK, "eventTypes", Hooks.RESOURCE_EVENTS, "secret",
                "whsec_mine")).post(Hooks.ENDPOINTS).then(), "secret");
        assertProblem(partner.api().body("{\"url\": ").post(Hooks.ENDPOINTS).then(), 400, "malformed-json");
        assertProblem(partner.api().get(Hooks.ENDPOINTS + "/not-a-uuid").then(), 400, "validation");
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), HOOK, Hooks.RESOURCE_EVENTS);
        assertProblem(partner.api().get(Hooks.ENDPOINTS + "/" + endpoint.id() + "/deliveries?status=LOST").then(),
                400, "validation");
        assertProblem(partner.api().get(Hooks.ENDPOINTS + "/" + endpoint.id() + "/deliveries?limit=101").then(),
                400, "validation");
        assertFieldError(partner.api().body(Map.of("description", "x".repeat(201)))
                .patch(Hooks.ENDPOINTS + "/" + endpoint.id()).then(), "description");
        assertEquals(1, Api.count("SELECT count(*) FROM webhook_endpoints WHERE partner_id = CAST(? AS uuid)",
                partner.id()));
    }
}
