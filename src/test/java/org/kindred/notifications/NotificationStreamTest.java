package org.kindred.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/v1/me/events: Server-Sent Events woken by PostgreSQL NOTIFY, whichever connection committed. */
@QuarkusTest
class NotificationStreamTest {

    private static final Logger LOG = Logger.getLogger(NotificationStreamTest.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api/v1/me/events")
    URI events;

    /** One SSE event as the client parsed it. */
    record Event(String name, String id, String data) {
    }

    /** A client holding a stream open; events arrive in {@link #received}. */
    final class Client implements AutoCloseable {
        final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;

        Client(TestAccount who, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + who.accessToken());
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                String name = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line : (Iterable<String>) r.body()::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            received.add(new Event(name, id, data.toString()));
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            });
        }

        Event next(String name) throws InterruptedException {
            while (true) {
                Event e = received.poll(20, TimeUnit.SECONDS);
                assertNotNull(e, "no '" + name + "' event arrived");
                if (e.name().equals(name)) {
                    return e;
                }
            }
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    @Test
    void aReplyArrivesOnTheThreadAuthorsStream() throws Exception {
        TestAccount owner = Api.register("sseown");
        TestAccount author = Api.register("sseauth");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(author, group);
        UUID thread = Posts.post(author, group, "Someone shouted at me on the tram today.");
        try (Client client = new Client(author, null)) {
            Event ready = client.next("ready");
            assertTrue(ready.data().contains("\"unread\":0"), ready.data());
            long start = System.nanoTime();
            Posts.reply(owner, thread, "I'm sorry. Are you safe now?");
            Event event = client.next("notification");
            LOG.infof("reply -> SSE event: %d ms", (System.nanoTime() - start) / 1_000_000);
            assertTrue(event.data().contains("\"kind\":\"REPLY\""), event.data());
            assertTrue(event.data().contains("\"unread\":1"), event.data());
            assertTrue(!event.data().contains("tram") && !event.data().contains("safe")
                    && !event.data().contains(owner.handle()), "content-free: " + event.data());
            assertTrue(Long.parseLong(event.id()) > Long.parseLong(ready.id()));
        }
    }

    @Test
    void aNotificationCommittedByAnotherConnectionWakesTheStream() throws Exception {
        TestAccount member = Api.register("ssexrep");
        try (Client client = new Client(member, null)) {
            client.next("ready");
            // As another replica would: its own connection, its own transaction, then NOTIFY on commit.
            UUID id = UUID.randomUUID();
            assertEquals(1, Api.count("""
                    WITH ins AS (INSERT INTO notifications (id, recipient_id, kind, count, created_at, updated_at)
                                 VALUES (?, ?, 'WARNING', 1, now(), now()) RETURNING recipient_id)
                    SELECT count(*) FROM (SELECT pg_notify('kindred_notifications', CAST(recipient_id AS text))
                                          FROM ins) n""", id, member.id()));
            Event event = client.next("notification");
            assertTrue(event.data().contains(id.toString()), event.data());
        }
    }

    @Test
    void lastEventIdResumesFromTheInboxAndNeverShowsAnotherMembersEvents() throws Exception {
        TestAccount owner = Api.register("sseres");
        TestAccount author = Api.register("sseresa");
        TestAccount stranger = Api.register("ssestr");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(author, group);
        UUID thread = Posts.post(author, group, "Resume me");
        String position;
        try (Client client = new Client(author, null)) {
            position = client.next("ready").id();
        }
        Posts.reply(owner, thread, "While you were away 1");
        Posts.reply(owner, thread, "While you were away 2");
        try (Client client = new Client(author, position)) {
            List<String> kinds = new ArrayList<>();
            kinds.add(client.next("notification").data());
            kinds.add(client.next("notification").data());
            assertTrue(kinds.stream().allMatch(d -> d.contains("REPLY")), kinds.toString());
        }
        // The stranger replays from the same position: their inbox is empty, so nothing but 'ready' arrives.
        try (Client client = new Client(stranger, position)) {
            client.next("ready");
            Posts.reply(owner, thread, "Not for the stranger");
            assertEquals(null, client.received.poll(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void aStreamNeedsATokenAndIsLimitedPerAccount() throws IOException, InterruptedException {
        HttpResponse<String> unauthenticated = HTTP.send(
                HttpRequest.newBuilder(events).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthenticated.statusCode());
        HttpResponse<String> partner = HTTP.send(HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("X-Api-Key", "kpk_not-a-member").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, partner.statusCode(), "a partner key is not a member");
        TestAccount member = Api.register("ssemax");
        List<Client> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Client c = new Client(member, null);
                c.next("ready");
                open.add(c);
            }
            HttpResponse<String> sixth = HTTP.send(HttpRequest.newBuilder(events)
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + member.accessToken())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, sixth.statusCode());
            assertTrue(sixth.body().contains("live streams"), sixth.body());
        } finally {
            open.forEach(Client::close);
        }
    }
}
