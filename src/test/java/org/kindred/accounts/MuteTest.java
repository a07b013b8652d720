package org.kindred.accounts;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

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

/** Muting: the muted member's named content leaves the muter's lists; they cannot tell; anonymous posts stay. */
@QuarkusTest
class MuteTest {

    @Test
    void mutedNamedContentVanishesFromMyListsOnly() {
        TestAccount me = Api.register("mume");
        TestAccount loud = Api.register("muloud");
        TestAccount other = Api.register("muother");
        TestGroup group = Groups.create(other, "PUBLIC");
        Groups.join(me, group);
        Groups.join(loud, group);
        UUID named = Posts.post(loud, group, "Loud named story zqmutedword");
        UUID anonymous = Posts.anonymous(loud, group, "Loud anonymous story zqmutedword");
        UUID thread = Posts.post(other, group, "A thread");
        UUID loudReply = Posts.reply(loud, thread, "A loud reply");
        UUID mine = Posts.post(me, group, "My own story");
        String feed = "/api/v1/groups/" + group.id() + "/posts";
        List<String> loudSeesBefore = Api.as(loud).get(feed).then().extract().jsonPath().getList("items.id");

        Api.as(me).put("/api/v1/me/mutes/" + loud.id()).then().statusCode(204);
        Api.as(me).put("/api/v1/me/mutes/" + loud.id()).then().statusCode(204);
        Api.as(me).get("/api/v1/me/mutes").then().statusCode(200)
                .body("items.accountId", contains(loud.id().toString()))
                .body("items[0].handle", equalTo(loud.handle()));

        for (String list : List.of(feed, "/api/v1/me/timeline", feed + "?q=zqmutedword",
                "/api/v1/me/timeline?q=zqmutedword")) {
            Api.as(me).get(list).then().statusCode(200).body("items.id", not(hasItem(named.toString())))
                    .body("items.id", hasItem(anonymous.toString()));
        }
        Api.as(me).get("/api/v1/posts/" + thread + "/replies").then().body("items.id",
                not(hasItem(loudReply.toString())));
        // Opening the post still works; and the muted member notices nothing.
        Api.as(me).get("/api/v1/posts/" + named).then().statusCode(200);
        assertEquals(loudSeesBefore, Api.as(loud).get(feed).then().extract().jsonPath().getList("items.id"));
        Api.as(loud).get(feed).then().body("items.id", hasItem(mine.toString()));
        Posts.reply(loud, mine, "They can still reply to me");
        Api.as(loud).put("/api/v1/posts/" + mine + "/reactions/ME_TOO").then().statusCode(200);
        Api.as(loud).get("/api/v1/accounts/" + me.handle()).then().statusCode(200);
        Api.as(me).get("/api/v1/me/export").then().statusCode(200).body("mutes.accountId",
                contains(loud.id().toString()));

        Api.as(me).delete("/api/v1/me/mutes/" + loud.id()).then().statusCode(204);
        Api.as(me).delete("/api/v1/me/mutes/" + loud.id()).then().statusCode(204);
        Api.as(me).get(feed).then().body("items.id", hasItem(named.toString()));
        Api.as(me).get("/api/v1/me/mutes").then().body("items", empty());
    }

    @Test
    void badTargetsAreRefused() {
        TestAccount me = Api.register("mubad");
        assertProblem(Api.as(me).put("/api/v1/me/mutes/" + me.id()).then(), 400, "validation");
        assertProblem(Api.as(me).put("/api/v1/me/mutes/" + UUID.randomUUID()).then(), 404, "not-found");
        assertProblem(Api.as(me).put("/api/v1/me/mutes/nobody").then(), 400, "validation");
        assertProblem(Api.as(me).queryParam("limit", 0).get("/api/v1/me/mutes").then(), 400, "validation");
        assertProblem(Api.anonymous().put("/api/v1/me/mutes/" + me.id()).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().get("/api/v1/me/mutes").then(), 401, "unauthenticated");
    }

    @Test
    void erasureRemovesMyMutes() {
        TestAccount me = Api.register("muerase");
        TestAccount them = Api.register("muerased");
        Api.as(me).put("/api/v1/me/mutes/" + them.id()).then().statusCode(204);
        Api.as(me).body(Map.of("password", me.password(), "removeContent", false)).delete("/api/v1/me").then()
                .statusCode(204);
        assertEquals(0, Api.count("SELECT count(*) FROM mutes WHERE muter_id = ?", me.id()));
    }
}
