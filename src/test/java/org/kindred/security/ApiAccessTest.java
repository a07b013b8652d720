package org.kindred.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The OWASP API Security Top 10 (2023) checks that apply to every operation, driven by the served OpenAPI document so
 * that a new operation is covered (or fails the build until it is classified):
 * <ul>
 * <li>API1 broken object level authorization: every path with an id, given another account's object the caller may not
 * see, answers 404, exactly as for an id that does not exist;</li>
 * <li>API5 broken function level authorization: a role x operation matrix for anonymous, member, admin and partner
 * key;</li>
 * <li>API3 broken object property level authorization: a write naming a property the request schema does not have
 * (ids, roles, status, counters, authors, ...) is refused with 400, whatever the response schema shows;</li>
 * <li>API4 unrestricted resource consumption: every documented string length, page size and the body size limit is
 * enforced with 400/413.</li>
 * </ul>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessTest {

    /** Who may call an operation at all (object-level rules come on top). */
    enum Audience {
        /** No credentials needed (a token or partner key may add to what is seen). */
        PUBLIC,
        /** A member's access token. */
        MEMBER,
        /** A member's token, or a partner key with the right scope. */
        MEMBER_OR_PARTNER,
        /** A platform admin's token. */
        ADMIN,
        /** A platform admin's token, or a partner key with the right scope (each sees only its own objects). */
        ADMIN_OR_PARTNER
    }

    record Op(String method, String path) implements Comparable<Op> {
        @Override
        public int compareTo(Op o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the API, and who may call it. */
    static final Map<Op, Audience> AUDIENCE = new TreeMap<>();

    static {
        for (String op : List.of("GET /.well-known/jwks.json", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
                "POST /api/v1/auth/register", "POST /api/v1/auth/register/confirm",
                "POST /api/v1/auth/register/without-email",
                "POST /api/v1/auth/email-verification/confirm", "POST /api/v1/auth/email-change/confirm",
                "POST /api/v1/auth/email-change/undo", "POST /api/v1/auth/password-reset",
                "POST /api/v1/auth/password-reset/confirm", "POST /api/v1/auth/recovery-codes/redeem",
                "GET /api/v1/feeds/resources.atom",
                "GET /api/v1/feeds/resources.json",
                "GET /api/v1/groups", "GET /api/v1/groups/{groupId}", "GET /api/v1/guidelines",
                "GET /api/v1/pathways", "GET /api/v1/pathways/deadlines", "GET /api/v1/pathways/{pathwayId}",
                "GET /api/v1/push/vapid-public-key",
                "GET /api/v1/resources", "GET /api/v1/resources/crisis", "GET /api/v1/resources/{resourceId}",
                "GET /api/v1/evidence/keys", "POST /api/v1/evidence/verify")) {
            put(op, Audience.PUBLIC);
        }
        for (String op : List.of("POST /api/v1/resources", "PATCH /api/v1/resources/{resourceId}",
                "DELETE /api/v1/resources/{resourceId}")) {
            put(op, Audience.MEMBER_OR_PARTNER);
        }
        for (String op : List.of("PATCH /api/v1/admin/accounts/{accountId}", "GET /api/v1/partners",
                "POST /api/v1/partners", "GET /api/v1/partners/{partnerId}", "POST /api/v1/partners/{partnerId}/keys",
                "DELETE /api/v1/partners/{partnerId}/keys/{keyId}", "GET /api/v1/reports",
                "GET /api/v1/resources/{resourceId}/changes", "POST /api/v1/resources/{resourceId}/publish",
                "POST /api/v1/resources/{resourceId}/verify")) {
            put(op, Audience.ADMIN);
        }
        for (String op : List.of("GET /api/v1/webhooks/endpoints", "POST /api/v1/webhooks/endpoints",
                "GET /api/v1/webhooks/endpoints/{endpointId}", "PATCH /api/v1/webhooks/endpoints/{endpointId}",
                "DELETE /api/v1/webhooks/endpoints/{endpointId}",
                "POST /api/v1/webhooks/endpoints/{endpointId}/rotate-secret",
                "GET /api/v1/webhooks/endpoints/{endpointId}/deliveries",
                "POST /api/v1/webhooks/endpoints/{endpointId}/deliveries/{messageId}/redeliver")) {
            put(op, Audience.ADMIN_OR_PARTNER);
        }
        for (String op : List.of("GET /api/v1/accounts/{handle}", "POST /api/v1/auth/logout", "POST /api/v1/groups",
                "PATCH /api/v1/groups/{groupId}", "DELETE /api/v1/groups/{groupId}",
                "GET /api/v1/groups/{groupId}/invites", "POST /api/v1/groups/{groupId}/invites",
                "DELETE /api/v1/groups/{groupId}/invites/{inviteId}", "GET /api/v1/groups/{groupId}/keyword-rules",
                "POST /api/v1/groups/{groupId}/keyword-rules", "DELETE /api/v1/groups/{groupId}/keyword-rules/{ruleId}",
                "PATCH /api/v1/groups/{groupId}/keyword-rules/{ruleId}", "GET /api/v1/groups/{groupId}/members",
                "POST /api/v1/groups/{groupId}/members", "DELETE /api/v1/groups/{groupId}/members/{accountId}",
                "PATCH /api/v1/groups/{groupId}/members/{accountId}", "GET /api/v1/groups/{groupId}/moderation-log",
                "GET /api/v1/groups/{groupId}/moderation/author-reads",
                "GET /api/v1/groups/{groupId}/posts", "POST /api/v1/groups/{groupId}/posts",
                "GET /api/v1/groups/{groupId}/reports", "POST /api/v1/groups/{groupId}/rules/acceptance",
                "PATCH /api/v1/me", "GET /api/v1/me", "DELETE /api/v1/me", "GET /api/v1/me/blocks",
                "DELETE /api/v1/me/blocks/{accountId}", "PUT /api/v1/me/blocks/{accountId}", "GET /api/v1/me/export",
                "GET /api/v1/me/memberships", "PUT /api/v1/me/password", "GET /api/v1/me/warnings",
                "GET /api/v1/me/care", "POST /api/v1/me/email-verification", "POST /api/v1/me/guidelines-acceptance",
                "GET /api/v1/me/sessions", "GET /api/v1/me/timeline", "GET /api/v1/me/posts", "GET /api/v1/me/replies",
                "GET /api/v1/me/mutes", "PUT /api/v1/me/mutes/{accountId}", "DELETE /api/v1/me/mutes/{accountId}",
                "DELETE /api/v1/me/sessions", "DELETE /api/v1/me/sessions/{sessionId}",
                "DELETE /api/v1/me/care/notes/{noteId}",
                "PATCH /api/v1/posts/{postId}", "GET /api/v1/posts/{postId}", "DELETE /api/v1/posts/{postId}",
                "DELETE /api/v1/posts/{postId}/lock", "POST /api/v1/posts/{postId}/lock",
                "DELETE /api/v1/posts/{postId}/pin", "POST /api/v1/posts/{postId}/pin",
                "DELETE /api/v1/posts/{postId}/reactions/{kind}", "PUT /api/v1/posts/{postId}/reactions/{kind}",
                "POST /api/v1/posts/{postId}/replies", "GET /api/v1/posts/{postId}/replies",
                "GET /api/v1/posts/{postId}/thread",
                "GET /api/v1/posts/{postId}/revisions", "POST /api/v1/reports", "PATCH /api/v1/reports/{reportId}",
                "GET /api/v1/reports/{reportId}", "POST /api/v1/safety/check", "GET /api/v1/me/notifications",
                "GET /api/v1/me/notifications/unread-count", "POST /api/v1/me/notifications/read",
                "POST /api/v1/me/notifications/{notificationId}/read",
                "DELETE /api/v1/me/notifications/{notificationId}", "GET /api/v1/me/notification-settings",
                "PUT /api/v1/me/notification-settings", "GET /api/v1/me/events",
                "GET /api/v1/posts/{postId}/subscription", "PUT /api/v1/posts/{postId}/subscription",
                "DELETE /api/v1/posts/{postId}/subscription", "GET /api/v1/me/recovery-codes",
                "POST /api/v1/me/recovery-codes", "GET /api/v1/me/keyword-mutes", "POST /api/v1/me/keyword-mutes",
                "GET /api/v1/me/keyword-mutes/{keywordMuteId}", "PATCH /api/v1/me/keyword-mutes/{keywordMuteId}",
                "DELETE /api/v1/me/keyword-mutes/{keywordMuteId}", "GET /api/v1/me/journal",
                "GET /api/v1/me/journal/entries", "POST /api/v1/me/journal/entries",
                "GET /api/v1/me/journal/entries/{entryId}", "PATCH /api/v1/me/journal/entries/{entryId}",
                "DELETE /api/v1/me/journal/entries/{entryId}", "GET /api/v1/me/journal/entries/{entryId}/deadlines",
                "GET /api/v1/me/journal/entries/{entryId}/reminders",
                "PUT /api/v1/me/journal/entries/{entryId}/reminders",
                "DELETE /api/v1/me/journal/entries/{entryId}/reminders", "GET /api/v1/me/push-subscriptions",
                "POST /api/v1/me/push-subscriptions", "GET /api/v1/me/push-subscriptions/{subscriptionId}",
                "DELETE /api/v1/me/push-subscriptions/{subscriptionId}",
                "GET /api/v1/me/journal/entries/{entryId}/attachments",
                "POST /api/v1/me/journal/entries/{entryId}/attachments",
                "GET /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}",
                "DELETE /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}",
                "GET /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}/content",
                "GET /api/v1/me/journal/export", "PUT /api/v1/me/journal/passphrase",
                "DELETE /api/v1/me/journal/passphrase")) {
            put(op, Audience.MEMBER);
        }
    }

    private static void put(String op, Audience audience) {
        String[] parts = op.split(" ", 2);
        AUDIENCE.put(new Op(parts[0], parts[1]), audience);
    }

    /**
     * Operations with an id in the path that another member may legitimately use with someone else's id, and why. Every
     * other path with an id is checked for BOLA.
     */
    static final Map<Op, String> NOT_OBJECT_SCOPED = Map.of(
            new Op("GET", "/api/v1/accounts/{handle}"), "public profiles of active members are public by design",
            new Op("PUT", "/api/v1/me/blocks/{accountId}"), "the object is the caller's own block list",
            new Op("DELETE", "/api/v1/me/blocks/{accountId}"), "the object is the caller's own block list",
            new Op("PUT", "/api/v1/me/mutes/{accountId}"), "the object is the caller's own mute list",
            new Op("DELETE", "/api/v1/me/mutes/{accountId}"), "the object is the caller's own mute list",
            new Op("GET", "/api/v1/pathways/{pathwayId}"), "complaint pathways are curated public reference data");

    /**
     * Operations that answer a member with a stream that stays open (Server-Sent Events): the matrix cannot wait for
     * their end; NotificationStreamTest checks who may open them.
     */
    static final Set<Op> STREAMS = Set.of(new Op("GET", "/api/v1/me/events"));

    private final ObjectMapper json = new ObjectMapper();
    private JsonNode openapi;
    private Set<Op> served;

    TestAccount owner;
    TestAccount stranger;
    TestAccount admin;
    TestGroup hidden;
    Map<String, String> othersIds = new HashMap<>();
    String partnerKey;
    String otherPartnerKey;

    @BeforeEach
    void fixtures() throws Exception {
        if (openapi != null) {
            return; // built once for the class (RestAssured's port is only known once a test runs)
        }
        openapi = json.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        served = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
                    served.add(new Op(method.toUpperCase(), path.getKey()));
                }
            });
        }

        owner = Api.register("acown");
        stranger = Api.register("acstr");
        admin = Api.admin();
        TestAccount member = Api.register("acmem");
        hidden = Groups.create(owner, "HIDDEN");
        Groups.addMember(owner, hidden, member);
        UUID post = Posts.post(owner, hidden, "A story for the hidden group only");
        UUID reply = Posts.reply(member, post, "A reply in the hidden group");
        Api.as(owner).body(Map.of("targetType", "POST", "targetId", reply.toString(), "reason", "WELLBEING_CONCERN"))
                .post("/api/v1/reports").then().statusCode(201);
        String note = Api.as(member).get("/api/v1/me/care").then().statusCode(200).extract().path("notes[0].id");
        String invite = Api.as(owner).body(Map.of("maxUses", 3)).post("/api/v1/groups/" + hidden.id() + "/invites")
                .then().statusCode(201).extract().path("id");
        String rule = Api.as(owner).body(Map.of("phrase", "watched phrase", "action", "FLAG"))
                .post("/api/v1/groups/" + hidden.id() + "/keyword-rules").then().statusCode(201).extract().path("id");
        String report = Api.as(member)
                .body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", "OTHER"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        Partner a = partner("resources:submit", "feeds:read");
        Partner b = partner("resources:submit", "feeds:read");
        partnerKey = a.key();
        otherPartnerKey = b.key();
        String pending = given().header("X-Api-Key", a.key()).contentType(ContentType.JSON).body(resourceBody())
                .post("/api/v1/resources").then().statusCode(201).extract().path("id");

        othersIds.put("groupId", hidden.id().toString());
        othersIds.put("postId", post.toString());
        othersIds.put("inviteId", invite);
        othersIds.put("ruleId", rule);
        othersIds.put("reportId", report);
        othersIds.put("accountId", member.id().toString());
        othersIds.put("resourceId", pending);
        othersIds.put("partnerId", a.id());
        othersIds.put("keyId", a.keyId());
        othersIds.put("kind", "I_BELIEVE_YOU");
        othersIds.put("handle", member.handle());
        othersIds.put("pathwayId", "us-eeoc-charge");
        othersIds.put("noteId", note);
        othersIds.put("notificationId", Api.as(owner).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("items[0].id"));
        Partner hooks = partner("webhooks:manage");
        othersIds.put("endpointId", given().header("X-Api-Key", hooks.key()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("resource.published")))
                .post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id"));
        othersIds.put("messageId", UUID.randomUUID().toString());
        othersIds.put("keywordMuteId", Api.as(member).body(Map.of("phrase", "a muted phrase")).post(
                "/api/v1/me/keyword-mutes").then().statusCode(201).extract().path("id"));
        othersIds.put("entryId", Api.as(member).body(journalEntry()).post("/api/v1/me/journal/entries").then()
                .statusCode(201).extract().path("id"));
        othersIds.put("subscriptionId", Api.as(member).body(Map.of("endpoint", "http://127.0.0.1:9/push/access",
                "keys",
                Map.of("p256dh",
                        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                        "auth", "tBHItJI5svbpez7KI4CCXg")))
                .post("/api/v1/me/push-subscriptions").then()
                .statusCode(201).extract().path("id"));
        othersIds.put("attachmentId", given().auth().oauth2(member.accessToken()).contentType("text/plain")
                .body("Someone else's note").post("/api/v1/me/journal/entries/" + othersIds.get("entryId")
                        + "/attachments")
                .then().statusCode(201).extract().path("id"));
        othersIds.put("sessionId", Api.as(member).get("/api/v1/me/sessions").then().statusCode(200).extract()
                .path("items[0].id"));
    }

    record Partner(String id, String key, String keyId) {
    }

    private Partner partner(String... scopes) {
        String id = Api.as(admin)
                .body(Map.of("name", "Partner " + UUID.randomUUID(), "url", "https://partner.example/"))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        Response key = Api.as(admin).body(Map.of("name", "site", "scopes", List.of(scopes)))
                .post("/api/v1/partners/" + id + "/keys").then().statusCode(201).extract().response();
        return new Partner(id, key.path("apiKey"), key.path("key.id"));
    }

    private static Map<String, Object> resourceBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GUIDE");
        body.put("title", "Access test guide");
        body.put("summary", "What to do after discrimination at work.");
        body.put("url", "https://example.org/help/" + UUID.randomUUID());
        body.put("organization", Map.of("name", "Example Org", "url", "https://example.org/"));
        body.put("bases", List.of("RACE_ETHNICITY"));
        body.put("topics", List.of("WORKPLACE"));
        body.put("countries", List.of("GB"));
        body.put("languages", List.of("en"));
        body.put("cost", "FREE");
        return body;
    }

    private static Map<String, Object> journalEntry() {
        return Map.of("whatHappened", "Someone else's incident", "date", "2026-01-05", "area", "ONLINE");
    }

    /** A valid body for each write, so that what answers is the access rule, not validation. */
    private static Object validBody(Op op) {
        String key = op.toString();
        if (key.startsWith("PATCH /api/v1/groups/{groupId}/members/")) {
            return Map.of("role", "MODERATOR");
        }
        if (key.startsWith("PATCH /api/v1/groups/{groupId}/keyword-rules/")) {
            return Map.of("action", "HOLD");
        }
        return switch (key) {
            case "POST /api/v1/auth/login" -> Map.of("email", "nobody@example.org", "password", "wrong-password-1");
            case "POST /api/v1/auth/refresh" -> Map.of("refreshToken", "not-a-token");
            case "POST /api/v1/auth/register" -> Api.registration(Api.uniqueHandle("acreg"));
            case "POST /api/v1/auth/register/without-email" -> Api.registrationWithoutEmail(Api.uniqueHandle("acnoe"));
            case "POST /api/v1/auth/register/confirm", "POST /api/v1/auth/email-verification/confirm",
                    "POST /api/v1/auth/email-change/confirm", "POST /api/v1/auth/email-change/undo" ->
                Map.of("token", "kxx_not-a-real-token");
            case "POST /api/v1/auth/password-reset" -> Map.of("email", "nobody@example.org");
            case "POST /api/v1/me/guidelines-acceptance" -> Map.of("version", 1);
            case "POST /api/v1/auth/password-reset/confirm" -> Map.of("token", "kpr_not-a-real-token", "newPassword",
                    "not-a-real-password-1");
            case "PATCH /api/v1/admin/accounts/{accountId}" -> Map.of("status", "SUSPENDED");
            case "POST /api/v1/groups" -> Groups.body("Access test " + UUID.randomUUID().toString().substring(0, 8),
                    "PUBLIC");
            case "PATCH /api/v1/groups/{groupId}" -> Map.of("description", "Changed by someone else");
            case "POST /api/v1/groups/{groupId}/invites" -> Map.of("maxUses", 2);
            case "POST /api/v1/groups/{groupId}/keyword-rules" -> Map.of("phrase", "another phrase", "action", "FLAG");
            case "POST /api/v1/groups/{groupId}/members" -> Map.of("acceptRulesVersion", 1);
            case "POST /api/v1/groups/{groupId}/posts" -> Posts.body("Written by someone else");
            case "POST /api/v1/groups/{groupId}/rules/acceptance" -> Map.of("rulesVersion", 1);
            case "PATCH /api/v1/me" -> Map.of("displayName", "Someone");
            case "DELETE /api/v1/me" -> Map.of("password", "wrong-password-1", "removeContent", false);
            case "POST /api/v1/me/keyword-mutes" -> Map.of("phrase", "muted " + UUID.randomUUID(), "expiresIn",
                    "P7D");
            case "PATCH /api/v1/me/keyword-mutes/{keywordMuteId}" -> Map.of("expiresIn", "P30D");
            case "POST /api/v1/me/recovery-codes" -> Map.of("currentPassword", "wrong-password-1");
            case "POST /api/v1/auth/recovery-codes/redeem" -> Map.of("handle", "nobody_here", "code",
                    "2222-3333-4444", "newPassword", "not-a-real-password-1");
            case "PUT /api/v1/me/password" -> Map.of("currentPassword", "wrong-password-1", "newPassword",
                    "another-long-passphrase-77");
            case "POST /api/v1/partners" -> Map.of("name", "Partner " + UUID.randomUUID(), "url",
                    "https://partner.example/");
            case "POST /api/v1/partners/{partnerId}/keys" -> Map.of("name", "site", "scopes", List.of("feeds:read"));
            case "PATCH /api/v1/posts/{postId}" -> Map.of("body", "Edited by someone else");
            case "PUT /api/v1/posts/{postId}/subscription" -> Map.of("mode", "FOLLOW");
            case "POST /api/v1/me/push-subscriptions" -> Map.of("endpoint", "http://127.0.0.1:9/push/other", "keys",
                    Map.of("p256dh",
                            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                            "auth", "tBHItJI5svbpez7KI4CCXg"));
            case "PUT /api/v1/me/notification-settings" -> Map.of("disabledKinds", List.of(), "timeZone", "UTC");
            case "POST /api/v1/posts/{postId}/replies" -> Map.of("body", "A reply from someone else");
            case "POST /api/v1/me/journal/entries" -> journalEntry();
            case "PATCH /api/v1/me/journal/entries/{entryId}" -> Map.of("impact", "Edited by someone else");
            case "PUT /api/v1/me/journal/entries/{entryId}/reminders" -> Map.of("country", "GB");
            case "POST /api/v1/reports" -> Map.of("targetType", "GROUP", "targetId", UUID.randomUUID().toString(),
                    "reason", "OTHER");
            case "PATCH /api/v1/reports/{reportId}" -> Map.of("status", "DISMISSED");
            case "POST /api/v1/resources" -> resourceBody();
            case "POST /api/v1/webhooks/endpoints" -> Map.of("url", "http://127.0.0.1:9/hook", "eventTypes",
                    List.of("resource.published"));
            case "PATCH /api/v1/webhooks/endpoints/{endpointId}" -> Map.of("description", "Changed by someone else");
            case "PATCH /api/v1/resources/{resourceId}" -> Map.of("summary", "Changed by someone else");
            case "POST /api/v1/safety/check" -> Map.of("text", "Just checking in with everyone");
            default -> null;
        };
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private String fill(String template, Map<String, String> ids) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            assertTrue(value != null, "no fixture for path parameter {" + m.group(1) + "} of " + template);
            m.appendReplacement(out, value);
        }
        return m.appendTail(out).toString();
    }

    private static Response call(RequestSpecification spec, Op op, String url) {
        Object body = validBody(op);
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        if (op.toString().equals("GET /api/v1/me/journal/entries/{entryId}/deadlines")) {
            spec = spec.queryParam("country", "GB"); // required: without it the answer is the 400 of validation
        }
        return spec.request(op.method(), url).then().extract().response();
    }

    // ---- inventory of the classification itself

    @Test
    void everyOperationIsClassified() {
        Set<Op> unclassified = new TreeSet<>(served);
        unclassified.removeAll(AUDIENCE.keySet());
        Set<Op> gone = new TreeSet<>(AUDIENCE.keySet());
        gone.removeAll(served);
        assertEquals(Set.of(), unclassified, "operations missing from the access matrix");
        assertEquals(Set.of(), gone, "the access matrix names operations the API does not serve");
        AUDIENCE.forEach((op, audience) -> {
            JsonNode security = openapi.at("/paths/" + op.path().replace("~", "~0").replace("/", "~1") + "/"
                    + op.method().toLowerCase()).get("security");
            boolean optional = security == null || !security.isArray() || security.isEmpty()
                    || java.util.stream.StreamSupport.stream(security.spliterator(), false).anyMatch(JsonNode::isEmpty);
            assertEquals(audience == Audience.PUBLIC, optional,
                    op + ": the OpenAPI security requirement must say whether credentials are needed");
        });
    }

    // ---- API1: broken object level authorization

    @Test
    void anotherAccountsObjectIs404ExactlyLikeOneThatDoesNotExist() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Op op : served) {
            Audience audience = AUDIENCE.get(op);
            // Admin operations and resource curation refuse members as a function (403, the matrix below); partners'
            // objects are checked against each other in partnersCannotReachAnotherPartnersSubmission (and webhook
            // endpoints in WebhookEndpointsTest.anotherPartnersEndpointIs404LikeOneThatDoesNotExist).
            if (!op.path().contains("{") || NOT_OBJECT_SCOPED.containsKey(op) || audience == Audience.ADMIN
                    || audience == Audience.MEMBER_OR_PARTNER || audience == Audience.ADMIN_OR_PARTNER) {
                continue;
            }
            checked++;
            Response theirs = call(Api.as(stranger), op, fill(op.path(), othersIds));
            Map<String, String> random = new HashMap<>(othersIds);
            random.replaceAll((k, v) -> k.equals("kind") || k.equals("handle") ? v : UUID.randomUUID().toString());
            Response none = call(Api.as(stranger), op, fill(op.path(), random));
            if (theirs.statusCode() != 404) {
                failures.add(op + " gave " + theirs.statusCode() + " for another account's object");
            } else if (none.statusCode() != 404 || !java.util.Objects.equals(problemType(theirs), problemType(none))) {
                failures.add(op + " answers differently for a missing object: " + none.statusCode() + " "
                        + problemType(none));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 30, "checked " + checked + " operations with ids");
    }

    @Test
    void partnersCannotReachAnotherPartnersSubmission() {
        String url = "/api/v1/resources/" + othersIds.get("resourceId");
        RequestSpecification other = given().header("X-Api-Key", otherPartnerKey).contentType(ContentType.JSON);
        other.get(url).then().statusCode(404);
        given().header("X-Api-Key", otherPartnerKey).contentType(ContentType.JSON)
                .body(Map.of("summary", "Changed by another partner")).patch(url).then().statusCode(404);
        given().header("X-Api-Key", otherPartnerKey).delete(url).then().statusCode(404);
        given().header("X-Api-Key", partnerKey).get(url).then().statusCode(200).body("summary",
                org.hamcrest.Matchers.equalTo("What to do after discrimination at work."));
    }

    // ---- API5: broken function level authorization

    @Test
    void roleByOperationMatrix() {
        Map<String, String> ids = new HashMap<>(othersIds);
        ids.replaceAll((k, v) -> k.equals("kind") || k.equals("handle") ? v : UUID.randomUUID().toString());
        List<String> failures = new ArrayList<>();
        for (Op op : served) {
            if (STREAMS.contains(op)) {
                continue;
            }
            Audience audience = AUDIENCE.get(op);
            String url = fill(op.path(), ids);
            Response anonymousAnswer = call(given(), op, url);
            int anonymous = anonymousAnswer.statusCode();
            // Signing out ends the session it is called with: use a session of its own.
            TestAccount caller = op.path().equals("/api/v1/auth/logout") ? Api.login(stranger) : stranger;
            int member = call(Api.as(caller), op, url).statusCode();
            int partner = call(given().header("X-Api-Key", partnerKey), op, url).statusCode();
            int administrator = audience == Audience.ADMIN || audience == Audience.ADMIN_OR_PARTNER
                    ? call(Api.as(admin), op, url).statusCode()
                    : 0;
            switch (audience) {
                case PUBLIC -> {
                    // Sign-in and refresh answer 401 for wrong credentials; that is not a refusal of the caller.
                    if (anonymous == 403 || anonymous == 401
                            && "urn:kindred:problem:unauthenticated".equals(problemType(anonymousAnswer))) {
                        failures.add(op + ": anonymous got " + anonymous + " on a public operation");
                    }
                }
                case MEMBER -> {
                    expect401(failures, op, "anonymous", anonymous);
                    expect401(failures, op, "partner key", partner);
                    if (member == 401) {
                        failures.add(op + ": a member got 401");
                    }
                }
                case MEMBER_OR_PARTNER -> {
                    expect401(failures, op, "anonymous", anonymous);
                    if (member == 401 || partner == 401) {
                        failures.add(op + ": member " + member + ", partner " + partner);
                    }
                }
                case ADMIN_OR_PARTNER -> {
                    expect401(failures, op, "anonymous", anonymous);
                    if (member != 403) {
                        failures.add(op + ": a member got " + member + ", expected 403");
                    }
                    if (partner != 403) {
                        failures.add(op + ": a partner key without the scope got " + partner + ", expected 403");
                    }
                    if (administrator == 401 || administrator == 403) {
                        failures.add(op + ": an admin got " + administrator);
                    }
                }
                case ADMIN -> {
                    expect401(failures, op, "anonymous", anonymous);
                    if (member != 403) {
                        failures.add(op + ": a member got " + member + ", expected 403");
                    }
                    if (partner != 401 && partner != 403) {
                        failures.add(op + ": a partner key got " + partner);
                    }
                    if (administrator == 401 || administrator == 403) {
                        failures.add(op + ": an admin got " + administrator);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String problemType(Response response) {
        String type = response.path("type");
        return type;
    }

    private static void expect401(List<String> failures, Op op, String who, int status) {
        if (status != 401) {
            failures.add(op + ": " + who + " got " + status + ", expected 401");
        }
    }

    // ---- API3: broken object property level authorization (mass assignment)

    @Test
    void writesRefusePropertiesTheirRequestSchemaDoesNotHave() {
        List<String> failures = new ArrayList<>();
        int attempts = 0;
        Set<String> privileged = Set.of("id", "roles", "status", "authorId", "author", "createdAt", "updatedAt",
                "memberCount", "postCount", "version", "ownerId", "groupId", "accountId", "reporterId", "apiKey",
                "keyHash", "passwordHash", "emailVerified", "lastVerifiedAt", "replyCount", "reactions", "pinned",
                "locked", "myMembership", "rulesVersion", "partnerId");
        for (Op op : served) {
            JsonNode operation = operation(op);
            JsonNode request = schema(operation.at("/requestBody/content"));
            if (request == null) {
                continue;
            }
            Set<String> allowed = new TreeSet<>();
            request.path("properties").fieldNames().forEachRemaining(allowed::add);
            Set<String> attempt = new TreeSet<>(privileged);
            JsonNode ok = operation.path("responses").path(op.method().equals("POST") ? "201" : "200");
            JsonNode response = schema(ok.path("content"));
            if (response != null) {
                response.path("properties").fieldNames().forEachRemaining(attempt::add);
            }
            attempt.removeAll(allowed);
            for (String property : attempt) {
                attempts++;
                Map<String, Object> body = new HashMap<>();
                body.put(property, "x");
                Response answer = Api.as(admin).contentType(ContentType.JSON).body(body)
                        .request(op.method(), fill(op.path(), othersIds)).then().extract().response();
                List<String> fields = answer.statusCode() == 400 ? answer.path("errors.field") : null;
                if (fields == null || !fields.contains(property)) {
                    failures.add(op + " with \"" + property + "\": " + answer.statusCode() + " " + fields);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(attempts > 100, "tried " + attempts + " properties");
        Api.as(owner).get("/api/v1/me").then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.equalTo(List.of("member")));
    }

    // ---- API4: unrestricted resource consumption

    @Test
    void everyDocumentedLimitIsEnforced() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Op op : served) {
            JsonNode operation = operation(op);
            String url = fill(op.path(), othersIds);
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("name").asText().equals("limit")) {
                    checked++;
                    int max = parameter.path("schema").path("maximum").asInt(0);
                    if (max <= 0) {
                        failures.add(op + ": limit has no documented maximum");
                        continue;
                    }
                    Response answer = Api.as(admin).queryParam("limit", max + 1).request(op.method(), url).then()
                            .extract().response();
                    if (answer.statusCode() != 400 || !String.valueOf(answer.asString()).contains("limit")) {
                        failures.add(op + ": limit=" + (max + 1) + " gave " + answer.statusCode());
                    }
                }
            }
            JsonNode request = schema(operation.at("/requestBody/content"));
            if (request == null) {
                continue;
            }
            checked++;
            Response huge = Api.as(admin).contentType(ContentType.JSON)
                    .body("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}").request(op.method(), url).then().extract()
                    .response();
            if (huge.statusCode() != 413) {
                failures.add(op + ": a 70 KiB body gave " + huge.statusCode());
            }
            Iterator<Map.Entry<String, JsonNode>> properties = request.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                int maxLength = property.getValue().path("maxLength").asInt(0);
                if (maxLength <= 0 || maxLength > 60_000) {
                    continue;
                }
                checked++;
                Object valid = validBody(op);
                Map<String, Object> body = valid instanceof Map<?, ?> map
                        ? new HashMap<>(castMap(map))
                        : new HashMap<>();
                body.put(property.getKey(), "a".repeat(maxLength + 1));
                Response answer = Api.as(admin).contentType(ContentType.JSON).body(body)
                        .request(op.method(), url).then().extract().response();
                List<String> fields = answer.statusCode() == 400 ? answer.path("errors.field") : null;
                if (fields == null || !fields.contains(property.getKey())) {
                    failures.add(op + ": " + property.getKey() + " of " + (maxLength + 1) + " characters gave "
                            + answer.statusCode() + " " + fields);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 60, "checked " + checked + " limits");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private JsonNode operation(Op op) {
        return openapi.path("paths").path(op.path()).path(op.method().toLowerCase());
    }

    /** The JSON schema of a content map (application/json first), with $ref resolved; null if none. */
    private JsonNode schema(JsonNode content) {
        if (content == null || content.isMissingNode()) {
            return null;
        }
        JsonNode media = content.has("application/json")
                ? content.get("application/json")
                : content.elements().hasNext() ? content.elements().next() : null;
        if (media == null) {
            return null;
        }
        JsonNode schema = media.path("schema");
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = openapi.at(ref.substring(1));
        }
        return schema.isMissingNode() || !schema.has("properties") ? null : schema;
    }
}
