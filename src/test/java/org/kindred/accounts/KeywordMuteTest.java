package org.kindred.accounts;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.util.HashMap;
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

/** Keyword mutes: matching posts leave the member's own lists (whoever wrote them), until the mute expires. */
@QuarkusTest
class KeywordMuteTest {

    private static final String MUTES = "/api/v1/me/keyword-mutes";

    private static Response mute(TestAccount account, Map<String, Object> body) {
        return Api.as(account).body(body).post(MUTES).then().extract().response();
    }

    private static List<String> ids(TestAccount reader, String list) {
        return Api.as(reader).get(list).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void mutedPhrasesLeaveMyListsWhoeverWroteThemAndNobodyElsesChange() {
        TestAccount me = Api.register("kmme");
        TestAccount writer = Api.register("kmwriter");
        TestAccount other = Api.register("kmother");
        TestGroup group = Groups.create(writer, "PUBLIC");
        Groups.join(me, group);
        Groups.join(other, group);
        UUID named = Posts.post(writer, group, "Today the custody hearing went badly zqkm");
        UUID anonymous = Posts.anonymous(writer, group, "Another CUSTODY   Hearing tomorrow zqkm");
        UUID unrelated = Posts.post(writer, group, "A walk in the park zqkm");
        UUID mine = Posts.post(me, group, "My own custody hearing notes zqkm");
        UUID reply = Posts.reply(writer, unrelated, "Reminds me of my custody hearing");
        UUID calmReply = Posts.reply(writer, unrelated, "Lovely park");
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        List<String> othersFeed = ids(other, feed);

        Map<String, Object> body = new HashMap<>();
        body.put("phrase", "  Custody\tHearing ");
        body.put("expiresIn", null);
        mute(me, body).then().statusCode(201).header("Location", endsWith(MUTES + "/" + mute(me, Map.of("phrase",
                "custody hearing")).path("existingId"))).header("ETag", notNullValue())
                .body("phrase", equalTo("custody hearing")).body("wholeWord", equalTo(false))
                .body("expiresAt", nullValue()).body("active", equalTo(true));

        for (String list : List.of(feed, feed + "?sort=active", "/api/v1/me/timeline", feed + "?q=zqkm",
                "/api/v1/me/timeline?q=zqkm")) {
            List<String> seen = ids(me, list);
            assertEquals(false, seen.contains(named.toString()), list);
            assertEquals(false, seen.contains(anonymous.toString()), list);
            assertEquals(true, seen.contains(unrelated.toString()), list);
            assertEquals(true, seen.contains(mine.toString()), list + ": my own posts are never muted");
        }
        Api.as(me).get("/api/v1/posts/" + unrelated + "/replies").then().statusCode(200)
                .body("items.id", not(hasItem(reply.toString()))).body("items.id", hasItem(calmReply.toString()));
        Api.as(me).get("/api/v1/posts/" + named).then().statusCode(200);
        Api.as(me).get("/api/v1/posts/" + anonymous).then().statusCode(200);

        assertEquals(othersFeed, ids(other, feed));
        Api.as(writer).get("/api/v1/posts/" + unrelated + "/replies").then().body("items.id",
                hasItems(reply.toString(), calmReply.toString()));
        Api.as(me).get("/api/v1/me/export").then().statusCode(200)
                .body("keywordMutes.phrase", equalTo(List.of("custody hearing")));

        String id = Api.as(me).get(MUTES).then().statusCode(200).body("items", hasSize(1)).extract()
                .path("items[0].id");
        Api.as(me).delete(MUTES + "/" + id).then().statusCode(204);
        assertProblem(Api.as(me).delete(MUTES + "/" + id).then(), 404, "not-found");
        Api.as(me).get(feed).then().body("items.id", hasItems(named.toString(), anonymous.toString()));
    }

    @Test
    void wholeWordsAndRegularExpressionCharactersMatchLiterally() {
        TestAccount me = Api.register("kmword");
        TestGroup group = Groups.create(me, "PUBLIC");
        TestAccount writer = Api.register("kmwordw");
        Groups.join(writer, group);
        UUID party = Posts.post(writer, group, "We had a party");
        UUID art = Posts.post(writer, group, "Drawing (art) helps me");
        UUID cpp = Posts.post(writer, group, "I write C++ at work");
        UUID c = Posts.post(writer, group, "I write C at work");
        UUID dotted = Posts.post(writer, group, "version a.b shipped");
        UUID axb = Posts.post(writer, group, "version axb shipped");
        UUID accent = Posts.post(writer, group, "ÉCOLE fermée");
        mute(me, Map.of("phrase", "art", "wholeWord", true)).then().statusCode(201);
        mute(me, Map.of("phrase", "c++")).then().statusCode(201);
        mute(me, Map.of("phrase", "a.b")).then().statusCode(201);
        mute(me, Map.of("phrase", "école")).then().statusCode(201);

        List<String> seen = ids(me, "/api/v1/groups/" + group.id() + "/posts");
        assertEquals(List.of(true, false, false, true, false, true, false),
                List.of(party, art, cpp, c, dotted, axb, accent).stream().map(p -> seen.contains(p.toString()))
                        .toList(),
                "party, (art), C++, C, a.b, axb, ÉCOLE");
    }

    @Test
    void anExpiredMuteStopsApplyingAndPatchRenewsItWithIfMatch() {
        TestAccount me = Api.register("kmexp");
        TestGroup group = Groups.create(me, "PUBLIC");
        TestAccount writer = Api.register("kmexpw");
        Groups.join(writer, group);
        UUID post = Posts.post(writer, group, "Talking about the eviction notice");
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Response created = mute(me, Map.of("phrase", "eviction", "expiresIn", "P1D"));
        created.then().statusCode(201).body("active", equalTo(true));
        Instant end = Instant.parse(created.path("expiresAt"));
        assertEquals(true, end.isAfter(Instant.now().plusSeconds(86_000)) && end.isBefore(Instant.now().plusSeconds(
                86_500)), "a day from now: " + end);
        String id = created.path("id");
        Api.as(me).get(feed).then().body("items.id", not(hasItem(post.toString())));

        Api.sql("UPDATE keyword_mutes SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", id);
        Api.as(me).get(feed).then().body("items.id", hasItem(post.toString()));
        String etag = Api.as(me).get(MUTES + "/" + id).then().statusCode(200).body("active", equalTo(false))
                .extract().header("ETag");
        Api.as(me).get(MUTES).then().body("items[0].active", equalTo(false));

        Api.as(me).header("If-Match", etag).body(Map.of("expiresIn", "P7D")).patch(MUTES + "/" + id).then()
                .statusCode(200).body("active", equalTo(true)).header("ETag", not(equalTo(etag)));
        Api.as(me).get(feed).then().body("items.id", not(hasItem(post.toString())));
        assertProblem(Api.as(me).header("If-Match", etag).body(Map.of("expiresIn", "P30D"))
                .patch(MUTES + "/" + id).then(), 412, "precondition-failed");
        Map<String, Object> forever = new HashMap<>();
        forever.put("expiresAt", null);
        Api.as(me).body(forever).patch(MUTES + "/" + id).then().statusCode(200).body("expiresAt", nullValue())
                .body("phrase", equalTo("eviction"));
        Api.as(me).body(Map.of("wholeWord", true)).patch(MUTES + "/" + id).then().statusCode(200)
                .body("wholeWord", equalTo(true)).body("expiresAt", nullValue());
    }

    @Test
    void aHundredMutesIsTheLimitAndDuplicatesAreConflicts() {
        TestAccount me = Api.register("kmlim");
        TestGroup group = Groups.create(me, "PUBLIC");
        UUID post = Posts.post(me, group, "Nothing muted here at all");
        TestAccount reader = Api.register("kmlimr");
        Groups.join(reader, group);
        for (int i = 0; i < KeywordMutes.LIMIT; i++) {
            String phrase = ("zq" + i + " (x+y)* ").repeat(10).substring(0, 100);
            mute(reader, Map.of("phrase", phrase, "wholeWord", i % 2 == 0)).then().statusCode(201);
        }
        assertProblem(mute(reader, Map.of("phrase", "one too many")).then(), 409, "limit-reached")
                .body("limit", equalTo(100));
        assertEquals(100, Api.count("SELECT count(*) FROM keyword_mutes WHERE account_id = ?", reader.id()));
        // A hundred long patterns still make one regular expression the feed answers with.
        Api.as(reader).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200)
                .body("items.id", hasItem(post.toString()));
        Api.as(reader).queryParam("limit", 100).get(MUTES).then().statusCode(200).body("items", hasSize(100));

        TestAccount dup = Api.register("kmdup");
        String first = mute(dup, Map.of("phrase", "Grief")).path("id");
        assertProblem(mute(dup, Map.of("phrase", "  GRIEF ", "wholeWord", true)).then(), 409, "already-muted")
                .body("existingId", equalTo(first));
    }

    @Test
    void anotherMembersMuteIsNotFound() {
        TestAccount owner = Api.register("kmown");
        TestAccount stranger = Api.register("kmstr");
        String id = mute(owner, Map.of("phrase", "private words")).path("id");
        for (String path : List.of(MUTES + "/" + id, MUTES + "/" + UUID.randomUUID())) {
            assertProblem(Api.as(stranger).get(path).then(), 404, "not-found");
            assertProblem(Api.as(stranger).body(Map.of("expiresIn", "P1D")).patch(path).then(), 404, "not-found");
            assertProblem(Api.as(stranger).delete(path).then(), 404, "not-found");
        }
        Api.as(stranger).get(MUTES).then().statusCode(200).body("items", hasSize(0));
        Api.as(owner).get(MUTES + "/" + id).then().statusCode(200).body("expiresAt", nullValue());
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        TestAccount me = Api.register("kmbad");
        assertFieldError(mute(me, Map.of("phrase", "grief", "expiresIn", "P2D")).then(), "expiresIn");
        assertFieldError(mute(me, Map.of("phrase", "grief", "expiresIn", "forever")).then(), "expiresIn");
        assertFieldError(mute(me, Map.of("phrase", "x".repeat(101))).then(), "phrase");
        assertFieldError(mute(me, Map.of("phrase", "   ")).then(), "phrase");
        assertFieldError(mute(me, Map.of()).then(), "phrase");
        assertFieldError(mute(me, Map.of("phrase", "grief", "expiresIn", "P1D", "expiresAt", "2099-01-01T00:00:00Z"))
                .then(), "expiresAt");
        assertFieldError(mute(me, Map.of("phrase", "grief", "expiresAt", "2001-01-01T00:00:00Z")).then(),
                "expiresAt");
        assertProblem(mute(me, Map.of("phrase", "grief", "wholeWord", "perhaps")).then(), 400, "validation");
        assertFieldError(mute(me, Map.of("phrase", "grief", "id", UUID.randomUUID().toString())).then(), "id");
        assertProblem(Api.as(me).body("{\"phrase\": ").post(MUTES).then(), 400, "malformed-json");
        assertProblem(Api.anonymous().body(Map.of("phrase", "grief")).post(MUTES).then(), 401, "unauthenticated");
        assertProblem(Api.as(me).queryParam("limit", 101).get(MUTES).then(), 400, "validation");
        Api.as(me).get(MUTES).then().statusCode(200).body("items", hasSize(0));

        String id = mute(me, Map.of("phrase", "grief")).path("id");
        String path = MUTES + "/" + id;
        assertFieldError(Api.as(me).body(Map.of("expiresIn", "P3D")).patch(path).then(), "expiresIn");
        assertFieldError(Api.as(me).body(Map.of("phrase", "other")).patch(path).then(), "phrase");
        Map<String, Object> nullWord = new HashMap<>();
        nullWord.put("wholeWord", null);
        assertFieldError(Api.as(me).body(nullWord).patch(path).then(), "wholeWord");
        assertProblem(Api.as(me).body("{\"expiresIn\": ").patch(path).then(), 400, "malformed-json");
        assertProblem(Api.as(me).get(MUTES + "/not-a-uuid").then(), 400, "validation");
        Api.as(me).get(path).then().statusCode(200).body("expiresAt", nullValue()).body("wholeWord", equalTo(false));
    }
}
