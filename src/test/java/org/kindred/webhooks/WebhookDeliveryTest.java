package org.kindred.webhooks;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.library.events.ResourcePublished;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.events.DomainEvent;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Hooks;
import org.kindred.support.Posts;
import org.kindred.support.StandardWebhooks;
import org.kindred.support.TestAccount;
import org.kindred.support.WebhookReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Delivery through the outbox, driven by calling the worker directly (the scheduled worker is off in tests) with the
 * time it should believe it is: signed per Standard Webhooks (checked by an independent verifier), retried with
 * backoff and dead-lettered after the window, redelivered by hand, rotated secrets, a worker that dies between claim
 * and send, and two workers racing.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    OutboxWorker worker;

    @Inject
    Event<DomainEvent> events;

    @Inject
    ObjectMapper json;

    TestAccount admin;
    Hooks.Partner partner;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        Api.sql("DELETE FROM webhook_endpoints"); // each test counts only its own deliveries
        admin = Api.admin();
        partner = Hooks.partner(admin, PartnerScopes.WEBHOOKS_MANAGE);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        Api.sql("DELETE FROM webhook_endpoints");
    }

    /** Runs the worker as of {@code at} until nothing is due. */
    private void drain(Instant at) {
        while (worker.runOnce(at) > 0) {
            // more may be due
        }
    }

    @Test
    void aPublishedResourceReachesThePartnerSignedAndWithPublicFieldsOnly() throws Exception {
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        assertTrue(endpoint.secret().matches("whsec_[A-Za-z0-9+/]{43}="), endpoint.secret());
        String resource = Hooks.publishResource(admin);
        assertEquals(0, receiver.received.size(), "nothing is sent inside the request");

        drain(Instant.now());

        assertEquals(1, receiver.received.size());
        WebhookReceiver.Received got = receiver.received.get(0);
        assertTrue(StandardWebhooks.verifies(endpoint.secret(), got.id(), got.timestamp(), got.body(),
                got.signature()), "the signature verifies");
        assertFalse(StandardWebhooks.verifies(endpoint.secret(), got.id(), got.timestamp(), got.body() + " ",
                got.signature()), "a changed body does not");
        assertEquals("application/json", got.contentType());
        assertTrue(Math.abs(Long.parseLong(got.timestamp()) - Instant.now().getEpochSecond()) < 60);
        JsonNode body = json.readTree(got.body());
        assertEquals("resource.published", body.get("type").asText());
        Instant.parse(body.get("timestamp").asText());
        assertEquals(Set.of("type", "timestamp", "data"), fields(body));
        assertEquals(Set.of("resourceId", "status"), fields(body.get("data")), "public fields only");
        assertEquals(resource, body.at("/data/resourceId").asText());
        assertFalse(got.body().contains(admin.id().toString()), "no account ids");

        Map<String, Object> row = Hooks.log(partner.api(), endpoint.id()).get(got.id());
        assertEquals("DELIVERED", row.get("status"));
        assertEquals(1, row.get("attempts"));
        assertEquals(204, row.get("lastStatusCode"));
        assertNull(row.get("nextAttemptAt"));

        // Updated and archived follow; a second run sends nothing again.
        Api.as(admin).body(Map.of("summary", "Changed summary.")).patch("/api/v1/resources/" + resource).then()
                .statusCode(200);
        Api.as(admin).delete("/api/v1/resources/" + resource).then().statusCode(204);
        drain(Instant.now());
        drain(Instant.now());
        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.received) {
            types.add(json.readTree(r.body()).get("type").asText());
            assertTrue(StandardWebhooks.verifies(endpoint.secret(), r.id(), r.timestamp(), r.body(), r.signature()));
        }
        // Delivery is concurrent and at-least-once, so arrival order is not promised (README): each type once.
        assertEquals(List.of("resource.archived", "resource.published", "resource.updated"),
                types.stream().sorted().toList());
        for (WebhookReceiver.Received r : receiver.received) {
            JsonNode event = json.readTree(r.body());
            if ("resource.archived".equals(event.get("type").asText())) {
                assertEquals("ARCHIVED", event.at("/data/status").asText());
            }
        }
    }

    @Test
    void anEndpointReceivesOnlyWhatItSubscribedTo() {
        Hooks.register(partner.api(), receiver.url(), List.of("resource.archived"));
        Hooks.publishResource(admin);
        drain(Instant.now());
        assertEquals(0, receiver.received.size());
    }

    @Test
    void aPostHeldForCareRaisesAContentFreeAlertOnOperatorEndpointsOnly() throws Exception {
        Hooks.Endpoint operators = Hooks.register(Api.as(admin), receiver.url(), List.of("care.held"));
        try (WebhookReceiver partnerReceiver = new WebhookReceiver()) {
            Hooks.register(partner.api(), partnerReceiver.url(), Hooks.RESOURCE_EVENTS);
            TestAccount author = Api.register("whcare");
            Groups.TestGroup group = Groups.create(author, "PRIVATE");
            String text = "After today's meeting where they laughed at my accent again, I want to kill myself.";
            Response created = Api.as(author).body(Posts.body(text)).post("/api/v1/groups/" + group.id() + "/posts")
                    .then().statusCode(201).body("status", equalTo("HELD_FOR_CARE")).extract().response();
            Posts.post(author, group, "An ordinary post, nothing to page anyone about.");
            drain(Instant.now());

            assertEquals(0, partnerReceiver.received.size(), "partners never hear of care");
            assertEquals(1, receiver.received.size());
            WebhookReceiver.Received got = receiver.received.get(0);
            assertTrue(StandardWebhooks.verifies(operators.secret(), got.id(), got.timestamp(), got.body(),
                    got.signature()));
            JsonNode body = json.readTree(got.body());
            assertEquals("care.held", body.get("type").asText());
            assertEquals(Set.of("alertId"), fields(body.get("data")));
            for (String secret : List.of(created.path("id").toString(), group.id().toString(),
                    author.id().toString(), author.handle(), "kill", "accent")) {
                assertFalse(got.body().contains(secret), "the alert names nothing: " + secret);
            }
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenDeadLetteredAndCanBeRedelivered() {
        receiver.status = 500;
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        Hooks.publishResource(admin);
        Instant start = Instant.now();
        drain(start);
        assertEquals(1, receiver.received.size());
        String id = receiver.received.get(0).id();
        Map<String, Object> row = Hooks.log(partner.api(), endpoint.id()).get(id);
        assertEquals("PENDING", row.get("status"));
        assertEquals(500, row.get("lastStatusCode"));
        assertEquals("HTTP 500", row.get("lastError"));
        Duration firstDelay = Duration.between(Instant.parse((String) row.get("lastAttemptAt")),
                Instant.parse((String) row.get("nextAttemptAt")));
        assertTrue(!firstDelay.isNegative() && firstDelay.compareTo(Duration.ofSeconds(30)) <= 0,
                "the first retry comes within 30 s: " + firstDelay);

        // Time passes in steps longer than the longest delay (6 h): retried until the 24 h window ends, then DEAD.
        Instant at = start;
        for (int step = 0; step < 8 && !"DEAD".equals(row.get("status")); step++) {
            at = at.plus(Duration.ofHours(7));
            drain(at);
            row = Hooks.log(partner.api(), endpoint.id()).get(id);
        }
        assertEquals("DEAD", row.get("status"));
        assertTrue(at.isAfter(start.plus(Duration.ofHours(17))), "not given up before the window's end");
        int attempts = (Integer) row.get("attempts");
        assertTrue(attempts >= 3, "retried: " + attempts);
        assertEquals(attempts, receiver.of(id).size(), "every attempt reached the receiver, with the same id");
        assertNull(row.get("nextAttemptAt"));
        drain(at.plus(Duration.ofDays(3)));
        assertEquals(attempts, receiver.of(id).size(), "a dead message is not sent again by itself");
        assertEquals(1, ((List<?>) partner.api().get(Hooks.ENDPOINTS + "/" + endpoint.id() + "/deliveries?status=DEAD")
                .then().statusCode(200).extract().path("items")).size());

        // The partner fixed its receiver and asks for the message again: same webhook-id, delivered.
        receiver.status = 200;
        partner.api().post(Hooks.ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + id + "/redeliver").then()
                .statusCode(202);
        drain(Instant.now());
        assertEquals(attempts + 1, receiver.of(id).size());
        row = Hooks.log(partner.api(), endpoint.id()).get(id);
        assertEquals("DELIVERED", row.get("status"));
        assertEquals(200, row.get("lastStatusCode"));
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOutAndIsRetried() {
        receiver.delayMillis = 3000; // the test profile's request timeout is 1 s
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        Hooks.publishResource(admin);
        drain(Instant.now());
        Map<String, Object> row = Hooks.log(partner.api(), endpoint.id()).values().iterator().next();
        assertEquals("PENDING", row.get("status"));
        assertEquals("timeout", row.get("lastError"));
        assertNull(row.get("lastStatusCode"));
        receiver.delayMillis = 0;
        drain(Instant.now().plus(Duration.ofMinutes(1)));
        row = Hooks.log(partner.api(), endpoint.id()).values().iterator().next();
        assertEquals("DELIVERED", row.get("status"));
        assertEquals(2, row.get("attempts"));
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        Response rotated = partner.api().post(Hooks.ENDPOINTS + "/" + endpoint.id() + "/rotate-secret").then()
                .statusCode(200).extract().response();
        String newSecret = rotated.path("secret");
        Instant until = Instant.parse(rotated.path("previousSecretExpiresAt"));
        assertTrue(Duration.between(Instant.now(), until).compareTo(Duration.ofHours(23)) > 0);
        partner.api().get(Hooks.ENDPOINTS + "/" + endpoint.id()).then().statusCode(200)
                .body("previousSecretExpiresAt", equalTo(rotated.path("previousSecretExpiresAt")));

        Hooks.publishResource(admin);
        drain(Instant.now());
        WebhookReceiver.Received during = receiver.received.get(0);
        assertEquals(2, during.signature().split(" ").length);
        assertTrue(StandardWebhooks.verifies(endpoint.secret(), during.id(), during.timestamp(), during.body(),
                during.signature()), "the old secret still verifies");
        assertTrue(StandardWebhooks.verifies(newSecret, during.id(), during.timestamp(), during.body(),
                during.signature()), "the new one too");

        Hooks.publishResource(admin);
        drain(until.plusSeconds(1));
        WebhookReceiver.Received after = receiver.received.get(1);
        assertEquals(1, after.signature().split(" ").length);
        assertTrue(StandardWebhooks.verifies(newSecret, after.id(), after.timestamp(), after.body(),
                after.signature()));
        assertFalse(StandardWebhooks.verifies(endpoint.secret(), after.id(), after.timestamp(), after.body(),
                after.signature()), "the old secret no longer verifies");
    }

    @Test
    void aMessageCommittedButNeverSentIsDeliveredOnceByTheNextWorker() {
        Hooks.Endpoint endpoint = Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        Hooks.publishResource(admin); // committed; the delivery has not happened
        Instant now = Instant.now();

        // A worker claims the message and dies before sending it.
        assertEquals(1, worker.claim(now).size());
        drain(now);
        assertEquals(0, receiver.received.size(), "the dead worker's lease still holds");

        // After the lease (1 min), a fresh worker delivers it, once.
        drain(now.plus(Duration.ofMinutes(1)).plusSeconds(1));
        drain(now.plus(Duration.ofMinutes(5)));
        assertEquals(1, receiver.received.size());
        Map<String, Object> row = Hooks.log(partner.api(), endpoint.id()).get(receiver.received.get(0).id());
        assertEquals("DELIVERED", row.get("status"));
        assertEquals(2, row.get("attempts"), "the lost claim counts as an attempt");
    }

    @Test
    void twoWorkersRacingDeliverEachMessageExactlyOnce() throws Exception {
        Hooks.register(partner.api(), receiver.url(), Hooks.RESOURCE_EVENTS);
        int messages = 300;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < messages; i++) {
                events.fire(new ResourcePublished(UUID.randomUUID()));
            }
        });
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Integer> loop = () -> {
            int claimed = 0;
            for (int n; (n = worker.runOnce(now)) > 0;) {
                claimed += n;
            }
            return claimed;
        };
        List<Future<Integer>> runs = List.of(pool.submit(loop), pool.submit(loop));
        int first = runs.get(0).get();
        int second = runs.get(1).get();
        pool.shutdown();

        long delivered = Api.count("SELECT count(*) FROM outbox WHERE status = 'DELIVERED' AND attempts = 1");
        assertEquals(messages, first + second, "claims in all; delivered once each: " + delivered + "; pending: "
                + Api.count("SELECT count(*) FROM outbox WHERE status = 'PENDING'") + "; received: "
                + receiver.received.size());
        assertEquals(messages, delivered, "every message delivered at its first attempt");
        assertTrue(first > 0 && second > 0, "both workers took part: " + first + " and " + second);
        Map<String, Long> perId = receiver.received.stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
        assertEquals(messages, perId.size());
        assertEquals(Map.of(), new HashMap<>(perId).entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "each message exactly once");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
