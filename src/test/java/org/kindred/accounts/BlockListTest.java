package org.kindred.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** GET /api/v1/me/blocks: newest first, one page at a time, with cursors that only this member's list accepts. */
@QuarkusTest
class BlockListTest {

    @Inject
    CursorCodec cursors;

    @Test
    void pagesNewestFirstAndTheCursorNamesTheLastBlockShown() {
        TestAccount blocker = Api.register("blocker");
        List<UUID> blocked = blockThree(blocker);

        List<UUID> seen = walk(blocker);

        assertEquals(List.of(blocked.get(2), blocked.get(1), blocked.get(0)), seen, "newest first, each once");
    }

    @Test
    void blocksMadeAtTheSameInstantAreOrderedByAccountId() {
        TestAccount blocker = Api.register("blocker");
        List<UUID> blocked = blockThree(blocker);
        Api.sql("UPDATE blocks SET created_at = '2024-05-01T10:00:00.123456Z' WHERE blocker_id = ?", blocker.id());

        List<UUID> seen = walk(blocker);

        // PostgreSQL orders uuids as unsigned bytes, as their hex strings sort (UUID.compareTo is signed).
        assertEquals(blocked.stream().sorted(Comparator.comparing(UUID::toString).reversed()).toList(), seen,
                "ties broken by account id, descending, with nothing skipped or repeated");
    }

    @Test
    void aCursorOfAnotherMembersListIsRefused() {
        TestAccount blocker = Api.register("blocker");
        blockThree(blocker);
        String cursor = Api.as(blocker).queryParam("limit", 1).get("/api/v1/me/blocks").then().statusCode(200)
                .extract().path("nextCursor");
        TestAccount other = Api.register("other");
        assertFieldError(Api.as(other).queryParam("cursor", cursor).get("/api/v1/me/blocks").then(), "cursor");
    }

    private static List<UUID> blockThree(TestAccount blocker) {
        List<UUID> blocked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestAccount target = Api.register("blocked");
            Api.as(blocker).put("/api/v1/me/blocks/" + target.id()).then().statusCode(204);
            blocked.add(target.id());
        }
        return blocked;
    }

    /** Pages through the member's blocks one at a time, checking each cursor against the row it follows. */
    private List<UUID> walk(TestAccount blocker) {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Api.as(blocker).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/me/blocks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertEquals(1, items.size());
            UUID accountId = UUID.fromString((String) items.get(0).get("accountId"));
            Instant blockedAt = Instant.parse((String) items.get(0).get("blockedAt"));
            seen.add(accountId);
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                List<String> values = cursors.decode("blocks|" + blocker.id(), cursor, 2);
                assertEquals(blockedAt, Instant.parse(values.get(0)), "the cursor's time is the last row's");
                assertEquals(accountId.toString(), values.get(1), "the cursor's id is the last row's account");
            }
        } while (cursor != null && seen.size() < 10);
        return seen;
    }
}
