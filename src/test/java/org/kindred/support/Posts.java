package org.kindred.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kindred.support.Groups.TestGroup;

/** Test helpers for posts, through the real API. */
public final class Posts {

    private Posts() {
    }

    public static Map<String, Object> body(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "About " + text);
        body.put("body", text);
        body.put("contentWarnings", List.of());
        body.put("anonymous", false);
        body.put("supportWanted", "LISTENING");
        body.put("replyPolicy", "GROUP");
        return body;
    }

    public static UUID post(TestAccount author, TestGroup group, Map<String, Object> body) {
        return UUID.fromString(
                Api.as(author).body(body).post("/api/v1/groups/" + group.id() + "/posts").then().statusCode(201)
                        .extract().path("id"));
    }

    public static UUID post(TestAccount author, TestGroup group, String text) {
        return post(author, group, body(text));
    }

    public static UUID anonymous(TestAccount author, TestGroup group, String text) {
        Map<String, Object> body = body(text);
        body.put("anonymous", true);
        return post(author, group, body);
    }

    public static UUID reply(TestAccount author, UUID thread, String text) {
        return UUID.fromString(
                Api.as(author).body(Map.of("body", text)).post("/api/v1/posts/" + thread + "/replies").then()
                        .statusCode(201).extract().path("id"));
    }
}
