package org.kindred.posts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /posts/{id}/thread}: a page view in one request, answering what getPost and listReplies answer. */
@QuarkusTest
class ThreadViewTest {

    @Test
    void aThreadPageIsThePostAndItsRepliesAsTheTwoRequestsWouldAnswerThem() {
        TestAccount owner = Api.register("thowner");
        TestAccount author = Api.register("thauthor");
        TestAccount reader = Api.register("threader");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(author, group);
        Groups.join(reader, group);
        UUID thread = Posts.anonymous(author, group, "The landlord said the flat was gone when he heard my accent");
        List<UUID> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(Posts.reply(i % 2 == 0 ? reader : author, thread, "Reply number " + i));
        }

        JsonPath view = Api.as(reader).queryParam("limit", 3).get("/api/v1/posts/" + thread + "/thread").then()
                .statusCode(200).header("ETag", nullValue())
                .header("Link", containsString("/api/v1/posts/" + thread + "/replies?limit=3&cursor="))
                .extract().jsonPath();
        JsonPath post = Api.as(reader).get("/api/v1/posts/" + thread).then().statusCode(200).extract().jsonPath();
        JsonPath page = Api.as(reader).queryParam("limit", 3).get("/api/v1/posts/" + thread + "/replies").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(post.getMap(""), view.getMap("post"), "the first post as getPost answers it");
        assertEquals(page.getList("items"), view.getList("replies.items"), "the replies as listReplies answers them");
        assertEquals(replies.subList(0, 3).stream().map(UUID::toString).toList(), view.getList("replies.items.id"));
        assertNull(view.getMap("post.author"), "anonymous stays anonymous");

        // The cursor continues with listReplies, and with this operation.
        String cursor = view.getString("replies.nextCursor");
        Api.as(reader).queryParam("limit", 3).queryParam("cursor", cursor).get("/api/v1/posts/" + thread + "/replies")
                .then().statusCode(200).body("items.id", equalTo(List.of(replies.get(3).toString(),
                        replies.get(4).toString())))
                .body("nextCursor", nullValue());
        Api.as(reader).queryParam("limit", 3).queryParam("cursor", cursor).get("/api/v1/posts/" + thread + "/thread")
                .then().statusCode(200)
                .header("Link", equalTo("<" + uriOf("/api/v1/posts/" + thread + "/replies?limit=3&cursor="
                        + Api.as(reader).queryParam("limit", 3).queryParam("cursor", cursor)
                                .get("/api/v1/posts/" + thread + "/replies").then().extract().path("prevCursor"))
                        + ">; rel=\"prev\""))
                .body("post.id", equalTo(thread.toString())).body("replies.items", hasSize(2))
                .body("replies.nextCursor", nullValue());
    }

    /** An absolute URL of this test server, as Link headers carry. */
    private static String uriOf(String pathAndQuery) {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + pathAndQuery;
    }

    @Test
    void blocksApplyToTheRepliesAsInListRepliesAndNamedThreadsAre404() {
        TestAccount owner = Api.register("thbowner");
        TestAccount blocker = Api.register("thblocker");
        TestAccount blocked = Api.register("thblocked");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(blocker, group);
        Groups.join(blocked, group);
        UUID thread = Posts.post(owner, group, "Has anyone filed with the housing ombudsman?");
        UUID named = Posts.reply(blocked, thread, "Yes, last spring");
        UUID other = Posts.reply(owner, thread, "Thank you");
        UUID blockedThread = Posts.post(blocked, group, "My own thread");
        Api.as(blocker).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);

        String body = Api.as(blocker).get("/api/v1/posts/" + thread + "/thread").then().statusCode(200)
                .body("replies.items.id", equalTo(List.of(other.toString()))).extract().asString();
        assertFalse(body.contains(named.toString()));
        assertFalse(body.contains(blocked.handle()));
        assertProblem(Api.as(blocker).get("/api/v1/posts/" + blockedThread + "/thread").then(), 404, "not-found");
    }

    @Test
    void refusalsAreThoseOfGetPostAndListReplies() {
        TestAccount owner = Api.register("throwner2");
        TestAccount outsider = Api.register("throutsider");
        TestGroup open = Groups.create(owner, "PUBLIC");
        TestGroup closed = Groups.create(owner, "PRIVATE");
        UUID thread = Posts.post(owner, open, "A thread");
        UUID reply = Posts.reply(owner, thread, "A reply");
        UUID privateThread = Posts.post(owner, closed, "Only for members");

        assertProblem(Api.as(owner).get("/api/v1/posts/" + reply + "/thread").then(), 400, "reply-too-deep");
        assertProblem(Api.as(owner).get("/api/v1/posts/" + UUID.randomUUID() + "/thread").then(), 404, "not-found");
        assertFieldError(Api.as(owner).get("/api/v1/posts/not-a-uuid/thread").then(), "postId");
        // Another account's object: a private group's thread is as absent as for getPost.
        int getPost = Api.as(outsider).get("/api/v1/posts/" + privateThread).then().extract().statusCode();
        Api.as(outsider).get("/api/v1/posts/" + privateThread + "/thread").then().statusCode(getPost);
        assertEquals(404, getPost);
        Api.anonymous().get("/api/v1/posts/" + thread + "/thread").then().statusCode(401);

        assertProblem(Api.as(owner).queryParam("limit", 0).get("/api/v1/posts/" + thread + "/thread").then(), 400,
                "validation");
        assertProblem(Api.as(owner).queryParam("limit", "many").get("/api/v1/posts/" + thread + "/thread").then(), 400,
                "validation");
        assertProblem(Api.as(owner).queryParam("cursor", "forged.cursor").get("/api/v1/posts/" + thread + "/thread")
                .then(), 400, "validation");
        assertProblem(Api.as(owner).queryParam("cursor", "x".repeat(2000)).get("/api/v1/posts/" + thread + "/thread")
                .then(), 400, "validation");
        // A banned member is refused as getPost refuses them.
        TestAccount banned = Api.register("thbanned");
        Groups.join(banned, open);
        Groups.ban(owner, open, banned);
        int banGet = Api.as(banned).get("/api/v1/posts/" + thread).then().extract().statusCode();
        Api.as(banned).get("/api/v1/posts/" + thread + "/thread").then().statusCode(banGet)
                .body(not(containsString("A reply")));
    }
}
