package org.kindred.posts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

/** Who sees what: anonymous authorship, blocks, hidden content warnings, private groups, and no token at all. */
@QuarkusTest
class PostVisibilityTest {

    @Test
    void anonymousAuthorsNeverReachMembersAnywhere() {
        TestAccount owner = Api.register("anowner");
        TestAccount moderator = Api.register("anmod");
        TestAccount author = Api.register("anauthor");
        TestAccount reader = Api.register("anreader");
        TestGroup group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(moderator, author, reader)) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, moderator, "MODERATOR");
        UUID thread = Posts.anonymous(author, group, "Something I cannot say under my name");
        // The author's own replies in their anonymous thread stay anonymous unless they choose otherwise.
        UUID ownReply = Posts.reply(author, thread, "Thank you all");
        UUID readerReply = Posts.reply(reader, thread, "I believe you");
        Api.as(reader).put("/api/v1/posts/" + thread + "/reactions/ME_TOO").then().statusCode(200);

        List<String> responses = new ArrayList<>();
        responses.add(Api.as(reader).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200).extract()
                .asString());
        responses.add(Api.as(reader).queryParam("sort", "active").get("/api/v1/groups/" + group.id() + "/posts").then()
                .statusCode(200).extract().asString());
        responses.add(Api.as(reader).get("/api/v1/posts/" + thread).then().statusCode(200).extract().asString());
        responses.add(Api.as(reader).get("/api/v1/posts/" + ownReply).then().statusCode(200).extract().asString());
        responses.add(
                Api.as(reader).get("/api/v1/posts/" + thread + "/replies").then().statusCode(200).extract().asString());
        responses.add(Api.as(reader).put("/api/v1/posts/" + thread + "/reactions/NOT_ALONE").then().statusCode(200)
                .extract().asString());
        responses.add(Api.as(reader).body(Map.of("body", "Sending strength", "replyTo", ownReply.toString()))
                .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201).extract().asString());
        responses.add(Api.as(reader).get("/api/v1/groups/" + group.id() + "/members").then().statusCode(200).extract()
                .asString()
                .replace(author.handle(), "<member list shows members, not authorship>")
                .replace(author.id().toString(), "<member list>"));
        for (String body : responses) {
            assertFalse(body.contains(author.handle()), "handle leaked: " + body);
            assertFalse(body.contains(author.id().toString()), "account id leaked: " + body);
        }
        Api.as(reader).get("/api/v1/posts/" + thread).then().body("author", nullValue())
                .body("anonymous", equalTo(true))
                .body("mine", equalTo(false));
        Api.as(reader).get("/api/v1/posts/" + readerReply).then().body("author.handle", equalTo(reader.handle()));

        // The author knows it is theirs; moderators and admins see who wrote it.
        Api.as(author).get("/api/v1/posts/" + thread).then().body("mine", equalTo(true)).body("author", nullValue());
        Api.as(moderator).get("/api/v1/posts/" + thread).then().body("author.handle", equalTo(author.handle()))
                .body("anonymous", equalTo(true));
        Api.as(moderator).get("/api/v1/posts/" + thread + "/replies").then()
                .body("items.find { it.id == '" + ownReply + "' }.author.handle", equalTo(author.handle()));
        Api.as(Api.admin()).get("/api/v1/posts/" + thread).then().body("author.handle", equalTo(author.handle()));
    }

    @Test
    void blocksHidePostsBothWaysAndStopRepliesAndReactions() {
        TestAccount owner = Api.register("blowner");
        TestAccount blocker = Api.register("blocker");
        TestAccount blocked = Api.register("blocked");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(blocker, group);
        Groups.join(blocked, group);
        UUID byBlocked = Posts.post(blocked, group, "From the blocked one");
        UUID byBlocker = Posts.post(blocker, group, "From the blocker");
        UUID anonymousByBlocker = Posts.anonymous(blocker, group, "From the blocker, anonymously");
        UUID replyByBlocked = Posts.reply(blocked, Posts.post(owner, group, "Owner's thread"), "Blocked one's reply");

        Api.as(blocker).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        Api.as(blocker).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        Api.as(blocker).get("/api/v1/me/blocks").then().body("items.accountId",
                equalTo(List.of(blocked.id().toString())));

        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(blocker).get(feed).then().body("items.id", not(hasItem(byBlocked.toString())));
        Api.as(blocked).get(feed).then().body("items.id", not(hasItem(byBlocker.toString())))
                // I1: a block never changes how an anonymous post behaves, or it would name its author.
                .body("items.id", hasItem(anonymousByBlocker.toString()));
        Api.as(blocked).get("/api/v1/posts/" + anonymousByBlocker).then().statusCode(200);
        Api.as(owner).get(feed).then().body("items.id", hasItem(byBlocked.toString())).body("items.id",
                hasItem(byBlocker.toString()));
        assertProblem(Api.as(blocker).get("/api/v1/posts/" + byBlocked).then(), 404, "not-found");
        assertProblem(Api.as(blocked).get("/api/v1/posts/" + byBlocker).then(), 404, "not-found");
        assertProblem(
                Api.as(blocked).body(Map.of("body", "hey")).post("/api/v1/posts/" + byBlocker + "/replies").then(), 404,
                "not-found");
        assertProblem(Api.as(blocked).put("/api/v1/posts/" + byBlocker + "/reactions/ME_TOO").then(), 404, "not-found");
        UUID ownerThread = Api.as(owner).get("/api/v1/posts/" + replyByBlocked).then().extract().jsonPath()
                .getUUID("parentId");
        Api.as(blocker).get("/api/v1/posts/" + ownerThread + "/replies").then()
                .body("items.id", not(hasItem(replyByBlocked.toString())));

        Api.as(blocker).delete("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        Api.as(blocker).get(feed).then().body("items.id", hasItem(byBlocked.toString()));
        assertProblem(Api.as(blocker).put("/api/v1/me/blocks/" + blocker.id()).then(), 400, "validation");
        assertProblem(Api.as(blocker).put("/api/v1/me/blocks/" + UUID.randomUUID()).then(), 404, "not-found");
        assertProblem(Api.as(blocker).put("/api/v1/me/blocks/nobody").then(), 400, "validation");
        assertProblem(Api.anonymous().put("/api/v1/me/blocks/" + blocked.id()).then(), 401, "unauthenticated");
    }

    @Test
    void hiddenContentWarningsAreFilteredOnTheServer() {
        TestAccount owner = Api.register("cwowner");
        TestAccount reader = Api.register("cwreader");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(reader, group);
        Map<String, Object> hard = Posts.body("A hard story");
        hard.put("contentWarnings", List.of("SELF_HARM", "VIOLENCE"));
        UUID hardPost = Posts.post(owner, group, hard);
        UUID plain = Posts.post(owner, group, "A plain story");
        UUID thread = Posts.post(owner, group, "Thread with a hard reply");
        UUID hardReply = UUID
                .fromString(Api.as(owner).body(Map.of("body", "hard reply", "contentWarnings", List.of("SELF_HARM")))
                        .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201).extract().path("id"));

        Api.as(reader).body(Map.of("hiddenContentWarnings", List.of("SELF_HARM"))).patch("/api/v1/me").then()
                .statusCode(200);
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(reader).get(feed).then().body("items.id", not(hasItem(hardPost.toString())))
                .body("items.id", hasItem(plain.toString()));
        Api.as(reader).get("/api/v1/posts/" + thread + "/replies").then().body("items.id",
                not(hasItem(hardReply.toString())));
        // Your own posts are never hidden from you.
        Api.as(owner).body(Map.of("hiddenContentWarnings", List.of("SELF_HARM"))).patch("/api/v1/me").then()
                .statusCode(200);
        Api.as(owner).get(feed).then().body("items.id", hasItem(hardPost.toString()));
        Api.as(reader).body(Map.of("hiddenContentWarnings", List.of())).patch("/api/v1/me").then().statusCode(200);
        Api.as(reader).get(feed).then().body("items.id", hasItem(hardPost.toString()));
    }

    @Test
    void privateAndHiddenGroupPostsAre404ToNonMembers() {
        TestAccount owner = Api.register("prowner");
        TestAccount outsider = Api.register("prout");
        TestAccount pending = Api.register("prpend");
        for (String visibility : List.of("PRIVATE", "HIDDEN")) {
            TestGroup group = Groups.create(owner, visibility);
            UUID post = Posts.post(owner, group, "Members only");
            UUID reply = Posts.reply(owner, post, "Members only reply");
            if (visibility.equals("PRIVATE")) {
                Groups.join(pending, group);
            }
            for (TestAccount stranger : List.of(outsider, pending)) {
                assertProblem(Api.as(stranger).get("/api/v1/groups/" + group.id() + "/posts").then(), 404, "not-found");
                assertProblem(Api.as(stranger).get("/api/v1/posts/" + post).then(), 404, "not-found");
                assertProblem(Api.as(stranger).get("/api/v1/posts/" + reply).then(), 404, "not-found");
                assertProblem(Api.as(stranger).get("/api/v1/posts/" + post + "/replies").then(), 404, "not-found");
                assertProblem(Api.as(stranger).put("/api/v1/posts/" + post + "/reactions/ME_TOO").then(), 404,
                        "not-found");
                assertProblem(
                        Api.as(stranger).body(Map.of("body", "x")).post("/api/v1/posts/" + post + "/replies").then(),
                        404,
                        "not-found");
                assertProblem(
                        Api.as(stranger).body(Posts.body("x")).post("/api/v1/groups/" + group.id() + "/posts").then(),
                        404,
                        "not-found");
            }
            for (String path : List.of("/api/v1/groups/" + group.id() + "/posts", "/api/v1/posts/" + post,
                    "/api/v1/posts/" + post + "/replies")) {
                assertProblem(Api.anonymous().get(path).then(), 401, "unauthenticated");
            }
        }
    }

    @Test
    void bannedMembersCannotReadOrPostEvenInPublicGroups() {
        TestAccount owner = Api.register("bnowner");
        TestAccount troll = Api.register("bntroll");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(troll, group);
        UUID post = Posts.post(owner, group, "Hello");
        Groups.ban(owner, group, troll);
        assertProblem(Api.as(troll).get("/api/v1/groups/" + group.id() + "/posts").then(), 403, "banned");
        assertProblem(Api.as(troll).get("/api/v1/posts/" + post).then(), 403, "banned");
        assertProblem(Api.as(troll).body(Posts.body("x")).post("/api/v1/groups/" + group.id() + "/posts").then(), 403,
                "banned");
    }

    @Test
    void heldAndPendingPostsAreVisibleOnlyToAuthorAndModerators() {
        TestAccount owner = Api.register("hlowner");
        TestAccount author = Api.register("hlauthor");
        TestAccount reader = Api.register("hlreader");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(author, group);
        Groups.join(reader, group);
        UUID held = Posts.post(author, group, "I am not okay");
        Api.sql("UPDATE posts SET status = 'HELD_FOR_CARE' WHERE id = ?", held);
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        Api.as(reader).get(feed).then().body("items.id", not(hasItem(held.toString())));
        assertProblem(Api.as(reader).get("/api/v1/posts/" + held).then(), 404, "not-found");
        assertProblem(Api.as(reader).body(Map.of("body", "x")).post("/api/v1/posts/" + held + "/replies").then(), 404,
                "not-found");
        Api.as(author).get(feed).then().body("items.find { it.id == '" + held + "' }.status", equalTo("HELD_FOR_CARE"));
        Api.as(owner).get("/api/v1/posts/" + held).then().statusCode(200).body("status", equalTo("HELD_FOR_CARE"));
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(0));
        assertTrue(Api.count("SELECT count(*) FROM posts WHERE id = ?", held) == 1);
    }
}
