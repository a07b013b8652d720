package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.bench.DataGenerator;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;
import org.kindred.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A feed page is one indexed query whatever the group's size: on a generated set (100,000 posts, skewed group sizes)
 * the plan of the feed and replies queries never scans posts sequentially and never sorts a whole group.
 */
@QuarkusTest
class FeedPlanTest {

    @Inject
    PostRepository posts;

    @Test
    void feedAndRepliesAreIndexOrderedAtAnySize() throws Exception {
        String tag = "fp" + UUID.randomUUID().toString().substring(0, 4).replace("-", "");
        DataGenerator.generate(Api.dataSource(), new DataGenerator.Size(40, 4000, 100_000, tag));
        UUID biggest;
        UUID smallest;
        UUID reader;
        UUID busyThread;
        try (Connection c = Api.dataSource().getConnection(); Statement s = c.createStatement()) {
            biggest = one(s,
                    "SELECT id FROM groups WHERE slug LIKE '" + tag + "-group-%' ORDER BY post_count DESC LIMIT 1");
            smallest = one(s, "SELECT id FROM groups WHERE slug LIKE '" + tag
                    + "-group-%' AND post_count > 0 ORDER BY post_count LIMIT 1");
            reader = one(s, "SELECT id FROM accounts WHERE handle = '" + tag + "_1'");
            busyThread = one(s, "SELECT p.id FROM posts p JOIN groups g ON g.id = p.group_id WHERE g.slug LIKE '" + tag
                    + "-group-%' AND p.parent_id IS NULL ORDER BY p.reply_count DESC LIMIT 1");
            s.execute("INSERT INTO blocks (blocker_id, blocked_id, created_at) SELECT '" + reader
                    + "', id, now() FROM accounts "
                    + "WHERE handle LIKE '" + tag + "_%' AND handle <> '" + tag + "_1' LIMIT 50");
            s.execute("UPDATE accounts SET hidden_content_warnings = '{SELF_HARM}' WHERE id = '" + reader + "'");
            // "At any size" includes a long thread: the generated threads are short enough that sorting one is cheap,
            // so the planner may rightly sort them; with 2,000 replies it must read the thread in index order.
            s.execute("INSERT INTO posts (id, group_id, author_id, parent_id, body, language, anonymous, status, "
                    + "created_at, last_activity_at) SELECT gen_random_uuid(), t.group_id, t.author_id, t.id, "
                    + "'I believe you. Long thread ' || i, 'en', false, 'PUBLISHED', t.created_at + i * interval '1 s', "
                    + "t.created_at + i * interval '1 s' FROM posts t, generate_series(1, 2000) i WHERE t.id = '"
                    + busyThread + "'");
            s.execute("ANALYZE blocks");
            s.execute("ANALYZE posts"); // the planner sees the generated threads as they are, not stale statistics
        }
        List<String> failures = new ArrayList<>();
        Instant now = Instant.now();
        for (UUID group : List.of(biggest, smallest)) {
            for (PostRepository.Sort sort : PostRepository.Sort.values()) {
                for (PostRepository.FeedPosition after : new PostRepository.FeedPosition[]{null,
                        new PostRepository.FeedPosition(false, now.minusSeconds(86_400 * 30), UUID.randomUUID())}) {
                    check("feed " + sort + (after == null ? " first page" : " deep page"),
                            posts.feedQuery(group, reader, sort, Direction.AFTER, after, 21), failures);
                }
                // The previous page: the same query with the comparison and order reversed, in index order too.
                for (boolean pinned : new boolean[]{false, true}) {
                    check("feed " + sort + " previous page from a " + (pinned ? "pinned" : "unpinned") + " thread",
                            posts.feedQuery(group, reader, sort, Direction.BEFORE, new PostRepository.FeedPosition(
                                    pinned, now.minusSeconds(86_400 * 30), UUID.randomUUID()), 21),
                            failures);
                }
            }
        }
        check("replies", posts.repliesQuery(busyThread, reader, Direction.AFTER, null, 21), failures);
        check("replies previous page", posts.repliesQuery(busyThread, reader, Direction.BEFORE,
                new PostRepository.ReplyPosition(now.minusSeconds(86_400 * 60), UUID.randomUUID()), 21), failures);
        check("replies deep",
                posts.repliesQuery(busyThread, reader, Direction.AFTER,
                        new PostRepository.ReplyPosition(now.minusSeconds(86_400 * 60),
                                UUID.randomUUID()),
                        21),
                failures);
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    @Test
    void theCheckCatchesAWholeGroupSort() throws Exception {
        List<String> failures = new ArrayList<>();
        check("unindexed order",
                new NativeSql().append("SELECT id FROM posts WHERE group_id = :g ORDER BY body LIMIT 20")
                        .bind("g", UUID.randomUUID()),
                failures);
        assertFalse(failures.isEmpty());
    }

    private static void check(String name, NativeSql sql, List<String> failures) throws Exception {
        JsonNode plan = explain(sql);
        List<String> problems = new ArrayList<>();
        walk(plan, problems);
        if (!problems.isEmpty()) {
            failures.add(name + ": " + problems + "\n" + plan);
        }
    }

    private static void walk(JsonNode node, List<String> problems) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, problems));
            return;
        }
        if (node.has("Plan")) {
            walk(node.get("Plan"), problems);
        }
        String type = node.path("Node Type").asText();
        if ("Seq Scan".equals(type) && "posts".equals(node.path("Relation Name").asText())) {
            problems.add("sequential scan of posts");
        }
        if (type.endsWith("Sort") && !"Sort".equals(node.path("Parent Relationship").asText(""))
                && node.has("Sort Key")) {
            problems.add("sort of " + node.path("Sort Key"));
        }
        if (node.has("Plans")) {
            walk(node.get("Plans"), problems);
        }
    }

    private static JsonNode explain(NativeSql sql) throws Exception {
        String text = sql.sql();
        List<Map.Entry<String, Object>> params = new ArrayList<>(sql.params().entrySet());
        params.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, Object> p : params) {
            Object v = p.getValue();
            String literal = v == null
                    ? "NULL"
                    : v instanceof Number || v instanceof Boolean
                            ? v.toString()
                            : "'" + v + "'"
                                    + (v instanceof UUID ? "::uuid" : v instanceof Instant ? "::timestamptz" : "");
            text = text.replace(":" + p.getKey(), literal);
        }
        try (Connection c = Api.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + text)) {
            rs.next();
            return new ObjectMapper().readTree(rs.getString(1));
        }
    }

    private static UUID one(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + query);
            }
            return (UUID) rs.getObject(1);
        }
    }
}
