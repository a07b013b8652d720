package org.kindred.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The members' moderation log never carries a moderator's reason about a person: entries whose target is an account
 * (denials, bans, unbans, removals, warnings, role changes, suspensions) show members {@code reason: null}, since the
 * member list and the entry's time would tie it to someone. Moderators see every reason; reasons about posts stay
 * visible to members.
 */
@QuarkusTest
class ModerationLogReasonsTest {

    /** The reason given for each kind of entry about an account. */
    private static final Map<String, String> ACCOUNT_REASONS = Map.of(
            "ROLE_CHANGED", "Trusted to help moderate",
            "MEMBER_DENIED", "Asked for other members' workplaces",
            "MEMBER_BANNED", "Threatened another member",
            "MEMBER_UNBANNED", "Apologised to the group",
            "MEMBER_REMOVED", "Inactive duplicate account",
            "MEMBER_WARNED", "Please don't name people's employers",
            "ACCOUNT_SUSPENDED", "Harassment across several groups");
    private static final String POST_REASON = "Shared someone's home address";

    TestAccount owner;
    TestAccount moderator;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void aGroupWhereModeratorsGaveReasons() {
        owner = Api.register("lrowner");
        group = Groups.create(owner, "PRIVATE");
        moderator = added("lrmod");
        member = added("lrmember");
        decide(owner, moderator, Map.of("role", "MODERATOR", "reason", ACCOUNT_REASONS.get("ROLE_CHANGED")));

        TestAccount requester = Api.register("lrreq");
        assertEquals(202, Groups.join(requester, group));
        decide(moderator, requester, Map.of("status", "DENIED", "reason", ACCOUNT_REASONS.get("MEMBER_DENIED")));

        TestAccount banned = added("lrbanned");
        decide(moderator, banned, Map.of("status", "BANNED", "reason", ACCOUNT_REASONS.get("MEMBER_BANNED")));
        decide(moderator, banned, Map.of("status", "ACTIVE", "reason", ACCOUNT_REASONS.get("MEMBER_UNBANNED")));

        TestAccount removed = added("lrremoved");
        Api.as(moderator).queryParam("reason", ACCOUNT_REASONS.get("MEMBER_REMOVED"))
                .delete("/api/v1/groups/" + group.id() + "/members/" + removed.id()).then().statusCode(204);

        TestAccount warned = added("lrwarned");
        resolve(moderator, reported(warned), "WARN", ACCOUNT_REASONS.get("MEMBER_WARNED"));
        TestAccount suspended = added("lrsusp");
        resolve(Api.admin(), reported(suspended), "SUSPEND_ACCOUNT", ACCOUNT_REASONS.get("ACCOUNT_SUSPENDED"));
        TestAccount poster = added("lrposter");
        resolve(moderator, reported(poster), "REMOVE_POST", POST_REASON);
    }

    @Test
    void membersSeeNoReasonForEntriesAboutAnAccount() {
        String body = log(member);
        List<Map<String, Object>> entries = JsonPath.from(body).getList("items");
        for (String action : ACCOUNT_REASONS.keySet()) {
            Map<String, Object> entry = entry(entries, action);
            assertEquals("ACCOUNT", entry.get("targetType"), action);
            assertNull(entry.get("reason"), action + ": the reason is for moderators");
            assertNull(entry.get("targetId"), action);
            assertFalse(body.contains(ACCOUNT_REASONS.get(action)), action + "'s reason appears in " + body);
        }
        // A reason about a post is not about a person: members still see it.
        assertEquals(POST_REASON, entry(entries, "POST_REMOVED").get("reason"));
    }

    @Test
    void moderatorsSeeEveryReason() {
        for (TestAccount viewer : List.of(moderator, owner)) {
            List<Map<String, Object>> entries = JsonPath.from(log(viewer)).getList("items");
            for (Map.Entry<String, String> reason : ACCOUNT_REASONS.entrySet()) {
                Map<String, Object> entry = entry(entries, reason.getKey());
                assertEquals(reason.getValue(), entry.get("reason"), reason.getKey());
                assertTrue(entry.get("targetHandle") != null, reason.getKey());
            }
            assertEquals(POST_REASON, entry(entries, "POST_REMOVED").get("reason"));
        }
    }

    private TestAccount added(String prefix) {
        TestAccount account = Api.register(prefix);
        Groups.addMember(owner, group, account);
        return account;
    }

    private void decide(TestAccount by, TestAccount whom, Map<String, Object> decision) {
        Api.as(by).body(decision).patch("/api/v1/groups/" + group.id() + "/members/" + whom.id()).then()
                .statusCode(200);
    }

    /** A post by {@code author}, reported by the member; returns the report's id. */
    private String reported(TestAccount author) {
        UUID post = Posts.post(author, group, "Something to report " + UUID.randomUUID());
        Api.as(member).body(Map.of("targetType", "POST", "targetId", post.toString(), "reason", "HARASSMENT"))
                .post("/api/v1/reports").then().statusCode(201);
        return Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .extract().path("items.find { it.targetId == '" + post + "' }.reportId");
    }

    private static void resolve(TestAccount by, String reportId, String action, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("status", "RESOLVED", "action", action, "reason", reason));
        Api.as(by).body(body).patch("/api/v1/reports/" + reportId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    private String log(TestAccount viewer) {
        return Api.as(viewer).queryParam("limit", 100).get("/api/v1/groups/" + group.id() + "/moderation-log").then()
                .statusCode(200).extract().asString();
    }

    private static Map<String, Object> entry(List<Map<String, Object>> entries, String action) {
        return entries.stream().filter(e -> action.equals(e.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError(action + " missing from " + entries));
    }
}
