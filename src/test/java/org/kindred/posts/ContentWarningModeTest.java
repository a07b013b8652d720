package org.kindred.posts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.kindred.support.Problems.assertProblem;

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

/** Content-warning mode HIDE (left out of lists) or COLLAPSE (listed with the body withheld and the warnings shown). */
@QuarkusTest
class ContentWarningModeTest {

    @Test
    void collapsedPostsComeWithoutBodyButWithTheirWarnings() {
        TestAccount writer = Api.register("cwmw");
        TestAccount reader = Api.register("cwmr");
        TestGroup group = Groups.create(writer, "PUBLIC");
        Groups.join(reader, group);
        Map<String, Object> hard = Posts.body("A hard story with details");
        hard.put("contentWarnings", List.of("VIOLENCE"));
        UUID warned = Posts.post(writer, group, hard);
        UUID plain = Posts.post(writer, group, "A plain story");
        UUID warnedReply = UUID.fromString(Api.as(writer)
                .body(Map.of("body", "A hard reply", "contentWarnings", List.of("VIOLENCE")))
                .post("/api/v1/posts/" + plain + "/replies").then().statusCode(201).extract().path("id"));
        Api.as(reader).get("/api/v1/me").then().body("contentWarningMode", equalTo("HIDE"));
        Api.as(reader).body(Map.of("hiddenContentWarnings", List.of("VIOLENCE"), "contentWarningMode", "COLLAPSE"))
                .patch("/api/v1/me").then().statusCode(200).body("contentWarningMode", equalTo("COLLAPSE"));

        String feed = "/api/v1/groups/" + group.id() + "/posts";
        String find = "items.find { it.id == '" + warned + "' }";
        for (String list : List.of(feed, "/api/v1/me/timeline", feed + "?q=hard")) {
            Api.as(reader).get(list).then().statusCode(200).body(find + ".collapsed", equalTo(true))
                    .body(find + ".body", nullValue()).body(find + ".contentWarnings", equalTo(List.of("VIOLENCE")))
                    .body(find + ".title", equalTo("About A hard story with details"));
        }
        Api.as(reader).get(feed).then().body("items.find { it.id == '" + plain + "' }.collapsed", equalTo(false))
                .body("items.find { it.id == '" + plain + "' }.body", equalTo("A plain story"));
        Api.as(reader).get("/api/v1/posts/" + plain + "/replies").then()
                .body("items.find { it.id == '" + warnedReply + "' }.body", nullValue())
                .body("items.find { it.id == '" + warnedReply + "' }.collapsed", equalTo(true));
        // Opening the post shows it.
        Api.as(reader).get("/api/v1/posts/" + warned).then().statusCode(200)
                .body("body", equalTo("A hard story with details")).body("collapsed", equalTo(false));
        // Your own posts are never collapsed for you.
        Api.as(writer).body(Map.of("hiddenContentWarnings", List.of("VIOLENCE"), "contentWarningMode", "COLLAPSE"))
                .patch("/api/v1/me").then().statusCode(200);
        Api.as(writer).get(feed).then().body(find + ".collapsed", equalTo(false))
                .body(find + ".body", equalTo("A hard story with details"));
        // Back to HIDE: left out again.
        Api.as(reader).body(Map.of("contentWarningMode", "HIDE")).patch("/api/v1/me").then().statusCode(200);
        Api.as(reader).get(feed).then().body("items.id", not(hasItem(warned.toString())));
        Api.as(reader).get("/api/v1/me/export").then().statusCode(200).body("account.contentWarningMode",
                equalTo("HIDE"));
    }

    @Test
    void anUnknownOrNullModeIsA400AndNothingIsWritten() {
        TestAccount me = Api.register("cwmbad");
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Changed");
        body.put("contentWarningMode", "BLUR");
        assertProblem(Api.as(me).body(body).patch("/api/v1/me").then(), 400, "validation");
        body.put("contentWarningMode", null);
        assertProblem(Api.as(me).body(body).patch("/api/v1/me").then(), 400, "validation");
        body.put("contentWarningMode", 1);
        assertProblem(Api.as(me).body(body).patch("/api/v1/me").then(), 400, "validation");
        Api.as(me).get("/api/v1/me").then().body("displayName", not(equalTo("Changed")))
                .body("contentWarningMode", equalTo("HIDE"));
    }
}
