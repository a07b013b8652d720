package org.kindred.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MembershipFlowTest {

    private static String members(TestGroup group) {
        return "/api/v1/groups/" + group.id() + "/members";
    }

    @Test
    void joiningAPublicGroupIsImmediateAndIdempotent() {
        TestAccount owner = Api.register("pubown");
        TestAccount member = Api.register("pubmem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Api.as(member).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("role", equalTo("MEMBER"))
                .body("account.handle", equalTo(member.handle()));
        Api.as(member).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Api.as(member).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(2))
                .body("myMembership.role", equalTo("MEMBER"));
        Api.as(member).get(members(group)).then().statusCode(200).body("items.account.handle", hasItem(owner.handle()))
                .body("items.account", not(hasItem(Map.of("email", owner.email()))));
    }

    @Test
    void privateGroupsQueueRequestsForModerators() {
        TestAccount owner = Api.register("privown");
        TestAccount asker = Api.register("ask");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Api.as(asker).body(Map.of("acceptRulesVersion", 1, "message", "I'd like to join, I face this at work."))
                .post(members(group)).then().statusCode(202).body("status", equalTo("PENDING"))
                .body("requestMessage", equalTo("I'd like to join, I face this at work."));
        Api.as(asker).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then().statusCode(202);
        Api.as(owner).queryParam("status", "PENDING").get(members(group)).then().statusCode(200)
                .body("items.account.id", equalTo(List.of(asker.id().toString())))
                .body("items[0].requestMessage", equalTo("I'd like to join, I face this at work."));
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(1));

        Api.as(owner).body(Map.of("status", "ACTIVE")).patch(members(group) + "/" + asker.id()).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertProblem(Api.as(owner).body(Map.of("status", "ACTIVE")).patch(members(group) + "/" + asker.id()).then(),
                409,
                "not-pending");
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(2));
        assertEquals(1, Groups.moderationLog(group, "MEMBER_APPROVED"));
    }

    @Test
    void deniedRequestsCarryTheReasonAndMayBeRepeated() {
        TestAccount owner = Api.register("denown");
        TestAccount asker = Api.register("denied");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.join(asker, group);
        Api.as(owner).body(Map.of("status", "DENIED", "reason", "This group is for nurses"))
                .patch(members(group) + "/" + asker.id()).then().statusCode(200).body("status", equalTo("DENIED"));
        Api.as(asker).get("/api/v1/me/memberships").then().statusCode(200)
                .body("items.find { it.group.id == '" + group.id() + "' }.status", equalTo("DENIED"))
                .body("items.find { it.group.id == '" + group.id() + "' }.reason", equalTo("This group is for nurses"));
        assertProblem(Api.as(owner).body(Map.of("status", "DENIED")).patch(members(group) + "/" + asker.id()).then(),
                409,
                "not-pending");
        Api.as(asker).body(Map.of("acceptRulesVersion", 1, "message", "I am a nurse")).post(members(group)).then()
                .statusCode(202).body("status", equalTo("PENDING"));
        assertEquals(1, Groups.moderationLog(group, "MEMBER_DENIED"));
    }

    @Test
    void hiddenGroupsNeedAnInviteAndInvitesAreLimited() {
        TestAccount owner = Api.register("hidown");
        TestGroup group = Groups.create(owner, "HIDDEN");
        TestAccount outsider = Api.register("hidout");
        assertProblem(Api.as(outsider).get("/api/v1/groups/" + group.id()).then(), 404, "not-found");
        assertProblem(Api.as(outsider).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then(), 404,
                "not-found");
        assertProblem(Api.as(outsider).body(Map.of("acceptRulesVersion", 1, "inviteCode", "kinv_guess"))
                .post(members(group)).then(), 404, "not-found");

        var invite = Api.as(owner).body(Map.of("maxUses", 1)).post("/api/v1/groups/" + group.id() + "/invites").then()
                .statusCode(201).body("maxUses", equalTo(1)).body("uses", equalTo(0)).extract().response();
        String code = invite.path("code");
        assertEquals(201, Groups.joinWithInvite(outsider, group, code));
        Api.as(outsider).get("/api/v1/groups/" + group.id()).then().statusCode(200).body("memberCount", equalTo(2));
        TestAccount second = Api.register("hidsec");
        assertProblem(
                Api.as(second).body(Map.of("acceptRulesVersion", 1, "inviteCode", code)).post(members(group)).then(),
                404, "not-found");

        String revoked = Groups.invite(owner, group);
        String revokedId = Api.as(owner).get("/api/v1/groups/" + group.id() + "/invites").then().statusCode(200)
                .body("items[0].code", nullValue()).extract().path("items[0].id");
        Api.as(owner).delete("/api/v1/groups/" + group.id() + "/invites/" + revokedId).then().statusCode(204);
        assertProblem(
                Api.as(second).body(Map.of("acceptRulesVersion", 1, "inviteCode", revoked)).post(members(group)).then(),
                404, "not-found");

        String expired = Groups.invite(owner, group);
        Api.sql("UPDATE group_invites SET expires_at = now() - interval '1 minute' WHERE group_id = ? AND revoked_at IS NULL",
                group.id());
        assertProblem(
                Api.as(second).body(Map.of("acceptRulesVersion", 1, "inviteCode", expired)).post(members(group)).then(),
                404, "not-found");
        assertProblem(Api.as(owner).body(Map.of("expiresAt", Instant.now().plus(40, ChronoUnit.DAYS).toString()))
                .post("/api/v1/groups/" + group.id() + "/invites").then(), 400, "validation");
        assertFieldError(
                Api.as(owner).body(Map.of("maxUses", 0)).post("/api/v1/groups/" + group.id() + "/invites").then(),
                "maxUses");
        assertProblem(Api.as(owner).delete("/api/v1/groups/" + group.id() + "/invites/" + UUID.randomUUID()).then(),
                404,
                "not-found");
        assertEquals(1, Groups.moderationLog(group, "INVITE_REVOKED"));
    }

    @Test
    void anInviteToAnotherGroupIsRefused() {
        TestAccount owner = Api.register("inv2");
        TestGroup privateGroup = Groups.create(owner, "PRIVATE");
        TestGroup other = Groups.create(owner, "PRIVATE");
        String code = Groups.invite(owner, other);
        assertFieldError(Api.as(Api.register("inv3")).body(Map.of("acceptRulesVersion", 1, "inviteCode", code))
                .post(members(privateGroup)).then(), "inviteCode");
        assertEquals(201, Groups.joinWithInvite(Api.register("inv4"), other, code));
    }

    @Test
    void staleRulesAre409WithTheRulesAndMustBeAcceptedAgain() {
        TestAccount owner = Api.register("ruleown");
        TestAccount member = Api.register("rulemem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        assertProblem(Api.as(member).body(Map.of("acceptRulesVersion", 0)).post(members(group)).then(), 409,
                "rules-not-accepted").body("currentRulesVersion", equalTo(1))
                .body("rules", equalTo("Believe each other. No names of people or workplaces."));
        Groups.join(member, group);
        Api.as(owner).body(Map.of("rules", "Updated rules")).patch("/api/v1/groups/" + group.id()).then()
                .statusCode(200);
        Api.as(member).get("/api/v1/groups/" + group.id()).then().body("myMembership.rulesCurrent", equalTo(false))
                .body("myMembership.rulesVersionAccepted", equalTo(1));
        assertProblem(Api.as(member).body(Map.of("rulesVersion", 1))
                .post("/api/v1/groups/" + group.id() + "/rules/acceptance")
                .then(), 409, "rules-not-accepted").body("currentRulesVersion", equalTo(2));
        Api.as(member).body(Map.of("rulesVersion", 2)).post("/api/v1/groups/" + group.id() + "/rules/acceptance").then()
                .statusCode(200).body("rulesCurrent", equalTo(true));
        assertProblem(Api.as(Api.register("nm")).body(Map.of("rulesVersion", 2))
                .post("/api/v1/groups/" + group.id() + "/rules/acceptance").then(), 403, "not-a-member");
    }

    @Test
    void leavingAndTheLastOwner() {
        TestAccount owner = Api.register("lastown");
        TestAccount member = Api.register("leaver");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        Api.as(member).delete(members(group) + "/" + member.id()).then().statusCode(204);
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(1));
        assertProblem(Api.as(member).delete(members(group) + "/" + member.id()).then(), 404, "not-found");
        assertProblem(Api.as(owner).delete(members(group) + "/" + owner.id()).then(), 409, "last-owner");
        assertProblem(Api.as(owner).body(Map.of("role", "MEMBER")).patch(members(group) + "/" + owner.id()).then(), 409,
                "last-owner");
    }

    @Test
    void ownershipCanBeTransferred() {
        TestAccount owner = Api.register("xferold");
        TestAccount heir = Api.register("xfernew");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(heir, group);
        assertProblem(Api.as(heir).body(Map.of("role", "OWNER")).patch(members(group) + "/" + heir.id()).then(), 403,
                "not-a-moderator");
        Groups.setRole(owner, group, heir, "OWNER");
        Api.as(owner).body(Map.of("role", "MEMBER")).patch(members(group) + "/" + owner.id()).then().statusCode(200)
                .body("role", equalTo("MEMBER"));
        assertProblem(Api.as(owner).body(Map.of("description", "x")).patch("/api/v1/groups/" + group.id()).then(), 403,
                "not-a-moderator");
        assertProblem(Api.as(heir).delete(members(group) + "/" + heir.id()).then(), 409, "last-owner");
        assertEquals(2, Groups.moderationLog(group, "ROLE_CHANGED"));
    }

    @Test
    void onlyOwnersGrantModeratorAndModeratorsCannotActOnModerators() {
        TestAccount owner = Api.register("rolown");
        TestAccount mod = Api.register("rolmod");
        TestAccount mod2 = Api.register("rolmod2");
        TestAccount member = Api.register("rolmem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        for (TestAccount a : List.of(mod, mod2, member)) {
            Groups.join(a, group);
        }
        Groups.setRole(owner, group, mod, "MODERATOR");
        Groups.setRole(owner, group, mod2, "MODERATOR");
        assertProblem(Api.as(mod).body(Map.of("role", "MODERATOR")).patch(members(group) + "/" + member.id()).then(),
                403,
                "not-an-owner");
        assertProblem(Api.as(mod).body(Map.of("status", "BANNED")).patch(members(group) + "/" + mod2.id()).then(), 403,
                "not-an-owner");
        assertProblem(Api.as(mod).delete(members(group) + "/" + mod2.id()).then(), 403, "not-an-owner");
        Api.as(mod).queryParam("reason", "spam").delete(members(group) + "/" + member.id()).then().statusCode(204);
        assertEquals(1, Groups.moderationLog(group, "MEMBER_REMOVED"));
        Groups.setRole(owner, group, mod2, "MEMBER");
        Api.as(mod2).queryParam("status", "PENDING").get(members(group)).then().statusCode(403);
    }

    @Test
    void bansKeepPeopleOutUntilTheyExpire() {
        TestAccount owner = Api.register("banown");
        TestAccount troll = Api.register("troll");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(troll, group);
        String until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.as(owner).body(Map.of("status", "BANNED", "reason", "harassment", "bannedUntil", until))
                .patch(members(group) + "/" + troll.id()).then().statusCode(200).body("status", equalTo("BANNED"))
                .body("bannedUntil", equalTo(until)).body("reason", equalTo("harassment"));
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(1));
        assertProblem(Api.as(troll).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then(), 403, "banned");
        assertProblem(Api.as(troll).delete(members(group) + "/" + troll.id()).then(), 409, "banned");
        assertProblem(Api.as(owner).delete(members(group) + "/" + troll.id()).then(), 409, "banned");
        Api.as(owner).queryParam("status", "BANNED").get(members(group)).then().statusCode(200)
                .body("items.account.id", hasItem(troll.id().toString()));

        Api.sql("UPDATE memberships SET banned_until = now() - interval '1 second' WHERE account_id = ?", troll.id());
        Api.as(troll).body(Map.of("acceptRulesVersion", 1)).post(members(group)).then().statusCode(201)
                .body("status", equalTo("ACTIVE"));
        assertEquals(1, Groups.moderationLog(group, "MEMBER_BANNED"));
    }

    @Test
    void liftingABanRestoresMembership() {
        TestAccount owner = Api.register("liftown");
        TestAccount member = Api.register("lifted");
        TestGroup group = Groups.create(owner, "PRIVATE");
        Groups.addMember(owner, group, member);
        Groups.ban(owner, group, member);
        Api.as(owner).body(Map.of("status", "ACTIVE", "reason", "appeal accepted"))
                .patch(members(group) + "/" + member.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("bannedUntil", nullValue());
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(2));
        assertEquals(1, Groups.moderationLog(group, "MEMBER_UNBANNED"));
    }

    @Test
    void badDecisionsAreRefused() {
        TestAccount owner = Api.register("badown");
        TestAccount member = Api.register("badmem");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        String path = members(group) + "/" + member.id();
        assertProblem(Api.as(owner).body(Map.of("status", "BANNED")).patch(members(group) + "/" + owner.id()).then(),
                409,
                "own-membership");
        TestAccount coOwner = Api.register("coown");
        Groups.join(coOwner, group);
        Groups.setRole(owner, group, coOwner, "OWNER");
        assertProblem(Api.as(owner).body(Map.of("status", "BANNED")).patch(members(group) + "/" + coOwner.id()).then(),
                409,
                "owner-protected");
        assertProblem(Api.as(owner).delete(members(group) + "/" + coOwner.id()).then(), 409, "owner-protected");
        assertProblem(
                Api.as(owner).body(Map.of("status", "ACTIVE")).patch(members(group) + "/" + UUID.randomUUID()).then(),
                404, "not-found");
        assertFieldError(Api.as(owner).body(Map.of("status", "PENDING")).patch(path).then(), "status");
        assertFieldError(Api.as(owner).body(Map.of("role", "KING")).patch(path).then(), "role");
        assertFieldError(Api.as(owner).body(Map.of()).patch(path).then(), "status");
        assertFieldError(
                Api.as(owner).body(Map.of("status", "BANNED", "bannedUntil", "2020-01-01T00:00:00Z")).patch(path)
                        .then(),
                "bannedUntil");
        assertFieldError(
                Api.as(owner).body(Map.of("status", "DENIED", "bannedUntil", "2099-01-01T00:00:00Z")).patch(path)
                        .then(),
                "bannedUntil");
        assertFieldError(Api.as(owner).body(Map.of("status", "BANNED", "reason", "x".repeat(501))).patch(path).then(),
                "reason");
        assertFieldError(Api.as(owner).body(Map.of("status", "BANNED", "bannedUntil", "tomorrow")).patch(path).then(),
                "bannedUntil");
        assertFieldError(Api.as(member).body(Map.of("acceptRulesVersion", "one")).post(members(group)).then(),
                "acceptRulesVersion");
        assertFieldError(Api.as(member).body(Map.of("acceptRulesVersion", 1, "message", "x".repeat(1001)))
                .post(members(group)).then(), "message");
        assertFieldError(Api.as(owner).queryParam("status", "SLEEPING").get(members(group)).then(), "status");
        Api.as(member).get("/api/v1/groups/" + group.id()).then().body("myMembership.status", equalTo("ACTIVE"));
    }

    @Test
    void myMembershipsListsEveryStateAndPages() {
        TestAccount owner = Api.register("mineown");
        TestAccount me = Api.register("mine");
        TestGroup a = Groups.create(owner, "PUBLIC");
        TestGroup b = Groups.create(owner, "PRIVATE");
        TestGroup c = Groups.create(owner, "PUBLIC");
        Groups.join(me, a);
        Groups.join(me, b);
        Groups.join(me, c);
        Groups.ban(owner, c, me);
        var first = Api.as(me).queryParam("limit", 2).get("/api/v1/me/memberships").then().statusCode(200)
                .body("items.size()", equalTo(2)).header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
                .extract().response();
        String cursor = first.path("nextCursor");
        Api.as(me).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/me/memberships").then()
                .statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue())
                .body("items[0].group.id", equalTo(a.id().toString()));
        Api.as(me).get("/api/v1/me/memberships").then()
                .body("items.status", equalTo(List.of("BANNED", "PENDING", "ACTIVE")));
        assertProblem(Api.as(owner).queryParam("cursor", cursor).get("/api/v1/me/memberships").then(), 400,
                "validation");
        assertProblem(Api.anonymous().get("/api/v1/me/memberships").then(), 401, "unauthenticated");
    }
}
