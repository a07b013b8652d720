package org.kindred.notifications;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.ModeratedGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The inbox through the HTTP API: who is told what, and that nothing tells more than ids, counts and times. */
@QuarkusTest
class NotificationsTest {

    static final String URGENT = "After today's meeting where they laughed at my accent again, I want to kill myself.";
    static final String INBOX = "/api/v1/me/notifications";

    TestAccount owner;
    TestAccount moderator;
    TestAccount author;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void group() {
        ModeratedGroup fixture = ModeratedGroup.create("nt");
        owner = fixture.owner();
        moderator = fixture.moderator();
        author = fixture.author();
        member = fixture.member();
        group = fixture.group();
    }

    static List<Map<String, Object>> inbox(TestAccount who, String... query) {
        var request = Api.as(who);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get(INBOX).then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> ofKind(TestAccount who, String kind) {
        return inbox(who).stream().filter(n -> kind.equals(n.get("kind"))).toList();
    }

    @Test
    void aReplyReachesTheThreadsFollowersWithIdsOnly() {
        UUID thread = Posts.post(author, group, "They told me my headscarf was unprofessional.");
        UUID first = Posts.reply(member, thread, "That happened to me too. You are not alone.");
        List<Map<String, Object>> mine = ofKind(author, "REPLY");
        assertEquals(1, mine.size());
        Map<String, Object> n = mine.get(0);
        assertEquals(first.toString(), n.get("postId"));
        assertEquals(thread.toString(), n.get("threadId"));
        assertEquals(group.id().toString(), n.get("groupId"));
        assertEquals(false, n.get("read"));
        assertEquals(1, n.get("count"));
        String raw = Api.as(author).get(INBOX).then().extract().asString();
        assertFalse(raw.contains("not alone") || raw.contains(member.handle()) || raw.contains(member.id().toString())
                || raw.contains("headscarf") || raw.contains(group.name()), "content-free: " + raw);
        assertTrue(ofKind(member, "REPLY").isEmpty(), "nobody is told of their own reply");

        // The member replied, so now follows the thread; the author's next reply reaches them, not the author.
        UUID second = Posts.reply(author, thread, "Thank you, it helps to hear.");
        assertEquals(List.of(second.toString()), ofKind(member, "REPLY").stream().map(m -> m.get("postId")).toList());
        assertEquals(1, ofKind(author, "REPLY").size());
        assertTrue(inbox(moderator).isEmpty(), "moderators are not told of ordinary replies");
    }

    @Test
    void anAnonymousReplyNotifiesExactlyLikeANamedOne() {
        UUID thread = Posts.post(author, group, "Is it worth reporting a landlord who refused me?");
        Map<String, Object> body = new HashMap<>(Map.of("body", "I did once, it was worth it.", "anonymous", true));
        String reply = Api.as(member).body(body).post("/api/v1/posts/" + thread + "/replies").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> n = ofKind(author, "REPLY").get(0);
        assertEquals(reply, n.get("postId"));
        assertEquals(List.of("id", "kind", "groupId", "threadId", "postId", "reportId", "outcome", "count", "silent",
                "read", "createdAt", "updatedAt", "journalEntryId", "daysLeft").stream().sorted().toList(),
                n.keySet().stream().sorted().toList());
        assertNull(n.get("journalEntryId"));
        assertNull(n.get("daysLeft"));
        String raw = Api.as(author).get(INBOX).then().extract().asString();
        assertFalse(raw.contains(member.handle()) || raw.contains(member.id().toString()));
    }

    @Test
    void aMutedMembersNamedRepliesDoNotNotifyButAnonymousOnesDo() {
        UUID thread = Posts.post(author, group, "Muting test thread");
        Api.as(author).put("/api/v1/me/mutes/" + member.id()).then().statusCode(204);
        Posts.reply(member, thread, "A named reply from someone muted");
        assertTrue(ofKind(author, "REPLY").isEmpty());
        String anonymous = Api.as(member).body(Map.of("body", "An anonymous reply", "anonymous", true))
                .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201).extract().path("id");
        assertEquals(List.of(anonymous), ofKind(author, "REPLY").stream().map(n -> n.get("postId")).toList(),
                "mutes never touch anonymous posts, or they would tell who wrote them");
    }

    @Test
    void aNamedReplyAcrossABlockIsNeverDeliveredSoNoLiveCountIncludesIt() {
        // The live stream's unread count is read without the inbox's read-time checks: nothing it would drop may exist.
        UUID thread = Posts.post(moderator, group, "Somebody else's thread both of them follow");
        Posts.reply(author, thread, "The author follows it now");
        Posts.reply(member, thread, "And so does the member");
        Api.sql("DELETE FROM notifications WHERE recipient_id IN (?, ?)", author.id(), member.id());
        Api.as(author).put("/api/v1/me/blocks/" + member.id()).then().statusCode(204);
        Posts.reply(member, thread, "A named reply from someone the author blocked");
        Posts.reply(author, thread, "A named reply from the member who blocked them");
        assertEquals(0, Api.count("SELECT count(*) FROM notifications WHERE kind = 'REPLY' AND recipient_id IN (?, ?)",
                author.id(), member.id()), "no notification crosses a block in either direction");
        String anonymous = Api.as(member).body(Map.of("body", "An anonymous reply", "anonymous", true))
                .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201).extract().path("id");
        assertEquals(List.of(anonymous), ofKind(author, "REPLY").stream().map(n -> n.get("postId")).toList(),
                "blocks never touch anonymous posts, or they would tell who wrote them");
    }

    @Inject
    GuidelinesNotices guidelinesNotices;

    @Test
    void newGuidelinesAreAnnouncedOnceToEveryMemberWhoAcceptedAnOlderVersion() {
        int next = (int) Api.count("SELECT COALESCE(max(version), 1) + 1 FROM guidelines_notices");
        String settings = "/api/v1/me/notification-settings";
        String etag = Api.as(author).get(settings).then().statusCode(200).extract().header("ETag");
        Map<String, Object> off = new HashMap<>(
                Map.of("disabledKinds", List.of("GUIDELINES_CHANGED"), "timeZone", "UTC"));
        off.put("quietHours", null);
        Api.as(author).header("If-Match", etag).body(off).put(settings).then().statusCode(200);

        int told = guidelinesNotices.announce(next);

        assertTrue(told >= 3, "the other members of this test are among those told: " + told);
        List<Map<String, Object>> notices = ofKind(member, "GUIDELINES_CHANGED");
        assertEquals(1, notices.size());
        Map<String, Object> notice = notices.get(0);
        for (String id : List.of("groupId", "threadId", "postId", "reportId", "outcome")) {
            assertNull(notice.get(id), id + ": a guidelines notice points at nothing but the guidelines");
        }
        assertTrue(ofKind(author, "GUIDELINES_CHANGED").isEmpty(), "a kind turned off is not delivered");
        assertEquals(0, guidelinesNotices.announce(next), "a version is announced once, however many replicas start");
        assertEquals(1, ofKind(member, "GUIDELINES_CHANGED").size());
        assertEquals(0, guidelinesNotices.announce(1), "nobody accepted a version older than the first");
    }

    @Test
    void reactionsMergeIntoOneCountWithoutNames() {
        UUID post = Posts.anonymous(author, group, "I was followed around the shop again today.");
        Api.as(member).put("/api/v1/posts/" + post + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
        Api.as(moderator).put("/api/v1/posts/" + post + "/reactions/SENDING_STRENGTH").then().statusCode(200);
        Api.as(author).put("/api/v1/posts/" + post + "/reactions/SENDING_STRENGTH").then().statusCode(200);
        List<Map<String, Object>> reactions = ofKind(author, "REACTIONS");
        assertEquals(1, reactions.size(), "one notification per post while unread");
        assertEquals(2, reactions.get(0).get("count"), "the author's own reaction does not count");
        String raw = Api.as(author).get(INBOX).then().extract().asString();
        assertFalse(raw.contains(member.id().toString()) || raw.contains(moderator.id().toString())
                || raw.contains(member.handle()) || raw.contains(moderator.handle()));

        // Once read, the next reaction starts a new notification.
        Api.as(author).post(INBOX + "/read").then().statusCode(204).header(MyNotificationsResource.UNREAD_HEADER,
                "0");
        Api.as(owner).put("/api/v1/posts/" + post + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
        assertEquals(List.of(1, 2), ofKind(author, "REACTIONS").stream().map(m -> m.get("count")).toList());
    }

    @Test
    void readDeleteCountAndAnotherMembersNotificationIs404() {
        UUID thread = Posts.post(author, group, "First day at the new job and already a comment about my name.");
        Posts.reply(member, thread, "Sorry, that is exhausting.");
        Posts.reply(moderator, thread, "Document it, dates and words.");
        Api.as(author).get(INBOX + "/unread-count").then().statusCode(200).body("unread", equalTo(2))
                .header(MyNotificationsResource.UNREAD_HEADER, "2");
        String id = (String) inbox(author).get(0).get("id");

        assertProblem(Api.as(member).post(INBOX + "/" + id + "/read").then(), 404, "not-found");
        assertProblem(Api.as(member).delete(INBOX + "/" + id).then(), 404, "not-found");
        assertProblem(Api.as(author).post(INBOX + "/not-a-uuid/read").then(), 400, "validation");
        assertProblem(Api.as(author).post(INBOX + "/" + UUID.randomUUID() + "/read").then(), 404, "not-found");

        Api.as(author).post(INBOX + "/" + id + "/read").then().statusCode(204)
                .header(MyNotificationsResource.UNREAD_HEADER, "1");
        Api.as(author).post(INBOX + "/" + id + "/read").then().statusCode(204);
        assertEquals(1, inbox(author, "unread", "true").size());
        Api.as(author).delete(INBOX + "/" + id).then().statusCode(204);
        assertProblem(Api.as(author).delete(INBOX + "/" + id).then(), 404, "not-found");
        assertEquals(1, inbox(author).size());
        Api.anonymous().get(INBOX).then().statusCode(401);
    }

    @Test
    void pagingAndFilters() {
        UUID thread = Posts.post(author, group, "Three replies please");
        for (int i = 0; i < 3; i++) {
            Posts.reply(member, thread, "Reply number " + i);
        }
        Api.as(member).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
        Response first = Api.as(author).queryParam("limit", 2).queryParam("kind", "REPLY").get(INBOX).then()
                .statusCode(200).header("Link", notNullValue()).extract().response();
        List<String> kinds = first.jsonPath().getList("items.kind");
        assertEquals(List.of("REPLY", "REPLY"), kinds);
        String cursor = first.path("nextCursor");
        List<String> rest = Api.as(author).queryParam("limit", 2).queryParam("kind", "REPLY")
                .queryParam("cursor", cursor).get(INBOX).then().statusCode(200).body("nextCursor", equalTo(null))
                .extract().jsonPath().getList("items.kind");
        assertEquals(List.of("REPLY"), rest);
        assertProblem(Api.as(author).queryParam("cursor", cursor).get(INBOX).then(), 400, "validation");
        assertEquals(1, inbox(author, "kind", "REACTIONS").size());
        assertProblem(Api.as(author).queryParam("kind", "EVERYTHING").get(INBOX).then(), 400, "validation");
        assertProblem(Api.as(author).queryParam("limit", 0).get(INBOX).then(), 400, "validation");
        assertProblem(Api.as(author).queryParam("unread", "maybe").get(INBOX).then(), 400, "validation");
    }

    @Test
    void heldForCareReachesTheAuthorAndModeratorsOnlyUntilReleased() {
        UUID thread = Posts.post(member, group, "How do you cope after a day like this?");
        String reply = Api.as(author).body(Map.of("body", URGENT)).post("/api/v1/posts/" + thread + "/replies").then()
                .statusCode(201).body("status", equalTo("HELD_FOR_CARE")).extract().path("id");
        assertEquals(List.of(reply), ofKind(author, "POST_HELD").stream().map(n -> n.get("postId")).toList());
        assertEquals(List.of(reply), ofKind(moderator, "CARE_QUEUE").stream().map(n -> n.get("postId")).toList());
        assertEquals(1, ofKind(owner, "CARE_QUEUE").size());
        assertTrue(inbox(member).isEmpty(), "the thread's author never learns a held reply exists");
        assertTrue(ofKind(moderator, "REPORT_FILED").isEmpty(), "care is not announced twice");

        String reportId = Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .extract().path("items[0].reportId");
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "RESTORE_POST", "note", "Reached out"))
                .patch("/api/v1/reports/" + reportId).then().statusCode(200);
        assertEquals(1, ofKind(author, "POST_RELEASED").size());
        assertEquals(List.of(reply), ofKind(member, "REPLY").stream().map(n -> n.get("postId")).toList(),
                "once released it is an ordinary reply");
    }

    @Test
    void aHiddenOrBlockedPostDropsOutOfTheInbox() {
        UUID thread = Posts.post(author, group, "Anyone else asked where they are 'really' from at work?");
        UUID hidden = Posts.reply(member, thread, "All the time.");
        UUID other = Posts.reply(moderator, thread, "Every week.");
        assertEquals(2, ofKind(author, "REPLY").size());
        Api.as(owner).queryParam("reason", "off topic").delete("/api/v1/posts/" + hidden).then().statusCode(204);
        assertEquals(List.of(other.toString()), ofKind(author, "REPLY").stream().map(n -> n.get("postId")).toList());

        Api.as(author).put("/api/v1/me/blocks/" + moderator.id()).then().statusCode(204);
        assertTrue(ofKind(author, "REPLY").isEmpty(), "a named reply by someone I blocked is not shown");
        Api.as(author).get(INBOX + "/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void joinRequestsDecisionsReportsOutcomesAndWarnings() {
        TestAccount asker = Api.register("ntask");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        Api.as(asker).body(Map.of("acceptRulesVersion", 1, "message", "Please let me in"))
                .post("/api/v1/groups/" + closed.id() + "/members").then().statusCode(202);
        Map<String, Object> request = ofKind(owner, "JOIN_REQUEST").get(0);
        assertEquals(closed.id().toString(), request.get("groupId"));
        assertFalse(Api.as(owner).get(INBOX).then().extract().asString().contains("Please let me in"));
        Api.as(owner).body(Map.of("status", "ACTIVE")).patch("/api/v1/groups/" + closed.id() + "/members/" + asker.id())
                .then().statusCode(200);
        Map<String, Object> decided = ofKind(asker, "MEMBERSHIP_DECIDED").get(0);
        assertEquals("APPROVED", decided.get("outcome"));

        // A report reaches the moderators, never the member it is about, even when they moderate.
        UUID post = Posts.post(moderator, group, "A post someone will report");
        String reportId = Api.as(member)
                .body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", "HARASSMENT"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        assertEquals(reportId, ofKind(owner, "REPORT_FILED").get(0).get("reportId"));
        assertTrue(ofKind(moderator, "REPORT_FILED").isEmpty());
        Api.as(owner).body(Map.of("status", "RESOLVED", "action", "WARN", "reason", "Please be kind"))
                .patch("/api/v1/reports/" + reportId).then().statusCode(200);
        Map<String, Object> outcome = ofKind(member, "REPORT_OUTCOME").get(0);
        assertEquals("ACTION_TAKEN", outcome.get("outcome"));
        assertEquals(reportId, outcome.get("reportId"));
        String raw = Api.as(member).get(INBOX).then().extract().asString();
        assertFalse(
                raw.contains("WARN\"") || raw.contains("Please be kind") || raw.contains(moderator.id().toString()));
        assertEquals(1, ofKind(moderator, "WARNING").size());
        assertFalse(Api.as(moderator).get(INBOX).then().extract().asString().contains(member.id().toString()),
                "the warned member never learns who reported");
    }

    @Test
    void groupRulesChangesReachEveryMember() {
        String etag = Api.as(owner).get("/api/v1/groups/" + group.id()).then().extract().header("ETag");
        Api.as(owner).header("If-Match", etag).body(Map.of("rules", "New rules: no names of workplaces."))
                .patch("/api/v1/groups/" + group.id()).then().statusCode(200);
        for (TestAccount a : List.of(moderator, author, member)) {
            assertEquals(group.id().toString(), ofKind(a, "GROUP_RULES_CHANGED").get(0).get("groupId"));
        }
        assertTrue(ofKind(owner, "GROUP_RULES_CHANGED").isEmpty());
    }

    @Test
    void followAndMuteAThread() {
        UUID thread = Posts.post(author, group, "Thread to mute");
        String sub = "/api/v1/posts/" + thread + "/subscription";
        Api.as(author).get(sub).then().statusCode(200).body("mode", equalTo("FOLLOW")).body("explicit",
                equalTo(false));
        Api.as(member).get(sub).then().statusCode(200).body("mode", equalTo("NONE"));
        Api.as(author).body(Map.of("mode", "MUTE")).put(sub).then().statusCode(200).body("mode", equalTo("MUTE"))
                .body("explicit", equalTo(true));
        Api.as(owner).body(Map.of("mode", "FOLLOW")).put(sub).then().statusCode(200);
        Posts.reply(member, thread, "A reply the author muted");
        assertTrue(ofKind(author, "REPLY").isEmpty());
        assertEquals(1, ofKind(owner, "REPLY").size());
        Api.as(author).delete(sub).then().statusCode(200).body("mode", equalTo("FOLLOW")).body("explicit",
                equalTo(false));
        Posts.reply(member, thread, "Another one");
        assertEquals(1, ofKind(author, "REPLY").size());

        assertProblem(Api.as(author).body(Map.of("mode", "LOUD")).put(sub).then(), 400, "validation");
        assertProblem(Api.as(author).body("{\"mode\":").put(sub).then(), 400, "malformed-json");
        UUID reply = Posts.reply(member, thread, "a reply id");
        assertProblem(Api.as(author).get("/api/v1/posts/" + reply + "/subscription").then(), 400, "reply-too-deep");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        UUID hiddenThread = Posts.post(owner, closed, "Members only");
        assertProblem(Api.as(member).get("/api/v1/posts/" + hiddenThread + "/subscription").then(), 404,
                "not-found");
        assertProblem(Api.as(member).body(Map.of("mode", "FOLLOW"))
                .put("/api/v1/posts/" + hiddenThread + "/subscription").then(), 404, "not-found");
    }

    @Test
    void settingsTurnKindsOffAndMarkQuietHoursSilent() {
        String path = "/api/v1/me/notification-settings";
        String etag = Api.as(author).get(path).then().statusCode(200).body("disabledKinds", equalTo(List.of()))
                .body("quietHours", equalTo(null)).body("timeZone", equalTo("UTC")).extract().header("ETag");
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        Map<String, Object> body = Map.of("disabledKinds", List.of("REACTIONS"), "quietHours",
                Map.of("from", now.minusHours(1).format(hhmm), "until", now.plusHours(1).format(hhmm)), "timeZone",
                "UTC");
        String next = Api.as(author).header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .body("disabledKinds", equalTo(List.of("REACTIONS"))).extract().header("ETag");
        assertNotNull(next);
        assertProblem(Api.as(author).header("If-Match", etag).body(body).put(path).then(), 412, "precondition-failed");

        UUID thread = Posts.post(author, group, "Quiet please");
        Api.as(member).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
        Posts.reply(member, thread, "Arrives in quiet hours");
        assertTrue(ofKind(author, "REACTIONS").isEmpty(), "a kind turned off is not delivered");
        assertEquals(true, ofKind(author, "REPLY").get(0).get("silent"));

        assertProblem(Api.as(author).body(Map.of("disabledKinds", List.of("EVERYTHING"), "timeZone", "UTC"))
                .put(path).then(), 400, "validation");
        assertProblem(Api.as(author).body(Map.of("disabledKinds", List.of(), "timeZone", "Mars/Olympus")).put(path)
                .then(), 400, "validation");
        assertProblem(Api.as(author).body(Map.of("disabledKinds", List.of(), "timeZone", "UTC", "quietHours",
                Map.of("from", "25:00", "until", "07:00"))).put(path).then(), 400, "validation");
        assertProblem(Api.as(author).body(Map.of("disabledKinds", List.of(), "timeZone", "x".repeat(65))).put(path)
                .then(), 400, "validation");
        assertProblem(Api.as(author).body("{").put(path).then(), 400, "malformed-json");
        Api.as(author).get(path).then().body("disabledKinds", equalTo(List.of("REACTIONS")));
        assertNull(Api.as(member).get(path).then().extract().path("quietHours"), "settings are per member");
    }
}
