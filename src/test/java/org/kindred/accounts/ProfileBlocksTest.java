package org.kindred.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A block hides each person's public profile from the other, whoever blocked whom: a 404 no different from an unknown
 * handle's. Everyone else, and platform admins, still see both.
 */
@QuarkusTest
class ProfileBlocksTest {

    TestAccount blocker;
    TestAccount blocked;

    @BeforeEach
    void oneMemberBlocksAnother() {
        blocker = Api.register("pblocker");
        blocked = Api.register("pblocked");
        Api.as(blocker).put("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
    }

    @Test
    void theBlockerNoLongerSeesTheBlockedMembersProfile() {
        assertLikeAnUnknownHandle(blocker, blocked.handle());
    }

    @Test
    void theBlockedMemberNoLongerSeesTheBlockersProfile() {
        assertLikeAnUnknownHandle(blocked, blocker.handle());
    }

    @Test
    void othersAndAdminsStillSeeBothAndEachStillSeesTheirOwn() {
        TestAccount other = Api.register("pother");
        for (TestAccount viewer : new TestAccount[]{other, Api.admin()}) {
            profile(viewer, blocker.handle()).statusCode(200).body("handle", equalTo(blocker.handle()));
            profile(viewer, blocked.handle()).statusCode(200).body("handle", equalTo(blocked.handle()));
        }
        profile(blocker, blocker.handle()).statusCode(200);
        profile(blocked, blocked.handle()).statusCode(200);
    }

    @Test
    void unblockingShowsTheProfilesAgain() {
        Api.as(blocker).delete("/api/v1/me/blocks/" + blocked.id()).then().statusCode(204);
        profile(blocker, blocked.handle()).statusCode(200).body("handle", equalTo(blocked.handle()));
        profile(blocked, blocker.handle()).statusCode(200).body("handle", equalTo(blocker.handle()));
    }

    /** 404, with the very problem an unknown handle gets (only {@code instance}, the request's path, differs). */
    private static void assertLikeAnUnknownHandle(TestAccount viewer, String handle) {
        Map<String, Object> hidden = assertProblem(profile(viewer, handle), 404, "not-found").extract().jsonPath()
                .getMap("$");
        Map<String, Object> unknown = assertProblem(profile(viewer, "no_such_member_xyz"), 404, "not-found").extract()
                .jsonPath().getMap("$");
        hidden.remove("instance");
        unknown.remove("instance");
        assertEquals(unknown, hidden);
    }

    private static ValidatableResponse profile(TestAccount viewer, String handle) {
        return Api.as(viewer).get("/api/v1/accounts/" + handle).then();
    }
}
