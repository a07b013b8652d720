package org.kindred.push;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Web Push through the HTTP API: a device subscribes, a reply arrives, the worker wakes the device through an
 * in-process push service that checks VAPID and decrypts the message like a browser would.
 */
@QuarkusTest
class WebPushTest {

    static final String SUBSCRIPTIONS = "/api/v1/me/push-subscriptions";

    @Inject
    PushWorker worker;
    @Inject
    ObjectMapper json;

    TestAccount author;
    TestAccount member;
    TestGroup group;
    PushService service;

    @BeforeEach
    void setUp() throws Exception {
        author = Api.register("wpauth");
        member = Api.register("wpmem");
        group = Groups.create(author, "PUBLIC");
        Groups.join(member, group);
        service = new PushService();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private String subscribe(TestAccount who, String name) {
        return Api.as(who).body(service.subscription(service.endpoint(name))).post(SUBSCRIPTIONS).then()
                .statusCode(201).extract().path("id");
    }

    private void drain() {
        while (worker.runOnce(Instant.now()) > 0) {
            // until no device has news
        }
    }

    @Test
    void aReplyWakesTheAuthorsDeviceWithAnEncryptedContentFreePush() throws Exception {
        String id = subscribe(author, "author-phone");
        Api.as(author).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("pushService", equalTo(service.origin())).body("failures", equalTo(0))
                .body("lastSuccessAt", equalTo(null));
        UUID thread = Posts.post(author, group, "The landlord said no because of my accent.");
        drain();
        assertEquals(0, service.pushes.size(), "nothing new: nothing sent");

        Posts.reply(member, thread, "You should report this, it is not legal.");
        drain();
        drain();
        assertEquals(1, service.pushes.size(), "one push, once");
        PushService.Push push = service.pushes.get(0);
        assertEquals("aes128gcm", push.contentEncoding());
        assertEquals("86400", push.ttl());
        verifyVapid(push.authorization());
        JsonNode payload = json.readTree(push.payload());
        assertEquals("notifications", payload.get("type").asText());
        assertEquals(1, payload.get("unread").asInt());
        assertEquals("REPLY", payload.at("/newest/kind").asText());
        String newest = Api.as(author).get("/api/v1/me/notifications").then().extract().path("items[0].id");
        assertEquals(newest, payload.at("/newest/id").asText());
        for (String secret : List.of("report this", "accent", member.handle(), member.id().toString(),
                group.id().toString(), thread.toString())) {
            assertFalse(push.payload().contains(secret), "content-free: " + secret);
        }
        Api.as(author).get(SUBSCRIPTIONS + "/" + id).then().body("lastSuccessAt",
                org.hamcrest.Matchers.notNullValue());

        // Two more replies before the next round: one push that says three are unread.
        Posts.reply(member, thread, "Second.");
        Posts.reply(member, thread, "Third.");
        drain();
        assertEquals(2, service.pushes.size());
        assertEquals(3, json.readTree(service.pushes.get(1).payload()).get("unread").asInt());
    }

    private void verifyVapid(String authorization) throws Exception {
        String key = Api.anonymous().get("/api/v1/push/vapid-public-key").then().statusCode(200)
                .header("Cache-Control", "public, max-age=3600").extract().path("publicKey");
        assertTrue(authorization.startsWith("vapid t="), authorization);
        String[] parts = authorization.substring("vapid ".length()).split(", ");
        String jwt = parts[0].substring(2);
        assertEquals("k=" + key, parts[1]);
        String[] segments = jwt.split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(segments[1]));
        assertEquals(service.origin(), claims.get("aud").asText());
        assertTrue(claims.get("sub").asText().startsWith("mailto:"));
        long exp = claims.get("exp").asLong();
        assertTrue(exp > Instant.now().getEpochSecond() && exp <= Instant.now().getEpochSecond() + 86400);
        byte[] point = Base64.getUrlDecoder().decode(key);
        ECPublicKey template = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getMimeDecoder().decode(
                        new String(getClass().getResourceAsStream("/push/vapid-test.pem").readAllBytes(),
                                StandardCharsets.US_ASCII).replaceAll("(?s).*-----BEGIN PUBLIC KEY-----", "")
                                .replaceAll("(?s)-----END PUBLIC KEY-----.*", ""))));
        ECPublicKey vapid = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
                template.getParams()));
        assertEquals(template.getW(), vapid.getW(), "the published key is the configured one");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(vapid);
        es256.update((segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(es256.verify(Base64.getUrlDecoder().decode(segments[2])), "the VAPID JWT verifies");
    }

    @Test
    void quietHoursAndReadNotificationsWakeNothing() {
        subscribe(author, "quiet");
        String path = "/api/v1/me/notification-settings";
        String etag = Api.as(author).get(path).then().statusCode(200).extract().header("ETag");
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        Api.as(author).header("If-Match", etag).body(Map.of("disabledKinds", List.of(), "quietHours",
                Map.of("from", now.minusHours(1).format(hhmm), "until", now.plusHours(1).format(hhmm)), "timeZone",
                "UTC")).put(path).then().statusCode(200);
        UUID thread = Posts.post(author, group, "Late at night");
        Posts.reply(member, thread, "Arrives in quiet hours");
        drain();
        assertEquals(0, service.pushes.size(), "a silent notification wakes no device");

        Map<String, Object> noQuiet = new HashMap<>(Map.of("disabledKinds", List.of(), "timeZone", "UTC"));
        noQuiet.put("quietHours", null);
        Api.as(author).body(noQuiet).put(path).then().statusCode(200);
        Posts.reply(member, thread, "After quiet hours");
        Api.as(author).post("/api/v1/me/notifications/read").then().statusCode(204);
        drain();
        assertEquals(0, service.pushes.size(), "read on another device before the round: nothing to wake for");
    }

    @Test
    void aPushServiceThatSaysGoneDropsTheSubscriptionAndFailuresBackOff() {
        String id = subscribe(author, "gone");
        UUID thread = Posts.post(author, group, "Anyone?");
        service.status = 500;
        Posts.reply(member, thread, "Here");
        drain();
        assertEquals(1, service.pushes.size());
        Api.as(author).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200).body("failures", equalTo(1));
        drain();
        assertEquals(1, service.pushes.size(), "retried later, not at once");
        worker.runOnce(Instant.now().plusSeconds(3600));
        assertEquals(2, service.pushes.size(), "retried after the backoff");

        service.status = 410;
        Api.as(author).get(SUBSCRIPTIONS + "/" + id).then().body("failures", equalTo(2));
        worker.runOnce(Instant.now().plusSeconds(7200));
        assertEquals(3, service.pushes.size());
        Api.as(author).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void subscriptionsAreListedUpdatedLimitedAndOnlyEverYours() {
        String first = subscribe(author, "a");
        Map<String, Object> again = new HashMap<>(service.subscription(service.endpoint("a")));
        again.put("deviceLabel", "Phone");
        Api.as(author).body(again).post(SUBSCRIPTIONS).then().statusCode(200).body("id", equalTo(first))
                .body("deviceLabel", equalTo("Phone"));
        for (int i = 1; i < 10; i++) {
            subscribe(author, "device-" + i);
        }
        Api.as(author).get(SUBSCRIPTIONS).then().statusCode(200).body("items.size()", equalTo(10))
                .body("items.pushService", org.hamcrest.Matchers.everyItem(equalTo(service.origin())));
        assertFalse(Api.as(author).get(SUBSCRIPTIONS).asString().contains("/push/"), "the endpoint is not shown");
        assertProblem(Api.as(author).body(service.subscription(service.endpoint("eleven"))).post(SUBSCRIPTIONS)
                .then(), 409, "limit-reached").body("limit", equalTo(10));

        assertProblem(Api.as(member).get(SUBSCRIPTIONS + "/" + first).then(), 404, "not-found");
        assertProblem(Api.as(member).delete(SUBSCRIPTIONS + "/" + first).then(), 404, "not-found");
        Api.as(author).get(SUBSCRIPTIONS + "/" + first).then().statusCode(200);

        // The same browser, now signed in as someone else: the endpoint moves to them.
        Api.as(member).body(service.subscription(service.endpoint("a"))).post(SUBSCRIPTIONS).then().statusCode(201);
        Api.as(author).get(SUBSCRIPTIONS + "/" + first).then().statusCode(404);
        Api.as(author).delete(SUBSCRIPTIONS + "/" + subscribeAgain()).then().statusCode(204);
        Api.anonymous().get(SUBSCRIPTIONS).then().statusCode(401);
    }

    private String subscribeAgain() {
        return Api.as(author).get(SUBSCRIPTIONS).then().extract().path("items[0].id");
    }

    @Test
    void unsafeEndpointsAndBadKeysAreRefusedWithTheReason() {
        Map<String, Object> keys = (Map<String, Object>) service.subscription("x").get("keys");
        assertProblem(Api.as(author).body(Map.of("endpoint", "https://push.example.org/abc", "keys", keys))
                .post(SUBSCRIPTIONS).then(), 422, "unsafe-push-endpoint")
                .body("reason", org.hamcrest.Matchers.containsString("allow-list"));
        assertProblem(Api.as(author).body(Map.of("endpoint", "https://10.0.0.1/push/abc", "keys", keys))
                .post(SUBSCRIPTIONS).then(), 422, "unsafe-push-endpoint")
                .body("reason", org.hamcrest.Matchers.containsString("private"));
        assertProblem(Api.as(author).body(Map.of("endpoint", "ftp://127.0.0.1/push", "keys", keys))
                .post(SUBSCRIPTIONS).then(), 422, "unsafe-push-endpoint");
        String endpoint = service.endpoint("keys");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint, "keys", Map.of("p256dh",
                PushService.b64(new byte[65]), "auth", keys.get("auth")))).post(SUBSCRIPTIONS).then(), "keys.p256dh");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint, "keys", Map.of("p256dh",
                keys.get("p256dh"), "auth", PushService.b64(new byte[8])))).post(SUBSCRIPTIONS).then(), "keys.auth");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint, "keys", Map.of("p256dh", "not base64!",
                "auth", keys.get("auth")))).post(SUBSCRIPTIONS).then(), "keys.p256dh");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint)).post(SUBSCRIPTIONS).then(), "keys");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint + "x".repeat(2048), "keys", keys))
                .post(SUBSCRIPTIONS).then(), "endpoint");
        assertFieldError(Api.as(author).body(Map.of("endpoint", endpoint, "keys", keys, "deviceLabel",
                "x".repeat(65))).post(SUBSCRIPTIONS).then(), "deviceLabel");
        assertProblem(Api.as(author).body(Map.of("endpoint", endpoint, "keys", keys, "expirationTime", "soon"))
                .post(SUBSCRIPTIONS).then(), 400, "validation");
        assertProblem(Api.as(author).contentType("application/json").body("{\"endpoint\": ").post(SUBSCRIPTIONS)
                .then(), 400, "malformed-json");
        Api.as(author).get(SUBSCRIPTIONS).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
