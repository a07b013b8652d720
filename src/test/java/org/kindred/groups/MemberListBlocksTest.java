package org.kindred.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A block hides each person from the other in a group's member list, whoever blocked whom; the group's moderators (and
 * admins) still see everyone.
 */
@QuarkusTest
class MemberListBlocksTest {

    TestAccount owner;
    TestAccount moderator;
    TestAccount blocked;
    TestAccount blocker;
    TestAccount bystander;
    TestGroup group;

    @BeforeEach
    void aGroupWhereOneMemberBlockedAnother() {
        owner = Api.register("mlowner");
        group = Groups.create(owner, "PUBLIC");
        // Joined in this order, so the member list (oldest first) is owner, blocked, blocker, bystander, moderator.
        blocked = joined("mlblocked");
        blocker = joined("mlblocker");
        bystander = joined("mlbystand");
        moderator = joined("mlmod");
        Groups.setRole(owner, group, moderator, "MODERATOR");
        Api.as(blocker).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
    }

    @Test
    void theBlockerNoLongerSeesTheBlockedMember() {
        assertEquals(List.of(owner.handle(), blocker.handle(), bystander.handle(), moderator.handle()),
                members(blocker, 100));
    }

    @Test
    void theBlockedMemberNoLongerSeesTheBlocker() {
        assertEquals(List.of(owner.handle(), blocked.handle(), bystander.handle(), moderator.handle()),
                members(blocked, 100));
    }

    @Test
    void pagesStayFullAcrossTheHiddenMember() {
        // Filtered in the query, not after it: the first page of two skips the blocked member and is still full.
        JsonPath first = Api.as(blocker).queryParam("limit", 2).get("/api/v1/groups/" + group.id() + "/members")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(owner.handle(), blocker.handle()), first.getList("items.account.handle"));
        assertEquals(List.of(owner.handle(), blocker.handle(), bystander.handle(), moderator.handle()),
                members(blocker, 1));
    }

    @Test
    void othersModeratorsAndAdminsStillSeeBoth() {
        List<String> everyone = List.of(owner.handle(), blocked.handle(), blocker.handle(), bystander.handle(),
                moderator.handle());
        assertEquals(everyone, members(bystander, 100));
        assertEquals(everyone, members(moderator, 100));
        assertEquals(everyone, members(owner, 100));
        assertEquals(everyone, members(Api.admin(), 100));
    }

    @Test
    void aModeratorWhoBlockedSomeoneStillSeesThem() {
        Api.as(moderator).put("/api/v1/me/blocks/" + bystander.id()).then().statusCode(204);
        Api.as(blocked).put("/api/v1/me/blocks/" + moderator.id()).then().statusCode(204);
        assertEquals(List.of(owner.handle(), blocked.handle(), blocker.handle(), bystander.handle(),
                moderator.handle()), members(moderator, 100));
    }

    @Test
    void unblockingShowsThemAgain() {
        Api.as(blocker).delete("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        assertEquals(5, members(blocker, 100).size());
        assertEquals(5, members(blocked, 100).size());
    }

    private TestAccount joined(String prefix) {
        TestAccount account = Api.register(prefix);
        assertEquals(201, Groups.join(account, group));
        return account;
    }

    /** Every handle in the member list as {@code viewer} sees it, page by page. */
    private List<String> members(TestAccount viewer, int limit) {
        List<String> handles = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Api.as(viewer).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/groups/" + group.id() + "/members").then().statusCode(200)
                    .extract().jsonPath();
            handles.addAll(page.getList("items.account.handle"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && handles.size() < 20);
        return handles;
    }
}
