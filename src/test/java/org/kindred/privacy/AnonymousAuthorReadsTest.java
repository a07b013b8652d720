package org.kindred.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.kindred.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.ModeratedGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * I1: moderators see who wrote an anonymous post, and that reading is itself recorded for the group's owners (once per
 * reader, post and day), never naming the author.
 */
@QuarkusTest
class AnonymousAuthorReadsTest {

    TestAccount owner;
    TestAccount moderator;
    TestAccount author;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void group() {
        ModeratedGroup fixture = ModeratedGroup.create("ar");
        owner = fixture.owner();
        moderator = fixture.moderator();
        author = fixture.author();
        member = fixture.member();
        group = fixture.group();
    }

    @Test
    void aModeratorShownAnAnonymousAuthorLeavesOneEntryForTheOwners() {
        UUID anonymous = Posts.anonymous(author, group, "What the recruiter said when she heard my surname.");
        UUID named = Posts.post(author, group, "And what I said back.");
        reads(owner).body("items.size()", equalTo(0));

        Api.as(moderator).get("/api/v1/posts/" + anonymous).then().statusCode(200)
                .body("author.id", equalTo(author.id().toString()));
        Api.as(moderator).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200)
                .body("items.id", hasItem(anonymous.toString()));
        Api.as(moderator).get("/api/v1/posts/" + named).then().statusCode(200);

        String body = reads(owner).body("items.size()", equalTo(1))
                .body("items[0].reader.id", equalTo(moderator.id().toString()))
                .body("items[0].reader.handle", equalTo(moderator.handle()))
                .body("items[0].postId", equalTo(anonymous.toString()))
                .body("items[0].readAt", notNullValue()).body("nextCursor", nullValue())
                .extract().asString();
        assertNoAuthor(body);
        Api.as(moderator).get("/api/v1/me/export").then().statusCode(200)
                .body("anonymousAuthorReads.postId", equalTo(List.of(anonymous.toString())))
                .body("anonymousAuthorReads[0].groupId", equalTo(group.id().toString()));
    }

    @Test
    void membersTheAuthorAndNamedPostsLeaveNoEntry() {
        UUID anonymous = Posts.anonymous(author, group, "The landlord asked where I am really from.");
        Api.as(member).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("author", nullValue());
        Api.as(member).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200);
        Api.as(author).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        Groups.setRole(owner, group, author, "MODERATOR"); // a moderator reading their own anonymous post
        Api.as(author).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        reads(owner).body("items.size()", equalTo(0));
        Api.as(member).get("/api/v1/me/export").then().statusCode(200).body("anonymousAuthorReads.size()", equalTo(0));
    }

    @Test
    void theQueueAndTheOwnersOwnReadsCountAndPagesFollowTheCursor() {
        UUID anonymous = Posts.anonymous(author, group, "You people should go back where you came from.");
        UUID reply = Posts.reply(member, anonymous, "I am so sorry this happened to you.");
        Api.as(author).body(Map.of("body", "Anonymous reply", "anonymous", true))
                .post("/api/v1/posts/" + anonymous + "/replies").then().statusCode(201);
        Api.as(member).body(Map.of("targetType", "POST", "targetId", anonymous.toString(), "reason", "HATE"))
                .post("/api/v1/reports").then().statusCode(201);
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items.targetId", hasItem(anonymous.toString()));
        Api.as(owner).get("/api/v1/posts/" + anonymous + "/replies").then().statusCode(200)
                .body("items.size()", equalTo(2));

        reads(owner).body("items.size()", equalTo(2)).body("items.postId", not(hasItem(reply.toString())));
        String next = Api.as(owner).queryParam("limit", 1).get(readsPath(group)).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        Api.as(owner).queryParam("limit", 1).queryParam("cursor", next).get(readsPath(group)).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue());
        Api.as(owner).get(readsPath(group)).then().body("items.reader.id",
                equalTo(List.of(owner.id().toString(), moderator.id().toString())));
    }

    @Test
    void onlyTheGroupsOwnersAndAdminsMayList() {
        Posts.anonymous(author, group, "Something happened at the job centre.");
        assertProblem(Api.as(moderator).get(readsPath(group)).then(), 403, "not-an-owner");
        assertProblem(Api.as(member).get(readsPath(group)).then(), 403, "not-an-owner");
        Api.as(Api.admin()).get(readsPath(group)).then().statusCode(200);
        Api.anonymous().get(readsPath(group)).then().statusCode(401);
        assertProblem(Api.as(owner).queryParam("limit", 101).get(readsPath(group)).then(), 400, "validation");

        TestGroup hidden = Groups.create(owner, "HIDDEN");
        TestAccount outsider = Api.register("arout");
        assertProblem(Api.as(outsider).get(readsPath(hidden)).then(), 404, "not-found");
        assertProblem(Api.as(outsider).get("/api/v1/groups/" + UUID.randomUUID() + "/moderation/author-reads").then(),
                404, "not-found");
    }

    @Test
    void anotherGroupsReadsAreNotVisible() {
        UUID anonymous = Posts.anonymous(author, group, "My manager keeps calling me by the wrong name.");
        Api.as(moderator).get("/api/v1/posts/" + anonymous).then().statusCode(200);
        TestAccount otherOwner = Api.register("arother");
        TestGroup other = Groups.create(otherOwner, "PUBLIC");
        reads(otherOwner, other).body("items.size()", equalTo(0));
        assertProblem(Api.as(otherOwner).get(readsPath(group)).then(), 403, "not-an-owner");
        TestGroup hiddenOther = Groups.create(otherOwner, "HIDDEN");
        assertProblem(Api.as(owner).get(readsPath(hiddenOther)).then(), 404, "not-found");
        reads(owner).body("items.size()", equalTo(1));
    }

    private void assertNoAuthor(String body) {
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(author.id().toString())));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(author.handle())));
    }

    private ValidatableResponse reads(TestAccount who) {
        return reads(who, group);
    }

    private static ValidatableResponse reads(TestAccount who, TestGroup g) {
        return Api.as(who).get(readsPath(g)).then().statusCode(200);
    }

    private static String readsPath(TestGroup g) {
        return "/api/v1/groups/" + g.id() + "/moderation/author-reads";
    }
}
