package org.kindred.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.library.Library;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.ModeratedGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Backward paging through the HTTP API, on lists of different kinds: walk forward page by page, then back through the
 * {@code Link: rel="prev"} URLs to the first page, and get exactly the pages seen going forward.
 */
@QuarkusTest
class BackwardPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern PREV = Pattern.compile("<([^>]+)>; rel=\"prev\"");

    @Inject
    CursorCodec cursors;

    /** What a walk saw: the forward pages (ids) and the last response of each. */
    private record Walk(List<List<String>> pages, List<Response> responses) {
    }

    /**
     * Walks a list forward through {@code nextCursor}, then back from the last page through the {@code rel="prev"}
     * links, and checks that every page reached backwards is the forward page, with the same neighbours' rules.
     */
    private static Walk walkForwardAndBack(Supplier<RequestSpecification> as, String path, Map<String, Object> query,
            int limit) {
        return walkForwardAndBack(as, path, query, limit, "items.id");
    }

    private static Walk walkForwardAndBack(Supplier<RequestSpecification> as, String path, Map<String, Object> query,
            int limit, String ids) {
        return walkForwardAndBack(as, path, query, limit, ids, Integer.MAX_VALUE);
    }

    /** As above, going forward at most {@code maxPages} (for lists shared with other tests, which only grow). */
    private static Walk walkForwardAndBack(Supplier<RequestSpecification> as, String path, Map<String, Object> query,
            int limit, String ids, int maxPages) {
        List<List<String>> pages = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as.get().queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path).then().statusCode(200).extract().response();
            pages.add(page.jsonPath().getList(ids, String.class));
            responses.add(page);
            cursor = page.path("nextCursor");
            if (responses.size() == 1) {
                assertNull(page.path("prevCursor"), path + ": the first page has no previous page");
            } else {
                assertNotNull(page.path("prevCursor"), path + ": a page reached forward can go back");
                assertNotNull(link(page, PREV), path + ": Link names the previous page");
            }
            assertEquals(cursor != null, link(page, NEXT) != null,
                    path + ": Link names the next page when there is one");
        } while (cursor != null && pages.size() < maxPages);
        assertTrue(pages.size() >= 3, path + " needs at least 3 pages, got " + pages);

        List<List<String>> backwards = new ArrayList<>();
        Response page = responses.get(responses.size() - 1);
        String prev;
        while ((prev = link(page, PREV)) != null) {
            page = as.get().urlEncodingEnabled(false).get(prev).then().statusCode(200).extract().response();
            backwards.add(page.jsonPath().getList(ids, String.class));
            assertNotNull(page.path("nextCursor"), path + ": a page reached backwards always has a next page");
            assertEquals(page.path("prevCursor") != null, link(page, PREV) != null);
            assertTrue(backwards.size() < pages.size(), path + ": the walk back ends at the first page");
        }
        Collections.reverse(backwards);
        assertEquals(pages.subList(0, pages.size() - 1), backwards,
                path + ": going back shows exactly the pages seen going forward");
        assertNull(page.path("prevCursor"), path + ": page 1 reached backwards has no previous page");
        return new Walk(pages, responses);
    }

    private static String link(Response page, Pattern rel) {
        String header = page.header("Link");
        if (header == null) {
            return null;
        }
        Matcher m = rel.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static String payload(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);
    }

    /** A cursor with one character of its signed part changed. */
    private static String tampered(String cursor) {
        char c = cursor.charAt(2);
        return cursor.substring(0, 2) + (c == 'A' ? 'B' : 'A') + cursor.substring(3);
    }

    /** A refused cursor's problem, without what differs per request. */
    private static Map<String, Object> refusal(RequestSpecification request, String path) {
        Response response = assertProblem(request.get(path).then(), 400, "validation").extract().response();
        Map<String, Object> problem = new HashMap<>(response.jsonPath().getMap(""));
        problem.remove("instance");
        problem.remove("requestId");
        return problem;
    }

    /**
     * A backward cursor that was altered or belongs to another list is refused exactly like a forward one; a next-page
     * cursor keeps the bare-array payload cursors had before backward paging, and one made that way still works.
     */
    private static void cursorsAreCheckedBothWays(Supplier<RequestSpecification> as, String path, String otherPath,
            Walk walk) {
        cursorsAreCheckedBothWays(as, path, as, otherPath, walk);
    }

    private static void cursorsAreCheckedBothWays(Supplier<RequestSpecification> as, String path,
            Supplier<RequestSpecification> otherAs, String otherPath, Walk walk) {
        String forward = walk.responses().get(0).path("nextCursor");
        String backward = walk.responses().get(1).path("prevCursor");
        assertTrue(payload(forward).startsWith("["), "next-page cursors keep their old form: " + payload(forward));
        assertTrue(payload(backward).startsWith("{\"before\":["), payload(backward));
        Map<String, Object> forwardTampered = refusal(as.get().queryParam("cursor", tampered(forward)), path);
        assertEquals(forwardTampered, refusal(as.get().queryParam("cursor", tampered(backward)), path));
        assertEquals(forwardTampered, refusal(otherAs.get().queryParam("cursor", forward), otherPath));
        assertEquals(forwardTampered, refusal(otherAs.get().queryParam("cursor", backward), otherPath));
    }

    @Test
    void aGroupFeedGoesBackAcrossPinnedThreads() {
        TestAccount owner = Api.register("bpfeed");
        TestGroup group = Groups.create(owner, "PUBLIC");
        TestGroup other = Groups.create(owner, "PUBLIC");
        List<UUID> posts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            posts.add(Posts.post(owner, group, "Feed post " + i));
        }
        for (UUID pinned : List.of(posts.get(2), posts.get(5))) {
            Api.as(owner).post("/api/v1/posts/" + pinned + "/pin").then().statusCode(200);
        }
        String path = "/api/v1/groups/" + group.id() + "/posts";
        Walk walk = walkForwardAndBack(() -> Api.as(owner), path, Map.of(), 3);
        assertEquals(List.of(posts.get(5).toString(), posts.get(2).toString(), posts.get(10).toString()),
                walk.pages().get(0), "pinned threads first, so the walk back crosses from unpinned to pinned");
        assertEquals(4, walk.pages().size());
        cursorsAreCheckedBothWays(() -> Api.as(owner), path, "/api/v1/groups/" + other.id() + "/posts", walk);
        Walk active = walkForwardAndBack(() -> Api.as(owner), path, Map.of("sort", "active"), 4);
        assertEquals(walk.pages().stream().flatMap(List::stream).toList(),
                active.pages().stream().flatMap(List::stream).toList());
        // The same position in another sort order is another list.
        String backward = walk.responses().get(1).path("prevCursor");
        assertProblem(Api.as(owner).queryParam("sort", "active").queryParam("cursor", backward).get(path).then(), 400,
                "validation");
    }

    @Test
    void aBackwardPageShowsOnlyWhatTheReaderMaySee() {
        TestAccount owner = Api.register("bpvown");
        TestAccount blocked = Api.register("bpvblk");
        TestAccount reader = Api.register("bpvrdr");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(blocked, group);
        Groups.join(reader, group);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(Posts.post(i % 2 == 0 ? blocked : owner, group, "Visibility post " + i).toString());
        }
        Api.as(owner).delete("/api/v1/posts/" + posts.get(5)).then().statusCode(204);
        Api.as(reader).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        String path = "/api/v1/groups/" + group.id() + "/posts";

        // The owner sees every post but the deleted one: 11, 10, 9 | 8, 7, 6 | 4, 3, 2 | 1, 0.
        Walk owners = walkForwardAndBack(() -> Api.as(owner), path, Map.of(), 3);
        assertEquals(List.of(posts.get(1), posts.get(0)), owners.pages().get(3));
        // The reader goes back from the owner's last page (cursors name a position in the group's feed, not a
        // reader): the three posts they may see just before it, none of the blocked member's nor the deleted one.
        String beforeOne = owners.responses().get(3).path("prevCursor");
        Response back = Api.as(reader).queryParam("limit", 3).queryParam("cursor", beforeOne).get(path).then()
                .statusCode(200).extract().response();
        assertEquals(List.of(posts.get(9), posts.get(7), posts.get(3)), back.jsonPath().getList("items.id"));
        assertNotNull(back.path("prevCursor"));
        Response first = Api.as(reader).queryParam("limit", 3).queryParam("cursor", (String) back.path("prevCursor"))
                .get(path).then().statusCode(200).extract().response();
        assertEquals(List.of(posts.get(11), posts.get(9), posts.get(7)), first.jsonPath().getList("items.id"),
                "fewer than a page left before: the reader's first page, full");
        assertNull(first.path("prevCursor"));

        Walk readers = walkForwardAndBack(() -> Api.as(reader), path, Map.of(), 2);
        assertEquals(List.of(posts.get(11), posts.get(9), posts.get(7), posts.get(3), posts.get(1)),
                readers.pages().stream().flatMap(List::stream).toList());
    }

    @Test
    void theJournalGoesBackAndAnEmptyPageStillCan() {
        TestAccount member = Api.register("bpjrn");
        TestAccount other = Api.register("bpjro");
        String entries = "/api/v1/me/journal/entries";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(Api.as(member).body(journalEntry("Entry " + i)).post(entries).then().statusCode(201).extract()
                    .path("id"));
        }
        Api.as(other).body(journalEntry("Someone else's")).post(entries).then().statusCode(201);
        Walk walk = walkForwardAndBack(() -> Api.as(member), entries, Map.of(), 3);
        assertEquals(List.of(ids.get(0)), walk.pages().get(2));
        // Another member's journal is another list, whichever way the cursor points.
        cursorsAreCheckedBothWays(() -> Api.as(member), entries, () -> Api.as(other), entries, walk);

        // A cursor made the way every cursor was made before backward paging still reads on.
        String oldStyle = cursors.encode("journal|" + member.id(),
                TimeAndId.key(java.time.Instant.parse((String) walk.responses().get(0).path("items[2].createdAt")),
                        UUID.fromString(ids.get(4))));
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), Api.as(member).queryParam("limit", 3)
                .queryParam("cursor", oldStyle).get(entries).then().statusCode(200).extract().path("items.id"));

        // Everything on the last page deleted: the page reached with its cursor is empty and still goes back.
        Api.as(member).delete(entries + "/" + ids.get(0)).then().statusCode(204);
        Response empty = Api.as(member).queryParam("limit", 3)
                .queryParam("cursor", (String) walk.responses().get(1).path("nextCursor")).get(entries).then()
                .statusCode(200).extract().response();
        assertEquals(List.of(), empty.path("items"));
        assertNull(empty.path("nextCursor"));
        Response back = Api.as(member).urlEncodingEnabled(false).get(link(empty, PREV)).then().statusCode(200)
                .extract().response();
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2)), back.jsonPath().getList("items.id"),
                "the page before the cursor's own position");
    }

    @Test
    void anEntrysAttachmentsGoBack() {
        TestAccount member = Api.register("bpatt");
        String entry = Api.as(member).body(journalEntry("With notes")).post("/api/v1/me/journal/entries").then()
                .statusCode(201).extract().path("id");
        String attachments = "/api/v1/me/journal/entries/" + entry + "/attachments";
        for (int i = 0; i < 7; i++) {
            Api.as(member).contentType("application/octet-stream")
                    .body(("Note " + i + "\n").getBytes(StandardCharsets.UTF_8))
                    .queryParam("filename", "note" + i + ".txt")
                    .post(attachments).then().statusCode(201);
        }
        walkForwardAndBack(() -> Api.as(member), attachments, Map.of(), 3);
    }

    private static Map<String, Object> journalEntry(String whatHappened) {
        Map<String, Object> body = new HashMap<>();
        body.put("whatHappened", whatHappened);
        body.put("date", "2026-03-02");
        body.put("time", "14:30");
        body.put("timeZone", "Europe/London");
        body.put("area", "WORK");
        return body;
    }

    @Test
    void theLibraryGoesBackInRelevanceOrderAndTheAtomFeedLinksThePreviousPage() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String since = java.time.Instant.now().minusSeconds(1).toString();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Library.create(admin, Library.resource(r -> {
                r.put("title", n % 3 == 0 ? word + " guide" : "Guide " + n);
                r.put("summary", n % 2 == 0 ? "Help with " + word + "." : "Help with " + word + " and " + word + ".");
            }));
        }
        Walk walk = walkForwardAndBack(Api::anonymous, "/api/v1/resources", Map.of("q", word), 3);
        cursorsAreCheckedBothWays(Api::anonymous, "/api/v1/resources", "/api/v1/resources?q=" + word + "x", walk);
        Walk newest = walkForwardAndBack(Api::anonymous, "/api/v1/resources",
                Map.of("topic", "WORKPLACE", "country", "GB", "language", "en", "type", "GUIDE"), 2);
        assertFalse(newest.pages().get(0).isEmpty());
        // Delta sync reads oldest change first: the comparison and order going back are the other way round.
        walkForwardAndBack(Api::anonymous, "/api/v1/resources", Map.of("modifiedSince", since), 2, "items.id", 3);

        String first = Api.anonymous().queryParam("q", word).queryParam("limit", 3).get("/api/v1/feeds/resources.atom")
                .then().statusCode(200).extract().asString();
        String second = Api.anonymous().urlEncodingEnabled(false).get(atomLink(first, "next")).then().statusCode(200)
                .extract().asString();
        assertNotNull(atomLink(second, "next"), second);
        String back = Api.anonymous().urlEncodingEnabled(false).get(atomLink(second, "previous")).then()
                .statusCode(200).extract().asString();
        assertEquals(atomEntries(first), atomEntries(back), "rel=previous leads back to the first page");
        assertEquals(walk.pages().get(0).stream().map(id -> "urn:uuid:" + id).toList(), atomEntries(first));
        assertNull(atomLink(back, "previous"), back);
        assertFalse(first.contains("rel=\"previous\""), first);
    }

    /** The href of an Atom feed's {@code <link rel="...">}; null without one. */
    private static String atomLink(String feed, String rel) {
        Matcher m = Pattern.compile("<link rel=\"" + rel + "\"[^>]*href=\"([^\"]+)\"").matcher(feed);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static List<String> atomEntries(String feed) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<id>(urn:uuid:[^<]+)</id>").matcher(feed);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void notificationsGoBackUnderTheirFilters() {
        ModeratedGroup fixture = ModeratedGroup.create("bpnt");
        for (int i = 0; i < 3; i++) {
            UUID thread = Posts.post(fixture.author(), fixture.group(), "Thread " + i);
            for (int j = 0; j < 3; j++) {
                Posts.reply(fixture.member(), thread, "Reply " + i + "." + j);
            }
            Api.as(fixture.member()).put("/api/v1/posts/" + thread + "/reactions/I_BELIEVE_YOU").then()
                    .statusCode(200);
        }
        String inbox = "/api/v1/me/notifications";
        Walk walk = walkForwardAndBack(() -> Api.as(fixture.author()), inbox, Map.of("kind", "REPLY"), 2);
        assertEquals(9, walk.pages().stream().mapToInt(List::size).sum());
        cursorsAreCheckedBothWays(() -> Api.as(fixture.author()), inbox + "?kind=REPLY", inbox, walk);
        walkForwardAndBack(() -> Api.as(fixture.author()), inbox, Map.of(), 4);
    }

    @Test
    void theModerationQueueGoesBack() {
        ModeratedGroup fixture = ModeratedGroup.create("bpmq");
        for (int i = 0; i < 7; i++) {
            UUID post = Posts.post(fixture.author(), fixture.group(), "Reported " + i);
            Api.as(fixture.member())
                    .body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", "SPAM"))
                    .post("/api/v1/reports").then().statusCode(201);
        }
        String queue = "/api/v1/groups/" + fixture.group().id() + "/reports";
        Walk walk = walkForwardAndBack(() -> Api.as(fixture.moderator()), queue, Map.of(), 2, "items.reportId");
        assertEquals(7, walk.pages().stream().mapToInt(List::size).sum());
        cursorsAreCheckedBothWays(() -> Api.as(fixture.moderator()), queue, queue + "?status=RESOLVED", walk);

        // Resolved, they make the closed queue, the author's warnings and the moderation log: lists that go back too.
        List<String> reports = walk.pages().stream().flatMap(List::stream).toList();
        for (int i = 0; i < reports.size(); i++) {
            Map<String, Object> resolution = i < 3
                    ? Map.of("status", "RESOLVED", "action", "WARN", "reason", "Please be kind " + i)
                    : Map.of("status", "RESOLVED", "action", "NONE");
            Api.as(fixture.moderator()).body(resolution).patch("/api/v1/reports/" + reports.get(i)).then()
                    .statusCode(200);
        }
        walkForwardAndBack(() -> Api.as(fixture.moderator()), queue, Map.of("status", "RESOLVED"), 2,
                "items.reportId");
        walkForwardAndBack(() -> Api.as(fixture.author()), "/api/v1/me/warnings", Map.of(), 1);
        String log = "/api/v1/groups/" + fixture.group().id() + "/moderation-log";
        walkForwardAndBack(() -> Api.as(fixture.moderator()), log, Map.of(), 1);
        walkForwardAndBack(() -> Api.as(fixture.member()), log, Map.of(), 1);

        // A moderator reading anonymous posts leaves entries for the owners: that list goes back too.
        for (int i = 0; i < 7; i++) {
            UUID anonymous = Posts.anonymous(fixture.author(), fixture.group(), "Anonymous " + i);
            Api.as(fixture.moderator()).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        }
        walkForwardAndBack(() -> Api.as(fixture.owner()),
                "/api/v1/groups/" + fixture.group().id() + "/moderation/author-reads", Map.of(), 3);
    }

    /** Every other kind of list a member uses, walked forward and back the same way. */
    @Test
    void theOtherListsGoBackToo() {
        String word = Library.uniqueWord();
        TestAccount owner = Api.register("bpown");
        TestAccount keeper = Api.register("bpkeep");
        TestGroup group = Groups.create(owner, "PUBLIC");
        List<TestAccount> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TestAccount person = Api.register("bpp" + i);
            people.add(person);
            assertEquals(201, Groups.join(person, group));
            TestGroup theirs = Groups.create(person, Groups.body(word + " circle " + i, "PUBLIC"));
            assertEquals(201, Groups.join(keeper, theirs));
            Api.as(keeper).put("/api/v1/me/blocks/" + person.id()).then().statusCode(204);
            Api.as(keeper).put("/api/v1/me/mutes/" + person.id()).then().statusCode(204);
            Api.as(keeper).body(Map.of("phrase", word + " phrase " + i)).post("/api/v1/me/keyword-mutes").then()
                    .statusCode(201);
            Groups.invite(owner, group);
        }
        UUID thread = null;
        for (int i = 0; i < 7; i++) {
            UUID post = Posts.post(owner, group, "Thread about " + word + " number " + i);
            thread = thread == null ? post : thread;
            Posts.reply(owner, thread, "Reply " + i);
        }
        walkForwardAndBack(() -> Api.as(keeper), "/api/v1/me/blocks", Map.of(), 3, "items.accountId");
        walkForwardAndBack(() -> Api.as(keeper), "/api/v1/me/mutes", Map.of(), 3, "items.accountId");
        walkForwardAndBack(() -> Api.as(keeper), "/api/v1/me/keyword-mutes", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(keeper), "/api/v1/me/memberships", Map.of(), 3);
        walkForwardAndBack(Api::anonymous, "/api/v1/groups", Map.of("q", word), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/groups/" + group.id() + "/members", Map.of(), 3,
                "items.account.id");
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/groups/" + group.id() + "/invites", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/me/posts", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/me/replies", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/posts/" + thread + "/replies", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/me/timeline", Map.of(), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/me/timeline", Map.of("q", word), 3);
        walkForwardAndBack(() -> Api.as(owner), "/api/v1/groups/" + group.id() + "/posts", Map.of("q", word), 3);
    }

    /** The admins' and partners' lists: a resource's change log, the partners, webhook endpoints and deliveries. */
    @Test
    void theAdminAndPartnerListsGoBackToo() {
        TestAccount admin = Api.admin();
        String resource = Library.create(admin, Library.resource(r -> {
        }));
        for (int i = 0; i < 6; i++) {
            Api.as(admin).body(Map.of("title", "Renamed " + i)).patch("/api/v1/resources/" + resource).then()
                    .statusCode(200);
        }
        walkForwardAndBack(() -> Api.as(admin), "/api/v1/resources/" + resource + "/changes", Map.of(), 3);

        String partner = Api.as(admin).body(Map.of("name", "Paging partner " + UUID.randomUUID(), "url",
                "https://partner.example/")).post("/api/v1/partners").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 5; i++) {
            Api.as(admin).body(Map.of("name", "Paging partner " + UUID.randomUUID(), "url", "https://partner.example/"))
                    .post("/api/v1/partners").then().statusCode(201);
        }
        walkForwardAndBack(() -> Api.as(admin), "/api/v1/partners", Map.of(), 2, "items.id", 3);

        String key = Api.as(admin).body(Map.of("name", "webhooks", "scopes", List.of("webhooks:manage")))
                .post("/api/v1/partners/" + partner + "/keys").then().statusCode(201).extract().path("apiKey");
        Supplier<RequestSpecification> asPartner = () -> Api.anonymous().header("X-Api-Key", key);
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            endpoints.add(asPartner.get()
                    .body(Map.of("url", "http://127.0.0.1:9/hook" + i, "eventTypes", List.of("resource.published")))
                    .post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id"));
        }
        walkForwardAndBack(asPartner, "/api/v1/webhooks/endpoints", Map.of(), 3);
        for (int i = 0; i < 7; i++) {
            Library.create(admin, Library.resource(r -> {
            }));
        }
        walkForwardAndBack(asPartner, "/api/v1/webhooks/endpoints/" + endpoints.get(0) + "/deliveries", Map.of(), 3,
                "items.messageId");
    }
}
