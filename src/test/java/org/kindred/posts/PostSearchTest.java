package org.kindred.posts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
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

/** Full-text search on a group's feed and on the home timeline: ranked, paged, and under every visibility rule. */
@QuarkusTest
class PostSearchTest {

    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static Map<String, Object> post(String title, String body) {
        Map<String, Object> post = Posts.body(body);
        post.put("title", title);
        return post;
    }

    @Test
    void findsStemmedWordsBestMatchFirstAndPages() {
        TestAccount me = Api.register("srme");
        TestGroup group = Groups.create(me, "PUBLIC");
        String w = word();
        UUID bodyOnly = Posts.post(me, group, post("A story", "My landlord kept the deposit, " + w));
        UUID titleToo = Posts.post(me, group, post("Deposit " + w, "The landlord kept my deposit " + w));
        UUID unrelated = Posts.post(me, group, post("Other", "Nothing to do with it"));
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(me).queryParam("q", w).get(feed).then().statusCode(200)
                .body("items.id", contains(titleToo.toString(), bodyOnly.toString()));
        // English stemming: "landlords" and "deposits" find "landlord ... deposit".
        Api.as(me).queryParam("q", "landlords deposits " + w).get(feed).then().statusCode(200)
                .body("items.id", hasItem(bodyOnly.toString())).body("items.id", not(hasItem(unrelated.toString())));
        Api.as(me).queryParam("q", w + " -landlord").get(feed).then().statusCode(200).body("items", empty());

        Response first = Api.as(me).queryParam("q", w).queryParam("limit", 1).get(feed).then().statusCode(200)
                .extract().response();
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.id"));
        String cursor = first.path("nextCursor");
        Api.as(me).queryParam("q", w).queryParam("limit", 1).queryParam("cursor", cursor).get(feed).then()
                .statusCode(200).body("nextCursor", nullValue())
                .body("items.id", contains(bodyOnly.toString()));
        assertEquals(List.of(titleToo.toString()), seen);
        // A search cursor is for those words only, and not for the plain feed.
        assertProblem(Api.as(me).queryParam("q", w + " other").queryParam("cursor", cursor).get(feed).then(), 400,
                "validation");
        assertProblem(Api.as(me).queryParam("cursor", cursor).get(feed).then(), 400, "validation");
    }

    @Test
    void stopWordsOnlyGiveAnEmptyPageAndBadQueriesA400() {
        TestAccount me = Api.register("srstop");
        TestGroup group = Groups.create(me, "PUBLIC");
        Posts.post(me, group, post("The and the", "the and of the"));
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(me).queryParam("q", "the and of").get(feed).then().statusCode(200).body("items", empty())
                .body("nextCursor", nullValue());
        Api.as(me).queryParam("q", "the and of").get("/api/v1/me/timeline").then().statusCode(200)
                .body("items", empty());
        for (String path : List.of(feed, "/api/v1/me/timeline")) {
            assertProblem(Api.as(me).queryParam("q", "x".repeat(201)).get(path).then(), 400, "validation");
            assertProblem(Api.as(me).queryParam("q", "   ").get(path).then(), 400, "validation");
            Api.as(me).queryParam("q", "x".repeat(200)).get(path).then().statusCode(200);
            // Web-search syntax never errors, whatever the punctuation.
            Api.as(me).queryParam("q", "\"unclosed -(&|!:*").get(path).then().statusCode(200);
        }
    }

    @Test
    void aHandleNeverFindsThatMembersAnonymousPosts() {
        TestAccount author = Api.register("sranon");
        TestAccount reader = Api.register("srread");
        TestGroup group = Groups.create(author, "PUBLIC");
        Groups.join(reader, group);
        String w = word();
        UUID anonymous = Posts.anonymous(author, group, "Something happened at work " + w);
        UUID named = Posts.post(author, group, "Named story about work " + w);
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(reader).queryParam("q", w).get(feed).then().statusCode(200)
                .body("items.id", containsInAnyOrder(named.toString(), anonymous.toString()));
        for (TestAccount who : List.of(reader, author)) {
            for (String q : List.of(author.handle(), author.handle() + " " + w, "\"" + author.handle() + "\"")) {
                Api.as(who).queryParam("q", q).get(feed).then().statusCode(200)
                        .body("items.id", not(hasItem(anonymous.toString())));
                Api.as(who).queryParam("q", q).get("/api/v1/me/timeline").then().statusCode(200)
                        .body("items.id", not(hasItem(anonymous.toString())));
            }
        }
        // The handle is not in the searched text at all: not even the named post answers it.
        Api.as(reader).queryParam("q", author.handle()).get(feed).then().body("items", empty());
    }

    @Test
    void everyVisibilityRuleAppliesToSearch() {
        TestAccount me = Api.register("srvis");
        TestAccount owner = Api.register("srvown");
        TestAccount blocked = Api.register("srvblk");
        TestAccount outsider = Api.register("srvout");
        TestGroup open = Groups.create(owner, "PUBLIC");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        for (TestAccount a : List.of(me, blocked)) {
            Groups.join(a, open);
            Groups.addMember(owner, closed, a);
        }
        String w = word();
        UUID visible = Posts.post(owner, open, "Visible " + w);
        UUID inClosed = Posts.post(owner, closed, "Private group " + w);
        UUID blockedNamed = Posts.post(blocked, open, "Named by the blocked " + w);
        UUID blockedAnonymous = Posts.anonymous(blocked, open, "Anonymous by the blocked " + w);
        Map<String, Object> warned = Posts.body("Warned " + w);
        warned.put("contentWarnings", List.of("VIOLENCE"));
        UUID hidden = Posts.post(owner, open, warned);
        UUID held = UUID.fromString(Api.as(owner).body(Posts.body(NavigationTest.URGENT + " " + w))
                .post("/api/v1/groups/" + open.id() + "/posts").then().statusCode(201).extract().path("id"));
        UUID removed = Posts.post(owner, open, "Removed but replied " + w);
        Posts.reply(me, removed, "a reply keeps the placeholder");
        Api.as(owner).delete("/api/v1/posts/" + removed).then().statusCode(204);
        Api.as(me).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        Api.as(me).body(Map.of("hiddenContentWarnings", List.of("VIOLENCE"))).patch("/api/v1/me").then()
                .statusCode(200);

        String feed = "/api/v1/groups/" + open.id() + "/posts";
        Api.as(me).queryParam("q", w).get(feed).then().statusCode(200)
                .body("items.id", containsInAnyOrder(blockedAnonymous.toString(), visible.toString()));
        List<String> timeline = Api.as(me).queryParam("q", w).get("/api/v1/me/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(3, timeline.size(), timeline.toString());
        org.junit.jupiter.api.Assertions.assertTrue(timeline.containsAll(
                List.of(blockedAnonymous.toString(), visible.toString(), inClosed.toString())));
        for (UUID absent : List.of(blockedNamed, hidden, held, removed)) {
            org.junit.jupiter.api.Assertions.assertFalse(timeline.contains(absent.toString()));
        }
        // The owner finds their own held post; nobody finds removed text, not even its author.
        Api.as(owner).queryParam("q", w).get(feed).then().body("items.id", hasItem(held.toString()))
                .body("items.id", not(hasItem(removed.toString())));
        // PRIVATE group search by an outsider: 404 as for the feed; the timeline has nothing of it.
        assertProblem(Api.as(outsider).queryParam("q", w).get("/api/v1/groups/" + closed.id() + "/posts").then(), 404,
                "not-found");
        Api.as(outsider).queryParam("q", w).get("/api/v1/me/timeline").then().statusCode(200).body("items", empty());
        assertProblem(Api.anonymous().queryParam("q", w).get(feed).then(), 401, "unauthenticated");
    }
}
