package org.kindred.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.platform.db.AccessChanges;
import org.kindred.support.Api;
import org.kindred.support.BehindTheApi;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.SqlStatements;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-replica memory of group facts and memberships (issue 20): a group-scoped request reads the group and the
 * caller's membership from memory when it did recently, yet a ban, a removal, a role or a visibility changed from
 * another connection (another replica, an operator's SQL) takes effect within a second, a change made through this
 * replica on the very next request, and nothing is served from memory while the listener is not listening.
 */
@QuarkusTest
class GroupAccessCacheTest {

    private static final long WITHIN_MILLIS = 1000;

    @Inject
    AccessChanges changes;

    @Test
    void aGroupReadRecentlyIsNotReadAgain() {
        TestAccount owner = Api.register("gcowner");
        TestAccount member = Api.register("gcmember");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        Posts.post(owner, group, "Something that happened on the bus");
        String feed = feed(group);
        Api.as(member).get(feed).then().statusCode(200);

        SqlStatements.start();
        Api.as(member).get(feed).then().statusCode(200);
        List<String> sql = SqlStatements.stop();

        assertEquals(0, sql.stream().filter(s -> s.matches("(?is)select\\s.*\\sfrom\\s+groups\\s.*")).count(),
                "the group and the membership come from memory\n" + String.join("\n", sql));
        assertEquals(1, sql.size(), "one statement for the page: the feed query\n" + String.join("\n", sql));
    }

    @Test
    void aMemberBannedFromAnotherConnectionIsRefusedWithinASecond() throws Exception {
        TestAccount owner = Api.register("gcbanowner");
        TestAccount member = Api.register("gcbanned");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        warm(member, feed(group));
        long millis = untilRefused(member, feed(group), () -> BehindTheApi.sql(
                "UPDATE memberships SET status = 'BANNED' WHERE group_id = ? AND account_id = ?", group.id(),
                member.id()));
        assertTrue(millis < WITHIN_MILLIS, "refused after " + millis + " ms");
        Api.as(member).get(feed(group)).then().statusCode(404); // a private group's feed: as if it were unknown
    }

    @Test
    void aMembershipDeletedFromAnotherConnectionEndsAccessWithinASecond() throws Exception {
        TestAccount owner = Api.register("gcdelowner");
        TestAccount member = Api.register("gcdeleted");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        warm(member, feed(group));
        long millis = untilRefused(member, feed(group), () -> BehindTheApi.sql(
                "DELETE FROM memberships WHERE group_id = ? AND account_id = ?", group.id(), member.id()));
        assertTrue(millis < WITHIN_MILLIS, "refused after " + millis + " ms");
    }

    @Test
    void aGroupHiddenFromAnotherConnectionDisappearsWithinASecond() throws Exception {
        TestAccount owner = Api.register("gchideowner");
        TestAccount reader = Api.register("gchidereader");
        TestGroup group = Groups.create(owner, "PUBLIC");
        String page = "/api/v1/groups/" + group.id();
        warm(reader, page);
        long millis = untilRefused(reader, page,
                () -> BehindTheApi.sql("UPDATE groups SET visibility = 'HIDDEN' WHERE id = ?", group.id()));
        assertTrue(millis < WITHIN_MILLIS, "still visible " + millis + " ms after it was hidden");
        Api.as(reader).get(page).then().statusCode(404);
    }

    @Test
    void aRoleGivenAndTakenFromAnotherConnectionTakesEffectWithinASecond() throws Exception {
        TestAccount owner = Api.register("gcroleowner");
        TestAccount member = Api.register("gcrole");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        String moderatorsOnly = "/api/v1/groups/" + group.id() + "/keyword-rules";
        Api.as(member).get(moderatorsOnly).then().statusCode(403);
        Api.as(member).get(moderatorsOnly).then().statusCode(403);
        BehindTheApi.sql("UPDATE memberships SET role = 'MODERATOR' WHERE group_id = ? AND account_id = ?", group.id(),
                member.id());
        long granted = BehindTheApi.millisUntil(() -> Api.as(member).get(moderatorsOnly).statusCode() == 200);
        assertTrue(granted < WITHIN_MILLIS, "moderator after " + granted + " ms");
        BehindTheApi.sql("UPDATE memberships SET role = 'MEMBER' WHERE group_id = ? AND account_id = ?", group.id(),
                member.id());
        long revoked = BehindTheApi.millisUntil(() -> Api.as(member).get(moderatorsOnly).statusCode() == 403);
        assertTrue(revoked < WITHIN_MILLIS, "still a moderator " + revoked + " ms after the role was taken away");
    }

    @Test
    void joiningAndLeavingThroughThisReplicaCountOnTheVeryNextRequest() {
        TestAccount owner = Api.register("gcjoinowner");
        TestAccount reader = Api.register("gcjoiner");
        TestGroup group = Groups.create(owner, "PUBLIC");
        String feed = feed(group);
        Api.as(reader).get(feed).then().statusCode(200); // remembered: signed in, not a member
        Api.as(reader).body(Posts.body("Not a member yet")).post(feed).then().statusCode(403);
        assertEquals(201, Groups.join(reader, group));
        Api.as(reader).body(Posts.body("A member now")).post(feed).then().statusCode(201);
        Api.as(reader).delete("/api/v1/groups/" + group.id() + "/members/" + reader.id()).then().statusCode(204);
        Api.as(reader).body(Posts.body("Left again")).post(feed).then().statusCode(403);
    }

    @Test
    void aBanByAModeratorOnThisReplicaIsRefusedOnTheVeryNextRequest() {
        TestAccount owner = Api.register("gcmodowner");
        TestAccount member = Api.register("gcmodbanned");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        Api.as(member).get(feed(group)).then().statusCode(200);
        Api.as(member).get(feed(group)).then().statusCode(200);
        Groups.ban(owner, group, member);
        Api.as(member).get(feed(group)).then().statusCode(404);
    }

    @Test
    void nothingIsServedFromMemoryWhileTheListenerIsDown() throws Exception {
        TestAccount owner = Api.register("gclistenowner");
        TestAccount member = Api.register("gclisten");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        warm(member, feed(group));
        long millis = untilRefused(member, feed(group), () -> {
            BehindTheApi.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                    AccessChanges.LISTENER);
            // The listener is cut off before the ban, so its notification is lost: only failing safe (not serving
            // from memory while not listening, emptying it on reconnect) refuses the member.
            BehindTheApi.sql("UPDATE memberships SET status = 'BANNED' WHERE group_id = ? AND account_id = ?",
                    group.id(), member.id());
        });
        assertTrue(millis < WITHIN_MILLIS, "refused after " + millis + " ms");
        long back = BehindTheApi.millisUntil(() -> changes.serving());
        assertTrue(back < 10_000, "listening again after " + back + " ms");
        Api.as(member).get(feed(group)).then().statusCode(404);
    }

    private static String feed(TestGroup group) {
        return "/api/v1/groups/" + group.id() + "/posts";
    }

    /** Two reads, so the group and the membership are remembered before the change. */
    private static void warm(TestAccount account, String path) {
        Api.as(account).get(path).then().statusCode(200);
        Api.as(account).get(path).then().statusCode(200);
    }

    private interface Change {
        void run() throws Exception;
    }

    /** Makes the change, then asks until the account's reads are refused; the milliseconds it took. */
    private static long untilRefused(TestAccount account, String path, Change change) throws Exception {
        change.run();
        long millis = BehindTheApi.millisUntil(() -> Api.as(account).get(path).statusCode() != 200);
        assertTrue(Api.as(account).get(path).statusCode() != 200, "and stays refused");
        return millis;
    }
}
