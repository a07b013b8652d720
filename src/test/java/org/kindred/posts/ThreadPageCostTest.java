package org.kindred.posts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.SqlStatements;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a thread page in one request ({@code GET /posts/{id}/thread}) costs in statements: the thread once, the group
 * with the reader's membership once (not at all when this replica read them recently, {@code groups.LiveGroupFacts}),
 * blocks once, one page of replies; nothing else. The benchmark's scenario 3 and its pgbench script
 * ({@code src/bench/pgbench/thread-page.sql}) assume exactly these.
 */
@QuarkusTest
class ThreadPageCostTest {

    @Test
    void aThreadPageReadsTheThreadItsGroupBlocksAndOnePageOfRepliesOnce() {
        TestAccount owner = Api.register("tpcowner");
        TestAccount member = Api.register("tpcmember");
        TestGroup group = Groups.create(owner, "PUBLIC");
        Groups.join(member, group);
        UUID thread = Posts.post(owner, group, "Has anyone been refused a flat because of their name?");
        for (int i = 0; i < 3; i++) {
            Api.as(owner).body(Map.of("body", "More of what happened, part " + i))
                    .post("/api/v1/posts/" + thread + "/replies").then().statusCode(201);
        }

        SqlStatements.start();
        Api.as(member).queryParam("limit", 20).get("/api/v1/posts/" + thread + "/thread").then().statusCode(200)
                .body("post.id", equalTo(thread.toString())).body("replies.items.size()", equalTo(3));
        List<String> sql = SqlStatements.stop();

        String all = String.join("\n", sql);
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+posts\\s+p\\s.*\\swhere\\s+p\\.id\\s*=\\s*\\?"),
                "the thread is read once\n" + all);
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+groups\\s.*\\sleft\\s+join\\s+memberships\\s.*"),
                "the group and the reader's membership once, in one statement\n" + all);
        assertEquals(1, count(sql, "(?s)select\\s+count\\(\\*\\)\\s+from\\s+blocks\\s.*"), "blocks once\n" + all);
        assertEquals(1, count(sql, "(?s)select\\s.*\\sfrom\\s+posts\\s+p\\s.*\\swhere\\s+p\\.parent_id\\s*=\\s*\\?.*"),
                "one page of replies\n" + all);
        assertEquals(4, sql.size(), "and nothing else\n" + all);

        SqlStatements.start();
        Api.as(member).queryParam("limit", 20).get("/api/v1/posts/" + thread + "/thread").then().statusCode(200);
        List<String> again = SqlStatements.stop();
        assertEquals(0, count(again, "(?s)select\\s.*\\sfrom\\s+groups\\s.*"),
                "read again soon after, the group and the membership come from this replica's memory\n" + again);
        assertEquals(3, again.size(), "the thread, blocks and the replies\n" + again);
    }

    private static long count(List<String> sql, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return sql.stream().filter(s -> pattern.matcher(s.strip()).matches()).count();
    }
}
