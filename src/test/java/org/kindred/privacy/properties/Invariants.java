package org.kindred.privacy.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kindred.privacy.PostErasure;
import org.kindred.support.Api;
import org.kindred.support.StandardWebhooks;
import org.kindred.support.TestAccount;
import org.kindred.support.WebhookReceiver;
import org.kindred.webhooks.OutboxWorker;

import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The care and privacy invariants (README "Privacy model") as checks on a {@link World}: some around one step (what a
 * step may change), the others on the world as it stands (what anyone can read).
 */
final class Invariants {

    private static final Set<String> ACCOUNT_LEVEL = Set.of("WARN", "BAN_MEMBER", "SUSPEND_ACCOUNT");

    private Invariants() {
    }

    /** Runs the steps one by one, checking what each step may change, then the whole world. */
    static void runChecked(World world, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String owner = membership(world, Step.OWNER);
            String moderator = membership(world, Step.MODERATOR);
            String deleting = step instanceof Step.Delete d && world.post(d.post()) != null
                    && world.post(d.post()).author() == d.actor() ? world.status(world.post(d.post()).id()) : null;
            boolean wasLeft = world.left.contains(step.actor());
            Map<UUID, String> statuses = step instanceof Step.ReportPost || step instanceof Step.ReportAccount
                    || step instanceof Step.PileOn
                            ? statuses(world)
                            : Map.of();
            int status = world.run(i, step);
            String context = "after step #" + i + " " + step + " (" + status + ")";
            // I4: nobody acts on an owner, whatever the path; a moderator never acts on themself or a fellow moderator.
            assertEquals(owner, membership(world, Step.OWNER), "I4: the owner's membership changed " + context);
            if (step.actor() == Step.MODERATOR && !(step instanceof Step.Leave)) {
                assertEquals(moderator, membership(world, Step.MODERATOR),
                        "I4: a moderator's own step changed their membership " + context);
            }
            if (deleting != null && !deleting.equals("REMOVED") && (wasLeft || "ACTIVE".equals(
                    World.string("SELECT status FROM memberships WHERE group_id = ? AND account_id = ?",
                            world.group.id(), world.account(step.actor()).id())))) {
                assertEquals(204, status, "I6: an author (a member, or one who left) cannot delete their own post "
                        + context);
            }
            if (world.lastResolution != null && world.lastResolution.step() == i) {
                World.Resolution r = world.lastResolution;
                if (r.handlerReported()) {
                    assertEquals(403, r.status(), "I4: " + World.role(r.handler())
                            + " resolved a report they filed " + context);
                }
            }
            if (status == 201 || status == 200) {
                if (step instanceof Step.PileOn p && p.reason().equals("WELLBEING_CONCERN")) {
                    i3ConcernNeitherHidesNorRestricts(world, statuses, context);
                    i3ConcernTopsTheQueue(world, world.post(p.post()).id(), context);
                }
                if (step instanceof Step.ReportPost p && p.reason().equals("WELLBEING_CONCERN")) {
                    i3ConcernNeitherHidesNorRestricts(world, statuses, context);
                    i3ConcernTopsTheQueue(world, world.post(p.post()).id(), context);
                }
                if (step instanceof Step.ReportAccount p && p.reason().equals("WELLBEING_CONCERN")) {
                    i3ConcernNeitherHidesNorRestricts(world, statuses, context);
                }
            }
        }
        check(world);
        if (Boolean.getBoolean("kindred.properties.verbose")) {
            System.out.println(world.visibility + " " + world.summary());
        }
    }

    /** Everything that must hold of the world as it stands. */
    static void check(World world) {
        i2NeverPublishedPostsAreNowhere(world);
        i2MembersLogNamesNobody(world);
        i4ModeratorsNeverSeeReportsAboutThemselves(world);
        i5ReportersNeverLearnAccountLevelActions(world);
        i6ErasedMembersLeaveNothing(world);
        notificationsCarryNoContentAndNoPerson(world);
        pushesCarryNoContentAndNoPerson(world);
        webhooksCarryNoContentAndNoPerson(world);
        blockedMembersDoNotFindEachOther(world);
        registrationTellsNoAddressApart(world);
    }

    /**
     * Issue 14 item 7: registering with the e-mail of someone in the world answers exactly as registering with an
     * address nobody has (status and body; the link's expiry is the request time plus its life in both).
     */
    static void registrationTellsNoAddressApart(World world) {
        for (int a = 0; a < Step.ADMIN; a++) {
            if (world.isErased(a)) {
                continue;
            }
            Map<String, Object> taken = new java.util.HashMap<>(Api.registration(Api.uniqueHandle("ppreg")));
            taken.put("email", world.account(a).email());
            Response known = Api.anonymous().body(taken).post("/api/v1/auth/register");
            Response unknown = Api.anonymous().body(Api.registration(Api.uniqueHandle("ppreg")))
                    .post("/api/v1/auth/register");
            String context = "item 7: registering with " + World.role(a) + "'s e-mail answers differently";
            assertEquals(unknown.statusCode(), known.statusCode(), context);
            Map<String, Object> knownBody = new java.util.TreeMap<>(known.jsonPath().getMap(""));
            Map<String, Object> unknownBody = new java.util.TreeMap<>(unknown.jsonPath().getMap(""));
            knownBody.remove("linkExpiresAt");
            unknownBody.remove("linkExpiresAt");
            assertEquals(unknownBody, knownBody, context);
            return; // one member's address per world is enough: the answer cannot depend on whose it is
        }
    }

    /**
     * Issue 14 item 13 (README "Privacy model", blocks): across a block, in either direction, neither member finds the
     * other's profile (404, like an unknown handle), nor the other in the group's member list unless they read it as
     * the group's owner or moderator. (Platform admins, who see every profile, are not part of this check.)
     */
    static void blockedMembersDoNotFindEachOther(World world) {
        for (int a = 0; a < Step.ADMIN; a++) {
            for (int b = 0; b < Step.ADMIN; b++) {
                if (a == b || world.isErased(a) || world.isErased(b) || Api.count("SELECT count(*) FROM blocks WHERE"
                        + " (blocker_id = ? AND blocked_id = ?) OR (blocker_id = ? AND blocked_id = ?)",
                        world.account(a).id(), world.account(b).id(), world.account(b).id(),
                        world.account(a).id()) == 0) {
                    continue;
                }
                String pair = World.role(a) + " finds " + World.role(b) + " across a block";
                assertEquals(404, Api.as(world.account(a)).get("/api/v1/accounts/" + world.account(b).handle())
                        .statusCode(), "blocks: by profile, " + pair);
                String membership = membership(world, a);
                if (membership != null && (membership.startsWith("OWNER ") || membership.startsWith("MODERATOR "))) {
                    continue;
                }
                Response list = Api.as(world.account(a)).queryParam("limit", 100)
                        .get("/api/v1/groups/" + world.group.id() + "/members");
                if (list.statusCode() == 200) {
                    assertFalse(list.jsonPath().getList("items.account.handle").contains(world.account(b).handle()),
                            "blocks: in the member list, " + pair);
                }
            }
        }
    }

    /**
     * Issue 16: a webhook (a partner's resource events, the operators' {@code care.held}) is a type, a time and the
     * documented data: a resource's id and status, or {@code care.held}'s random alert id that names nothing in
     * Kindred. Every message arrives signed (Standard Webhooks, checked by an independent verifier), and none carries
     * anyone's words, a member's id, handle or e-mail (so never the author of an anonymous post), or the id of a post
     * or of the group (so never a held post).
     */
    static void webhooksCarryNoContentAndNoPerson(World world) {
        OutboxWorker worker = Arc.container().instance(OutboxWorker.class).get();
        Instant now = Instant.now();
        for (int round = 0; round < 20 && worker.runOnce(now) > 0; round++) {
            // until no endpoint of any world has a message due
        }
        Map<String, String> secrets = writtenAndNamed(world);
        Map<WorldWebhooks.Endpoint, List<WebhookReceiver.Received>> received = world.webhooks.received();
        for (WorldWebhooks.Endpoint endpoint : world.webhooks.endpoints()) {
            UUID id = UUID.fromString(endpoint.id());
            long queued = Api.count("SELECT count(*) FROM outbox WHERE endpoint_id = ?", id);
            assertEquals(queued, Api.count("SELECT count(*) FROM outbox WHERE endpoint_id = ? AND status = 'DELIVERED'",
                    id), "every webhook message to " + endpoint.path() + " is delivered");
            List<WebhookReceiver.Received> messages = received.get(endpoint);
            assertEquals(queued, messages.stream().map(WebhookReceiver.Received::id).distinct().count(),
                    "the receiver got each message queued for " + endpoint.path());
            for (WebhookReceiver.Received message : messages) {
                checkWebhook(endpoint, message, secrets);
            }
        }
        // Not vacuous: the partner heard of the world's resource, the operators of every post held for care.
        // (The body is the stored JSON as PostgreSQL prints it, so it is read as JSON, not matched as text.)
        assertTrue(received.get(world.webhooks.partner).stream().anyMatch(m -> world.webhooks.resourceId.equals(
                JsonPath.from(m.body()).getString("data.resourceId"))),
                "the partner heard of the world's resource: " + received.get(world.webhooks.partner));
        long alerts = received.get(world.webhooks.operators).stream()
                .filter(m -> "care.held".equals(JsonPath.from(m.body()).getString("type"))).count();
        assertTrue(alerts >= world.heldForCare.size(),
                world.heldForCare.size() + " posts held for care, " + alerts + " care.held alerts");
    }

    private static void checkWebhook(WorldWebhooks.Endpoint endpoint, WebhookReceiver.Received message,
            Map<String, String> secrets) {
        String body = message.body();
        try {
            assertTrue(StandardWebhooks.verifies(endpoint.secret(), message.id(), message.timestamp(), body,
                    message.signature()), "an unsigned or wrongly signed webhook: " + body);
        } catch (Exception e) {
            throw new AssertionError("the webhook signature does not parse: " + message.signature(), e);
        }
        assertEquals("application/json", message.contentType());
        Map<String, Object> fields = JsonPath.from(body).getMap("");
        assertEquals(Set.of("type", "timestamp", "data"), fields.keySet(), "webhook fields: " + body);
        String type = (String) fields.get("type");
        assertTrue(endpoint.eventTypes().contains(type), endpoint.path() + " got " + type + ": " + body);
        Instant.parse((String) fields.get("timestamp"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) fields.get("data");
        if ("care.held".equals(type)) {
            assertEquals(Set.of("alertId"), data.keySet(), "care.held carries an alert id only: " + body);
            UUID alert = UUID.fromString((String) data.get("alertId"));
            assertEquals(0, Api.count("SELECT (SELECT count(*) FROM posts WHERE id = ?) + (SELECT count(*) FROM "
                    + "accounts WHERE id = ?) + (SELECT count(*) FROM groups WHERE id = ?) + (SELECT count(*) FROM "
                    + "reports WHERE id = ?)", alert, alert, alert, alert),
                    "care.held's alert id names a post, account, group or report: " + body);
        } else {
            assertEquals(Set.of("resourceId", "status"), data.keySet(), "a resource event's data: " + body);
            assertEquals(1, Api.count("SELECT count(*) FROM curated_resources WHERE id = ?",
                    UUID.fromString((String) data.get("resourceId"))), "a resource event names a resource: " + body);
        }
        secrets.forEach((what, secret) -> assertFalse(body.contains(secret),
                "a webhook to " + endpoint.path() + " carries " + what + ": " + body));
    }

    /** What no webhook may carry: every member's id, handle and e-mail, every word written, every post and the group. */
    private static Map<String, String> writtenAndNamed(World world) {
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        for (int i = 0; i < world.cast.size(); i++) {
            TestAccount account = world.account(i);
            secrets.put(World.role(i) + "'s account id", account.id().toString());
            secrets.put(World.role(i) + "'s handle", account.handle());
            secrets.put(World.role(i) + "'s e-mail", account.email());
            secrets.put(World.role(i) + "'s words", world.markers.get(i));
        }
        for (World.PostRecord post : world.posts) {
            String what = (world.heldForCare.contains(post.id()) ? "held " : "")
                    + (post.anonymous() ? "anonymous " : "")
                    + "post " + post.id();
            secrets.put("the id of " + what, post.id().toString());
        }
        for (String text : World.strings("SELECT coalesce(title, '') FROM posts WHERE group_id = ? UNION "
                + "SELECT body FROM posts WHERE group_id = ?", world.group.id(), world.group.id())) {
            if (text.length() >= 8) {
                secrets.put("a post's text", text);
            }
        }
        secrets.put("the crisis text", World.URGENT);
        secrets.put("the group's id", world.group.id().toString());
        secrets.put("the group's name", world.group.name());
        return secrets;
    }

    /**
     * Issue 16: what wakes a member's device (Web Push, decrypted as the browser would) is a count, one notification
     * id and a kind: never a member's id or handle, never anyone's words.
     */
    static void pushesCarryNoContentAndNoPerson(World world) {
        org.kindred.push.PushWorker worker = io.quarkus.arc.Arc.container().instance(org.kindred.push.PushWorker.class)
                .get();
        java.time.Instant now = java.time.Instant.now();
        for (int round = 0; round < 20 && worker.runOnce(now) > 0; round++) {
            // until no device of any world has news
        }
        for (int observer = 0; observer < Step.ADMIN; observer++) {
            String path = "/push/" + world.account(observer).id();
            for (org.kindred.push.PushService.Push push : World.PUSH.pushes) {
                if (!push.path().equals(path)) {
                    continue;
                }
                Map<String, Object> payload = io.restassured.path.json.JsonPath.from(push.payload()).getMap("");
                assertEquals(Set.of("type", "unread", "newest"), payload.keySet(), "push fields: " + push.payload());
                @SuppressWarnings("unchecked")
                Map<String, Object> newest = (Map<String, Object>) payload.get("newest");
                assertEquals(Set.of("id", "kind"), newest.keySet());
                UUID.fromString((String) newest.get("id"));
                org.kindred.notifications.NotificationKind.valueOf((String) newest.get("kind"));
                for (int other = 0; other < world.cast.size(); other++) {
                    TestAccount account = world.account(other);
                    assertFalse(push.payload().contains(account.id().toString())
                            || push.payload().contains(account.handle()) || push.payload().contains(
                                    world.markers.get(other)),
                            "a push to " + who(observer) + " names or quotes " + account.handle() + ": "
                                    + push.payload());
                }
            }
        }
    }

    /**
     * Issue 16: a notification is kind, ids, counts and times. No member's id or handle (so never the actor of
     * anything anonymous), and no field beyond the documented ones (so no text, title, name or reason).
     */
    static void notificationsCarryNoContentAndNoPerson(World world) {
        Set<String> fields = Set.of("id", "kind", "groupId", "threadId", "postId", "reportId", "outcome", "count",
                "silent", "read", "createdAt", "updatedAt", "journalEntryId", "daysLeft");
        for (int observer = 0; observer < world.cast.size(); observer++) {
            Response inbox = Api.as(world.account(observer)).get("/api/v1/me/notifications");
            if (inbox.statusCode() == 401) {
                continue; // erased or suspended
            }
            assertEquals(200, inbox.statusCode(), "the inbox of " + who(observer));
            String body = inbox.asString();
            for (TestAccount account : world.cast) {
                assertFalse(body.contains(account.id().toString()) || body.contains("\"" + account.handle() + "\""),
                        "a notification of " + who(observer) + " names " + account.handle() + ": " + body);
            }
            List<Map<String, Object>> items = inbox.jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                assertTrue(fields.containsAll(item.keySet()), "undocumented notification fields: " + item.keySet());
                if (!"JOURNAL_DEADLINE".equals(item.get("kind"))) {
                    assertTrue(item.get("journalEntryId") == null && item.get("daysLeft") == null,
                            "only a journal reminder points at a journal entry: " + item);
                }
            }
        }
    }

    /** I3: a concern changes no post's status and nobody's membership. */
    private static void i3ConcernNeitherHidesNorRestricts(World world, Map<UUID, String> before, String context) {
        assertEquals(before, statuses(world), "I3: a wellbeing concern changed a post or a membership " + context);
    }

    /** I3: the concern is in the moderators' queue with the care priority (0), behind nothing less urgent. */
    private static void i3ConcernTopsTheQueue(World world, UUID post, String context) {
        JsonPath queue = Api.as(world.owner()).get("/api/v1/groups/" + world.group.id() + "/reports").then()
                .statusCode(200).extract().jsonPath();
        List<String> targets = queue.getList("items.targetId");
        int at = targets.indexOf(post.toString());
        assertTrue(at >= 0, "I3: a wellbeing concern is not in the moderators' queue " + context);
        for (int i = 0; i <= at; i++) {
            assertEquals(0, queue.getInt("items[" + i + "].priority"),
                    "I3: a wellbeing concern is not at the top of the queue " + context + ": " + queue.prettify());
        }
    }

    /** I2: a post members never saw answers as a post that does not exist, and appears in no list or log. */
    static void i2NeverPublishedPostsAreNowhere(World world) {
        for (World.PostRecord post : world.posts) {
            if (!"f".equals(World.string("SELECT ever_published FROM posts WHERE id = ?", post.id()))) {
                continue;
            }
            for (int observer : observers(world, post.author())) {
                String what = "I2: " + who(observer) + " can tell that never-published post " + post.id() + " exists";
                String asNothing = Views.nonexistentPost(world, observer);
                Response direct = spec(world, observer).get("/api/v1/posts/" + post.id());
                assertEquals(asNothing,
                        direct.statusCode() + " " + Views.normalise(world,
                                direct.asString().replace(post.id().toString(), "<id>")),
                        what + " (GET by id)");
                String g = "/api/v1/groups/" + world.group.id();
                // A held thread's own replies answer 404 with its id in "instance": only lists of other posts count.
                List<String> lists = post.thread() == null
                        ? List.of(g + "/posts", g + "/moderation-log")
                        : List.of(g + "/posts", g + "/moderation-log", "/api/v1/posts/" + post.thread() + "/replies");
                if (observer != Views.NOBODY) {
                    lists = new java.util.ArrayList<>(lists);
                    lists.add("/api/v1/me/notifications"); // issue 16: a notification never reveals a held post
                }
                for (String list : lists) {
                    assertFalse(spec(world, observer).get(list).asString().contains(post.id().toString()),
                            what + " (" + list + ")");
                }
            }
        }
    }

    /** I2 (and issue 14 item 10): members' log entries about a person carry no account, handle or reason. */
    static void i2MembersLogNamesNobody(World world) {
        for (int observer : observers(world, -1)) {
            if (observer == Views.NOBODY) {
                continue;
            }
            Response log = spec(world, observer).get("/api/v1/groups/" + world.group.id() + "/moderation-log");
            if (log.statusCode() != 200) {
                continue;
            }
            List<Map<String, Object>> items = log.jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                assertTrue(Set.of("moderator", "system").contains(item.get("actor")),
                        "I2: the members' log names a moderator: " + item);
                if ("ACCOUNT".equals(item.get("targetType"))) {
                    assertNull(item.get("targetId"), "I2: the members' log names a person: " + item);
                    assertNull(item.get("targetHandle"), "I2: the members' log names a person: " + item);
                    assertNull(item.get("reason"), "I2: the members' log gives a reason about a person: " + item);
                }
            }
        }
    }

    /** I4: reports about the moderator, open or closed, are neither in their queue nor readable by them. */
    static void i4ModeratorsNeverSeeReportsAboutThemselves(World world) {
        TestAccount moderator = world.moderator();
        if (world.isErased(Step.MODERATOR)) {
            return;
        }
        List<String> aboutThem = World.strings("SELECT id::text FROM reports WHERE target_account_id = ?",
                moderator.id());
        for (String status : List.of("OPEN", "RESOLVED")) {
            Response queue = Api.as(moderator)
                    .get("/api/v1/groups/" + world.group.id() + "/reports?status=" + status);
            if (queue.statusCode() != 200) {
                continue;
            }
            String body = queue.asString();
            assertFalse(body.contains(moderator.id().toString()),
                    "I4: the moderator's " + status + " queue holds a report about them");
            for (String id : aboutThem) {
                assertFalse(body.contains(id), "I4: the moderator's " + status + " queue holds report " + id);
            }
        }
        for (String id : aboutThem) {
            assertEquals(404, Api.as(moderator).get("/api/v1/reports/" + id).statusCode(),
                    "I4: the moderator can read report " + id + " about themself");
        }
    }

    /** I5: a reporter sees post-level outcomes only, and never the author of an anonymous post. */
    static void i5ReportersNeverLearnAccountLevelActions(World world) {
        for (World.ReportRecord report : world.reports) {
            if (!report.targetType().equals("POST") || world.isErased(report.reporter())) {
                continue;
            }
            Response seen = Api.as(world.account(report.reporter())).get("/api/v1/reports/" + report.id());
            assertEquals(200, seen.statusCode(), "I5: a reporter cannot follow their report");
            String resolution = seen.path("resolution");
            assertFalse(resolution != null && ACCOUNT_LEVEL.contains(resolution),
                    "I5: the reporter of a post learns the account-level action " + resolution);
            World.PostRecord post = world.posts.stream().filter(p -> p.id().equals(report.targetId())).findFirst()
                    .orElseThrow();
            if (post.anonymous()) {
                TestAccount author = world.account(post.author());
                assertFalse(seen.asString().contains(author.id().toString())
                        || seen.asString().contains(author.handle()),
                        "I5: the reporter of an anonymous post is shown its author");
            }
        }
    }

    /** I6: nothing in the database holds an erased member's e-mail, handle or words (posts: as they chose). */
    static void i6ErasedMembersLeaveNothing(World world) {
        if (world.erased.isEmpty()) {
            return;
        }
        // Anonymous posts of erased members go at a random moment within the deferral window: let it pass.
        Api.sql("UPDATE posts SET erase_at = now() WHERE erase_at IS NOT NULL");
        Arc.container().instance(PostErasure.class).get().removeDue();
        List<String[]> columns = new ArrayList<>();
        for (String row : World.strings("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
                  AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')
                """)) {
            columns.add(row.split("\\."));
        }
        world.erased.forEach((index, removeContent) -> {
            TestAccount account = world.account(index);
            for (String[] column : columns) {
                boolean keptByChoice = !removeContent && column[0].startsWith("post");
                List<String> secrets = keptByChoice
                        ? List.of(account.email(), account.handle())
                        : List.of(account.email(), account.handle(), world.markers.get(index));
                for (String secret : secrets) {
                    // Open reports keep their details, and posts under an open report their text, until a moderator
                    // closes the report (README I6); closed ones never.
                    String open = switch (column[0]) {
                        case "reports" -> " AND status <> 'OPEN'";
                        case "posts" -> " AND NOT erase_after_review";
                        case "post_revisions" -> " AND post_id NOT IN (SELECT id FROM posts WHERE erase_after_review)";
                        default -> "";
                    };
                    long found = Api.count("SELECT count(*) FROM " + column[0] + " WHERE " + column[1]
                            + "::text LIKE ?" + open, "%" + secret + "%");
                    assertEquals(0, found, "I6: " + column[0] + "." + column[1] + " still holds erased "
                            + World.role(index) + "'s " + (secret.equals(account.email())
                                    ? "e-mail"
                                    : secret.equals(account.handle()) ? "handle" : "words")
                            + (removeContent ? " (content removed)" : " (content kept)"));
                }
            }
        });
    }

    /** Members other than {@code except} still in the cast, and (for PUBLIC groups) a caller without an account. */
    static List<Integer> observers(World world, int except) {
        List<Integer> observers = new ArrayList<>();
        for (int i = 0; i < World.MEMBERS; i++) {
            if (i != except && !world.isErased(i)) {
                observers.add(i);
            }
        }
        if (world.visibility.equals("PUBLIC")) {
            observers.add(Views.NOBODY);
        }
        return observers;
    }

    private static RequestSpecification spec(World world, int observer) {
        return observer == Views.NOBODY ? Api.anonymous() : Api.as(world.account(observer));
    }

    private static String who(int observer) {
        return observer == Views.NOBODY ? "a caller without an account" : World.role(observer);
    }

    private static String membership(World world, int index) {
        return World.string("SELECT role || ' ' || status FROM memberships WHERE group_id = ? AND account_id = ?",
                world.group.id(), world.account(index).id());
    }

    /** Every post's status and every membership, as stored. */
    private static Map<UUID, String> statuses(World world) {
        Map<UUID, String> statuses = new java.util.TreeMap<>();
        for (World.PostRecord post : world.posts) {
            statuses.put(post.id(), world.status(post.id()));
        }
        for (int i = 0; i < world.cast.size(); i++) {
            statuses.put(world.account(i).id(), membership(world, i));
        }
        return statuses;
    }
}
