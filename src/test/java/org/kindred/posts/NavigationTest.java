package org.kindred.posts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The home timeline and the lists of one's own threads and replies, through the HTTP API. */
@QuarkusTest
class NavigationTest {

    static final String URGENT = "After today's meeting where they laughed at my accent again, I want to kill myself.";

    @Test
    void myPostsAndRepliesListMineOnlyNewestFirstAnonymousIncluded() {
        TestAccount me = Api.register("navme");
        TestAccount other = Api.register("navother");
        TestGroup group = Groups.create(other, "PUBLIC");
        Groups.join(me, group);
        UUID named = Posts.post(me, group, "My named story");
        UUID anonymous = Posts.anonymous(me, group, "My anonymous story");
        UUID theirs = Posts.post(other, group, "Their story");
        UUID myReply = Posts.reply(me, theirs, "My reply to them");
        Posts.reply(other, named, "Their reply to me");

        Api.as(me).get("/api/v1/me/posts").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("items.id", contains(anonymous.toString(), named.toString()))
                .body("items[0].anonymous", equalTo(true)).body("items[0].author", nullValue())
                .body("items[0].mine", equalTo(true)).body("nextCursor", nullValue());
        Api.as(me).get("/api/v1/me/replies").then().statusCode(200)
                .body("items.id", contains(myReply.toString()))
                .body("items[0].parentId", equalTo(theirs.toString())).body("items[0].canReply", equalTo(true));
        Api.as(other).get("/api/v1/me/posts").then().body("items.id", contains(theirs.toString()));
    }

    @Test
    void myPostsStayListedAfterLeavingAndPageWithLinks() {
        TestAccount me = Api.register("navleave");
        TestAccount owner = Api.register("navlown");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, me);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(0, Posts.post(me, group, "Story " + i).toString());
        }
        Api.as(me).delete("/api/v1/groups/" + group.id() + "/members/" + me.id()).then().statusCode(204);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(me).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/me/posts").then().statusCode(200).extract().response();
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                org.hamcrest.MatcherAssert.assertThat(page.header("Link"), containsString("rel=\"next\""));
            }
            page.then().body("items.canReply", not(hasItem(true)));
        } while (cursor != null);
        assertEquals(mine, seen);
    }

    @Test
    void theTimelineSpansMyGroupsUnderEveryFeedRule() {
        TestAccount me = Api.register("tlme");
        TestAccount friend = Api.register("tlfriend");
        TestAccount blocked = Api.register("tlblocked");
        TestAccount owner = Api.register("tlowner");
        TestGroup open = Groups.create(owner, "PUBLIC");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        TestGroup hidden = Groups.create(owner, "HIDDEN");
        TestGroup notMine = Groups.create(owner, "PUBLIC");
        TestGroup bannedFrom = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(me, friend, blocked)) {
            Groups.join(a, open);
            Groups.addMember(owner, closed, a);
        }
        Groups.addMember(owner, hidden, friend);
        Groups.join(me, bannedFrom);

        UUID inOpen = Posts.post(friend, open, "In the open group");
        UUID inClosed = Posts.post(friend, closed, "In the private group");
        UUID inHidden = Posts.post(friend, hidden, "In a hidden group I am not in");
        UUID inOther = Posts.post(owner, notMine, "In a public group I did not join");
        UUID inBanned = Posts.post(owner, bannedFrom, "In a group I was banned from");
        Groups.ban(owner, bannedFrom, me);
        UUID blockedNamed = Posts.post(blocked, open, "Named, by someone I blocked");
        UUID blockedAnonymous = Posts.anonymous(blocked, closed, "Anonymous, by someone I blocked");
        Map<String, Object> hard = Posts.body("A story with a warning");
        hard.put("contentWarnings", List.of("SELF_HARM"));
        UUID warned = Posts.post(friend, open, hard);
        Map<String, Object> urgent = Posts.body(URGENT);
        UUID held = UUID.fromString(Api.as(friend).body(urgent).post("/api/v1/groups/" + open.id() + "/posts").then()
                .statusCode(201).body("status", equalTo("HELD_FOR_CARE")).extract().path("id"));
        UUID myHeld = UUID.fromString(Api.as(me).body(urgent).post("/api/v1/groups/" + open.id() + "/posts").then()
                .statusCode(201).extract().path("id"));
        UUID removed = Posts.post(friend, open, "Removed before anyone replied");
        Api.as(friend).delete("/api/v1/posts/" + removed).then().statusCode(204);
        Api.as(me).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        Api.as(me).body(Map.of("hiddenContentWarnings", List.of("SELF_HARM"))).patch("/api/v1/me").then()
                .statusCode(200);

        List<String> ids = Api.as(me).queryParam("limit", 100).get("/api/v1/me/timeline").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().jsonPath().getList("items.id");
        List<String> expected = List.of(myHeld.toString(), blockedAnonymous.toString(), inClosed.toString(),
                inOpen.toString());
        assertEquals(expected, ids, "newest first, only what the group feeds would show me");
        for (UUID absent : List.of(inHidden, inOther, inBanned, blockedNamed, warned, held, removed)) {
            org.junit.jupiter.api.Assertions.assertFalse(ids.contains(absent.toString()), absent.toString());
        }
        // The anonymous post shows no author, exactly as in the group feed.
        Api.as(me).get("/api/v1/me/timeline").then().body("items.find { it.id == '" + blockedAnonymous + "' }.author",
                nullValue());
        // The blocked member does not see my posts either (blocks work both ways).
        Api.as(blocked).get("/api/v1/me/timeline").then().body("items.id", not(hasItem(myHeld.toString())));
    }

    @Test
    void theActiveSortFollowsTheLatestReply() {
        TestAccount me = Api.register("tlact");
        TestGroup a = Groups.create(me, "PUBLIC");
        TestGroup b = Groups.create(me, "PRIVATE");
        UUID older = Posts.post(me, a, "Older thread");
        UUID newer = Posts.post(me, b, "Newer thread");
        Posts.reply(me, older, "A reply makes the older thread active");
        Api.as(me).queryParam("sort", "active").get("/api/v1/me/timeline").then().statusCode(200)
                .body("items.id", contains(older.toString(), newer.toString()));
        Api.as(me).get("/api/v1/me/timeline").then().body("items.id", contains(newer.toString(), older.toString()));
        String cursor = Api.as(me).queryParam("limit", 1).get("/api/v1/me/timeline").then().statusCode(200)
                .extract().path("nextCursor");
        Api.as(me).queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/me/timeline").then()
                .statusCode(200).body("items.id", contains(older.toString()));
        assertProblem(Api.as(me).queryParam("cursor", cursor).queryParam("sort", "active").get("/api/v1/me/timeline")
                .then(), 400, "validation");
        TestAccount other = Api.register("tlact2");
        assertProblem(Api.as(other).queryParam("cursor", cursor).get("/api/v1/me/timeline").then(), 400,
                "validation");
    }

    @Test
    void aNewMemberHasAnEmptyTimeline() {
        TestAccount me = Api.register("tlnew");
        Api.as(me).get("/api/v1/me/timeline").then().statusCode(200).body("items", empty())
                .body("nextCursor", nullValue());
        Api.as(me).get("/api/v1/me/posts").then().statusCode(200).body("items", empty());
        Api.as(me).get("/api/v1/me/replies").then().statusCode(200).body("items", empty());
    }

    @Test
    void badParametersAndNoTokenAreRefused() {
        TestAccount me = Api.register("tlbad");
        for (String path : List.of("/api/v1/me/timeline", "/api/v1/me/posts", "/api/v1/me/replies")) {
            assertProblem(Api.anonymous().get(path).then(), 401, "unauthenticated");
            assertProblem(Api.as(me).queryParam("limit", 101).get(path).then(), 400, "validation");
            assertProblem(Api.as(me).queryParam("limit", "many").get(path).then(), 400, "validation");
            assertProblem(Api.as(me).queryParam("cursor", "forged.cursor").get(path).then(), 400, "validation");
        }
        assertProblem(Api.as(me).queryParam("sort", "hot").get("/api/v1/me/timeline").then(), 400, "validation");
        String myPostsCursor = cursorOf(me);
        assertProblem(Api.as(me).queryParam("cursor", myPostsCursor).get("/api/v1/me/replies").then(), 400,
                "validation");
    }

    private static String cursorOf(TestAccount me) {
        TestGroup group = Groups.create(me, "PUBLIC");
        Posts.post(me, group, "one");
        Posts.post(me, group, "two");
        return Api.as(me).queryParam("limit", 1).get("/api/v1/me/posts").then().statusCode(200).extract()
                .path("nextCursor");
    }
}
