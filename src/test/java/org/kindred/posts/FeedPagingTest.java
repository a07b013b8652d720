package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FeedPagingTest {

    @Test
    void walkingTheFeedWhilePostsArriveNeverRepeatsOrSkips() {
        TestAccount owner = Api.register("walk");
        TestGroup group = Groups.create(owner, "PUBLIC");
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            existing.add(Posts.post(owner, group, "Existing " + i).toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = Api.as(owner).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200).extract()
                    .response();
            seen.addAll(response.jsonPath().getList("items.id"));
            cursor = response.path("nextCursor");
            // Two new posts arrive between every page the reader fetches.
            Posts.post(owner, group, "New during walk " + page + "a");
            Posts.post(owner, group, "New during walk " + page + "b");
            page++;
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no post is returned twice");
        Set<String> seenSet = new HashSet<>(seen);
        assertTrue(seenSet.containsAll(existing), "no older post is skipped");
        assertEquals(existing.size(), seen.size(), "posts that arrive during the walk are above the cursor");
        List<String> newestFirst = new ArrayList<>(existing);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void aCursorFromAnotherGroupOrSortIsRefused() {
        TestAccount owner = Api.register("walk2");
        TestGroup a = Groups.create(owner, "PUBLIC");
        TestGroup b = Groups.create(owner, "PUBLIC");
        for (int i = 0; i < 3; i++) {
            Posts.post(owner, a, "A" + i);
            Posts.post(owner, b, "B" + i);
        }
        String cursor = Api.as(owner).queryParam("limit", 1).get("/api/v1/groups/" + a.id() + "/posts").then().extract()
                .path("nextCursor");
        assertProblem(Api.as(owner).queryParam("cursor", cursor).get("/api/v1/groups/" + b.id() + "/posts").then(), 400,
                "validation");
        assertProblem(Api.as(owner).queryParam("cursor", cursor).queryParam("sort", "active")
                .get("/api/v1/groups/" + a.id() + "/posts").then(), 400, "validation");
        UUID thread = Posts.post(owner, a, "With replies");
        for (int i = 0; i < 3; i++) {
            Posts.reply(owner, thread, "r" + i);
        }
        String replyCursor = Api.as(owner).queryParam("limit", 1).get("/api/v1/posts/" + thread + "/replies").then()
                .extract()
                .path("nextCursor");
        assertProblem(Api.as(owner).queryParam("cursor", replyCursor).get("/api/v1/groups/" + a.id() + "/posts").then(),
                400,
                "validation");
        Api.as(owner).queryParam("limit", 1).queryParam("cursor", replyCursor)
                .get("/api/v1/posts/" + thread + "/replies").then()
                .statusCode(200);
    }
}
