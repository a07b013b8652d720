package org.kindred.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PrivacyTest {

    TestAccount owner;
    TestAccount member;
    TestAccount other;
    TestGroup group;

    @BeforeEach
    void group() {
        owner = Api.register("pvown");
        member = Api.register("pvmem");
        other = Api.register("pvoth");
        group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        Groups.join(other, group);
    }

    private Response report(TestAccount who, String type, UUID target, String details) {
        return Api.as(who)
                .body(Map.of("targetType", type, "targetId", target.toString(), "reason", "HARASSMENT", "details",
                        details))
                .post("/api/v1/reports").then().statusCode(201).extract().response();
    }

    private static Map<String, Object> erase(String password, Object removeContent) {
        return Map.of("password", password, "removeContent", removeContent);
    }

    // ---- export

    @Test
    void exportHoldsEverythingAboutTheCallerAndNothingAboutOthers() {
        Api.as(member).body(Map.of("displayName", "Amara", "country", "GB")).contentType("application/merge-patch+json")
                .patch("/api/v1/me").then().statusCode(200);
        UUID post = Posts.post(member, group, "My own story about the landlord");
        UUID anonymous = Posts.anonymous(member, group, "Something I only say anonymously");
        Api.as(member).body(Map.of("body", "My own story about the landlord, edited")).contentType(
                "application/merge-patch+json").patch("/api/v1/posts/" + post).then().statusCode(200);
        UUID othersThread = Posts.post(other, group, "Other member's thread");
        UUID reply = Posts.reply(member, othersThread, "A reply of mine");
        Api.as(member).put("/api/v1/posts/" + othersThread + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
        Api.as(member).put("/api/v1/me/blocks/" + owner.id()).then().statusCode(204);
        report(member, "POST", othersThread, "Filed by me");
        // Someone reports the member: the export must not say who.
        report(other, "POST", post, "Filed by the other member");

        Response response = Api.as(member).get("/api/v1/me/export").then().statusCode(200)
                .header("Content-Disposition",
                        matchesPattern("attachment; filename=\"kindred-export-\\d{4}-\\d{2}-\\d{2}\\.json\""))
                .header("Cache-Control", containsString("no-store"))
                .contentType(ContentType.JSON)
                .body("formatVersion", equalTo(1))
                .body("account.id", equalTo(member.id().toString()))
                .body("account.email", equalTo(member.email()))
                .body("account.handle", equalTo(member.handle()))
                .body("account.displayName", equalTo("Amara"))
                .body("account.country", equalTo("GB"))
                .body("consents.kind", hasItem("COMMUNITY_GUIDELINES"))
                .body("sessions", not(hasSize(0)))
                .body("memberships.groupId", hasItem(group.id().toString()))
                .body("posts.id", hasItem(post.toString()))
                .body("posts.id", hasItem(anonymous.toString()))
                .body("posts.id", hasItem(reply.toString()))
                .body("posts.find { it.id == '" + anonymous + "' }.anonymous", equalTo(true))
                .body("posts.find { it.id == '" + post + "' }.revisions.body",
                        hasItem("My own story about the landlord"))
                .body("reactions.postId", hasItem(othersThread.toString()))
                .body("reactions.kind", hasItem("I_BELIEVE_YOU"))
                .body("reports.details", hasItem("Filed by me"))
                .body("reports", hasSize(1))
                .body("blocks.accountId", hasItem(owner.id().toString()))
                .body("blocks.handle", hasItem(owner.handle()))
                .body("groupsCreated", hasSize(0))
                .extract().response();
        String body = response.asString();
        assertTrue(!body.contains(other.email()) && !body.contains(owner.email()),
                "other members' e-mails are never exported");
        assertTrue(!body.contains(other.id().toString()) && !body.contains("Filed by the other member"),
                "the export never says who reported the member");
        assertTrue(!body.contains("passwordHash") && !body.contains("$argon2"),
                "no password hash in the export");

        Api.as(owner).get("/api/v1/me/export").then().statusCode(200)
                .body("groupsCreated.id", hasItem(group.id().toString()))
                .body("posts", hasSize(0));
    }

    @Test
    void exportNeedsAToken() {
        assertProblem(Api.anonymous().get("/api/v1/me/export").then(), 401, "unauthenticated");
    }

    // ---- erasure: bad input

    @Test
    void erasureRefusesBadInputAndLeavesTheAccountAsItWas() {
        assertProblem(Api.anonymous().body(erase(Api.PASSWORD, true)).delete("/api/v1/me").then(), 401,
                "unauthenticated");
        assertProblem(Api.as(member).body(erase("not-the-password-at-all", true)).delete("/api/v1/me").then(), 403,
                "wrong-password");
        assertFieldError(Api.as(member).body(Map.of("password", Api.PASSWORD)).delete("/api/v1/me").then(),
                "removeContent");
        assertFieldError(Api.as(member).body(Map.of("removeContent", true)).delete("/api/v1/me").then(), "password");
        assertProblem(Api.as(member).body(Map.of("password", Api.PASSWORD, "removeContent", "perhaps"))
                .delete("/api/v1/me").then(), 400, "validation");
        assertProblem(Api.as(member).body("{\"password\": ").delete("/api/v1/me").then(), 400, "malformed-json");
        assertFieldError(Api.as(member).body(erase("x".repeat(129), true)).delete("/api/v1/me").then(), "password");
        assertProblem(Api.as(member).body(Map.of("password", Api.PASSWORD, "removeContent", true, "status", "ACTIVE"))
                .delete("/api/v1/me").then(), 400, "validation");
        Api.as(member).get("/api/v1/me").then().statusCode(200).body("handle", equalTo(member.handle()));
        assertEquals(1, Api.count("SELECT count(*) FROM accounts WHERE id = ? AND status = 'ACTIVE' AND email = ?",
                member.id(), member.email()));
    }

    @Test
    void theLastOwnerOfAGroupMustHandOverFirst() {
        assertProblem(Api.as(owner).body(erase(Api.PASSWORD, false)).delete("/api/v1/me").then(), 409, "last-owner")
                .body("groups.id", hasItem(group.id().toString()))
                .body("groups.name", hasItem(group.name()));
        Api.as(owner).get("/api/v1/me").then().statusCode(200);
        Groups.setRole(owner, group, member, "OWNER");
        Api.as(owner).body(erase(Api.PASSWORD, false)).delete("/api/v1/me").then().statusCode(204);
        Api.as(member).get("/api/v1/groups/" + group.id()).then().statusCode(200);
    }

    // ---- erasure: effects

    @Test
    void erasureEndsEverySessionAndLeavesNoRowWithTheEmailOrHandle() {
        TestAccount second = Api.login(member);
        UUID post = Posts.post(member, group, "Kept as written by a deleted member");
        Api.as(member).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Posts.body("Sent with an idempotency key")).post("/api/v1/groups/" + group.id() + "/posts")
                .then().statusCode(201);
        Api.as(other).put("/api/v1/posts/" + post + "/reactions/NOT_ALONE").then().statusCode(200);
        Api.as(member).put("/api/v1/me/blocks/" + other.id()).then().statusCode(204);

        Api.as(member).body(erase(Api.PASSWORD, false)).delete("/api/v1/me").then().statusCode(204);

        assertProblem(Api.as(member).get("/api/v1/me").then(), 401, "invalid-token");
        assertProblem(Api.as(second).get("/api/v1/me").then(), 401, "invalid-token");
        Api.anonymous().body(Map.of("refreshToken", second.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(401);
        Api.anonymous().body(Map.of("email", member.email(), "password", Api.PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(401);
        Api.as(other).get("/api/v1/accounts/" + member.handle()).then().statusCode(404);

        List<String> holding = new ArrayList<>();
        holding.addAll(columnsHolding(member.email()));
        holding.addAll(columnsHolding(member.handle()));
        assertEquals(List.of(), holding, "no row may still hold the erased member's e-mail or handle");

        // Kept content shows as a deleted member's, with its reactions.
        Api.as(other).get("/api/v1/posts/" + post).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("body", equalTo("Kept as written by a deleted member"))
                .body("author.handle", matchesPattern("deleted_[0-9a-f]{12}"))
                .body("author.displayName", equalTo("Deleted member"))
                .body("reactions.NOT_ALONE", equalTo(1));
        assertEquals(0, Api.count("SELECT count(*) FROM memberships WHERE account_id = ?", member.id()));
        assertEquals(0, Api.count("SELECT count(*) FROM auth_sessions WHERE account_id = ?", member.id()));
        assertEquals(0, Api.count("SELECT count(*) FROM blocks WHERE blocker_id = ?", member.id()));
        assertEquals(0, Api.count("SELECT count(*) FROM idempotency_keys WHERE account_id = ?", member.id()));
        // The e-mail is free again.
        Api.registerWith(Map.of("email", member.email(), "password", Api.PASSWORD, "handle", Api.uniqueHandle("pvnew"),
                "acceptGuidelinesVersion", 1));
    }

    @Test
    void removingContentKeepsReportedPostsForModeratorsUntilTheReportCloses() {
        TestAccount moderator = Api.register("pvmod");
        Groups.join(moderator, group);
        Groups.setRole(owner, group, moderator, "MODERATOR");
        UUID plain = Posts.post(member, group, "An ordinary post of mine");
        UUID reported = Posts.post(member, group, "A post someone reported");
        UUID othersThread = Posts.post(other, group, "Somebody else's thread");
        UUID reply = Posts.reply(member, othersThread, "My reply in their thread");
        Api.as(member).put("/api/v1/posts/" + othersThread + "/reactions/ME_TOO").then().statusCode(200);
        String reportId = report(other, "POST", reported, "Please look at this").path("id");

        Api.as(member).body(erase(Api.PASSWORD, true)).delete("/api/v1/me").then().statusCode(204);

        for (UUID gone : List.of(plain, reply)) {
            Api.as(other).get("/api/v1/posts/" + gone).then().statusCode(200)
                    .body("status", equalTo("REMOVED")).body("body", nullValue());
            assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE id = ? AND body = '[erased]' AND title IS NULL",
                    gone));
        }
        Api.as(other).get("/api/v1/posts/" + othersThread).then().statusCode(200)
                .body("body", equalTo("Somebody else's thread"))
                .body("reactions.ME_TOO", equalTo(0));
        // Under review: members see it removed; its text waits for the moderators.
        Api.as(other).get("/api/v1/posts/" + reported).then().statusCode(200).body("status", equalTo("REMOVED"))
                .body("body", nullValue());
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE id = ? AND body = 'A post someone reported'",
                reported));
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items.post.body", hasItem("A post someone reported"));

        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "NONE")).contentType(ContentType.JSON)
                .patch("/api/v1/reports/" + reportId).then().statusCode(200);
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE id = ? AND body = '[erased]' AND status = 'REMOVED'"
                + " AND NOT erase_after_review", reported));
        assertEquals(0,
                Api.count("SELECT count(*) FROM posts WHERE author_id = ? AND body <> '[erased]'", member.id()));
    }

    @Inject
    PostErasure postErasure;

    @Test
    void anAnonymousPostIsRemovedAtARandomMomentAfterErasureNeverAtIt() {
        // I1 x I6: had the anonymous post vanished when its author left the member list, anyone could match the two.
        UUID named = Posts.post(member, group, "What the landlord said, in my own name");
        UUID anonymous = Posts.anonymous(member, group, "What the landlord said, anonymously");
        Api.as(member).body(Map.of("body", "An edit of the anonymous post")).contentType(ContentType.JSON)
                .patch("/api/v1/posts/" + anonymous).then().statusCode(200);

        Api.as(member).body(erase(Api.PASSWORD, true)).delete("/api/v1/me").then().statusCode(204);

        Api.as(other).get("/api/v1/posts/" + named).then().statusCode(200).body("status", equalTo("REMOVED"));
        Api.as(other).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("body", equalTo("An edit of the anonymous post"));
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE id = ? AND erase_at >= now() + interval '1 day' - "
                + "interval '1 minute' AND erase_at <= now() + interval '14 days'", anonymous),
                "removal is scheduled within the documented window");
        postErasure.removeDue();
        Api.as(other).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        Api.sql("UPDATE posts SET erase_at = now() - interval '1 second' WHERE id = ?", anonymous);
        postErasure.removeDue();
        Api.as(other).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("status", equalTo("REMOVED"))
                .body("body", nullValue());
        assertEquals(1, Api.count("SELECT count(*) FROM posts WHERE id = ? AND body = '[erased]' AND title IS NULL "
                + "AND erase_at IS NULL", anonymous));
        assertEquals(0, Api.count("SELECT count(*) FROM post_revisions WHERE post_id = ?", anonymous));
        assertEquals(0,
                Api.count("SELECT count(*) FROM posts WHERE author_id = ? AND body <> '[erased]'", member.id()));
    }

    @Test
    void keepingContentNeverSchedulesTheAnonymousPostsRemoval() {
        UUID anonymous = Posts.anonymous(member, group, "Something I only say anonymously");
        Api.as(member).body(erase(Api.PASSWORD, false)).delete("/api/v1/me").then().statusCode(204);
        assertEquals(0, Api.count("SELECT count(*) FROM posts WHERE id = ? AND erase_at IS NOT NULL", anonymous));
        Api.as(other).get("/api/v1/posts/" + anonymous).then().statusCode(200).body("anonymous", equalTo(true));
    }

    @Test
    void reportsFiledBeforeErasureKeepTheirDetailsForModeratorsOnlyUntilTheyAreClosed() {
        TestAccount moderator = Api.register("pvmod");
        Groups.join(moderator, group);
        Groups.setRole(owner, group, moderator, "MODERATOR");
        TestAccount stays = Api.register("pvrep");
        Groups.join(stays, group);
        UUID post = Posts.post(other, group, "A post two members reported");
        String leaving = "Words of the member who leaves";
        String staying = "Words of the member who stays";
        String erasedReport = report(member, "POST", post, leaving).path("id");
        String keptReport = report(stays, "POST", post, staying).path("id");

        Api.as(member).body(erase(Api.PASSWORD, false)).delete("/api/v1/me").then().statusCode(204);

        // Still open: the moderators read what the member wrote.
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items.details.flatten()", hasItem(leaving));
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE id = ?::uuid AND details = ?", erasedReport,
                leaving));

        // Closing the target's reports (here through the other member's report) closes the erased member's too.
        Api.as(moderator).body(Map.of("status", "RESOLVED", "action", "NONE")).contentType(ContentType.JSON)
                .patch("/api/v1/reports/" + keptReport).then().statusCode(200);
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE id = ?::uuid AND status = 'RESOLVED'"
                + " AND details IS NULL", erasedReport), "a closed report keeps no words of an erased member");
        assertEquals(List.of(), columnsHolding(leaving), "no row may still hold the erased member's words");
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE id = ?::uuid AND details = ?", keptReport,
                staying), "a member who did not erase their account keeps their report as filed");
    }

    /** Every text-like column of every table, with the rows that contain the value (case-insensitive). */
    static List<String> columnsHolding(String value) {
        List<String[]> columns = new ArrayList<>();
        try (var connection = Api.dataSource().getConnection();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        """
                                SELECT table_name, column_name, data_type FROM information_schema.columns
                                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY', 'bytea')
                                ORDER BY table_name, column_name""")) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(columns.size() > 30, "the scan covers the schema's text columns");
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String[] c : columns) {
            String expr = c[2].equals("bytea") ? "encode(\"" + c[1] + "\", 'escape')" : "\"" + c[1] + "\"::text";
            long n = Api.count("SELECT count(*) FROM \"" + c[0] + "\" WHERE strpos(lower(" + expr + "), lower(?)) > 0",
                    value);
            if (n > 0 && seen.add(c[0] + "." + c[1])) {
                found.add(c[0] + "." + c[1] + " (" + n + " rows)");
            }
        }
        return found;
    }

    @Test
    void theScanFindsAValueThatIsStillThere() {
        assertEquals(List.of("accounts.email (1 rows)"), columnsHolding(member.email()));
    }
}
