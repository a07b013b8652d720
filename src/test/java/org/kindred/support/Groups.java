package org.kindred.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Test helpers for groups and memberships, through the real API. */
public final class Groups {

    private Groups() {
    }

    public record TestGroup(UUID id, String slug, String name) {
    }

    public static Map<String, Object> body(String name, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "A place to talk about " + name + " and what helped.");
        body.put("bases", List.of("RACE_ETHNICITY"));
        body.put("topics", List.of("WORKPLACE"));
        body.put("language", "en");
        body.put("visibility", visibility);
        body.put("rules", "Believe each other. No names of people or workplaces.");
        return body;
    }

    public static TestGroup create(TestAccount owner, String visibility) {
        return create(owner, body("Group " + UUID.randomUUID().toString().substring(0, 8), visibility));
    }

    public static TestGroup create(TestAccount owner, Map<String, Object> body) {
        Response response = Api.as(owner).body(body).post("/api/v1/groups").then().statusCode(201).extract().response();
        return new TestGroup(UUID.fromString(response.path("id")), response.path("slug"), response.path("name"));
    }

    /** Joins a PUBLIC group, requests a PRIVATE one; returns the HTTP status. */
    public static int join(TestAccount account, TestGroup group) {
        return Api.as(account).body(Map.of("acceptRulesVersion", 1)).post("/api/v1/groups/" + group.id() + "/members")
                .then().extract().statusCode();
    }

    public static int joinWithInvite(TestAccount account, TestGroup group, String code) {
        return Api.as(account).body(Map.of("acceptRulesVersion", 1, "inviteCode", code))
                .post("/api/v1/groups/" + group.id() + "/members").then().extract().statusCode();
    }

    public static String invite(TestAccount moderator, TestGroup group) {
        return Api.as(moderator).body(Map.of("maxUses", 100)).post("/api/v1/groups/" + group.id() + "/invites").then()
                .statusCode(201).extract().path("code");
    }

    /** Makes {@code account} an active member of any group (an invite works for every visibility). */
    public static void addMember(TestAccount owner, TestGroup group, TestAccount account) {
        int status = joinWithInvite(account, group, invite(owner, group));
        if (status != 201 && status != 200) {
            throw new AssertionError("could not add member: " + status);
        }
    }

    public static void setRole(TestAccount owner, TestGroup group, TestAccount account, String role) {
        Api.as(owner).body(Map.of("role", role)).patch("/api/v1/groups/" + group.id() + "/members/" + account.id())
                .then()
                .statusCode(200);
    }

    public static void ban(TestAccount moderator, TestGroup group, TestAccount account) {
        Api.as(moderator).body(Map.of("status", "BANNED", "reason", "test ban"))
                .patch("/api/v1/groups/" + group.id() + "/members/" + account.id()).then().statusCode(200);
    }

    /** A pending request, whatever the visibility (inserted directly: HIDDEN groups cannot be requested). */
    public static void addPending(TestGroup group, TestAccount account) {
        Api.sql("INSERT INTO memberships (group_id, account_id, role, status, rules_version_accepted, requested_at) "
                + "VALUES (?, ?, 'MEMBER', 'PENDING', 1, now())", group.id(), account.id());
    }

    public static long moderationLog(TestGroup group, String action) {
        return Api.count("SELECT count(*) FROM moderation_log WHERE group_id = ? AND action = ?", group.id(), action);
    }
}
