package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.bench.DataGenerator;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The home timeline is read in index order: on a generated set (100,000 threads, skewed group sizes) the plan of a
 * timeline page across a reader's groups reads {@code posts_timeline_new_idx} or {@code posts_timeline_active_idx},
 * never scans posts sequentially and never sorts; with the reader's blocks, mutes and a hundred keyword mutes in
 * place, the first page reads a bounded number of index rows (EXPLAIN ANALYZE), so the filters ride on the scan.
 */
@QuarkusTest
class TimelinePlanTest {

    /** Index rows a first page of 21 may read across a third of the generated threads, filters included. */
    private static final int MAX_ROWS_READ = 2_000;

    @Inject
    PostRepository posts;

    @Test
    void theTimelineIsReadInIndexOrderWithEveryReaderFilter() throws Exception {
        String tag = "tp" + UUID.randomUUID().toString().substring(0, 4).replace("-", "");
        DataGenerator.generate(Api.dataSource(), new DataGenerator.Size(40, 4000, 100_000, tag));
        UUID reader;
        List<UUID> allGroups = new ArrayList<>();
        List<UUID> readerGroups = new ArrayList<>();
        try (Connection c = Api.dataSource().getConnection(); Statement s = c.createStatement()) {
            reader = one(s, "SELECT id FROM accounts WHERE handle = '" + tag + "_1'");
            ids(s, "SELECT id FROM groups WHERE slug LIKE '" + tag + "-group-%'", allGroups);
            ids(s, "SELECT group_id FROM memberships WHERE account_id = '" + reader + "' AND status = 'ACTIVE'",
                    readerGroups);
            s.execute("INSERT INTO blocks (blocker_id, blocked_id, created_at) SELECT '" + reader
                    + "', id, now() FROM accounts WHERE handle LIKE '" + tag + "\\_%' AND handle <> '" + tag
                    + "_1' LIMIT 50");
            s.execute("INSERT INTO mutes (muter_id, muted_id, created_at) SELECT '" + reader
                    + "', id, now() FROM accounts WHERE handle LIKE '" + tag + "\\_%' ORDER BY handle DESC LIMIT 50");
            // A hundred keyword mutes; one of them ("post 1234" as whole words) matches a generated thread.
            s.execute("INSERT INTO keyword_mutes (id, account_id, phrase, whole_word, pattern, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), '" + reader + "', 'zq muted ' || i, false, "
                    + "'[zZ][qQ][[:space:]]+[mM][uU][tT][eE][dD][[:space:]]+' || i, now(), now() "
                    + "FROM generate_series(1, 99) i");
            s.execute("INSERT INTO keyword_mutes (id, account_id, phrase, whole_word, pattern, created_at, updated_at) "
                    + "VALUES (gen_random_uuid(), '" + reader + "', 'post 1234', true, "
                    + "'(^|[^[:alnum:]_])[pP][oO][sS][tT][[:space:]]+1234($|[^[:alnum:]_])', now(), now())");
            s.execute("ANALYZE posts");
            s.execute("ANALYZE keyword_mutes");
        }
        List<String> failures = new ArrayList<>();
        KeysetPaging.TimeAndId deep = new KeysetPaging.TimeAndId(Instant.now().minusSeconds(86_400 * 45),
                UUID.randomUUID());
        for (PostRepository.Sort sort : PostRepository.Sort.values()) {
            String index = sort == PostRepository.Sort.NEW ? "posts_timeline_new_idx" : "posts_timeline_active_idx";
            for (KeysetPaging.TimeAndId after : new KeysetPaging.TimeAndId[]{null, deep}) {
                String name = "timeline " + sort + (after == null ? " first page" : " deep page");
                check(name + ", every group", posts.timelineQuery(allGroups, reader, sort, Direction.AFTER, after, 21),
                        index,
                        failures);
                check(name + ", the reader's groups",
                        posts.timelineQuery(readerGroups, reader, sort, Direction.AFTER, after, 21), null, failures);
            }
            check("timeline " + sort + " previous page, every group",
                    posts.timelineQuery(allGroups, reader, sort, Direction.BEFORE, deep, 21), index, failures);
        }
        long read = rowsRead(
                posts.timelineQuery(allGroups, reader, PostRepository.Sort.NEW, Direction.AFTER, null, 21));
        System.out.println("TimelinePlanTest: first timeline page across " + allGroups.size() + " groups read "
                + read + " index rows");
        if (read > MAX_ROWS_READ) {
            failures.add("the first page read " + read + " rows, more than " + MAX_ROWS_READ);
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /** No sequential scan of posts, no sort of a whole group, and (if given) the named index. */
    private static void check(String name, NativeSql sql, String index, List<String> failures) throws Exception {
        JsonNode plan = explain(sql, false);
        List<String> indexes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        walk(plan, indexes, problems, index != null);
        if (index != null && !indexes.contains(index)) {
            problems.add(index + " not used (indexes: " + indexes + ")");
        }
        if (!problems.isEmpty()) {
            failures.add(name + ": " + problems + "\n" + plan);
        }
    }

    private static void walk(JsonNode node, List<String> indexes, List<String> problems, boolean noSort) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, indexes, problems, noSort));
            return;
        }
        if (node.has("Plan")) {
            walk(node.get("Plan"), indexes, problems, noSort);
        }
        if (node.has("Index Name")) {
            indexes.add(node.get("Index Name").asText());
        }
        String type = node.path("Node Type").asText();
        if ("Seq Scan".equals(type) && "posts".equals(node.path("Relation Name").asText())) {
            problems.add("sequential scan of posts");
        }
        if (noSort && type.endsWith("Sort") && node.has("Sort Key")) {
            problems.add("sort of " + node.path("Sort Key"));
        }
        if (node.has("Plans")) {
            walk(node.get("Plans"), indexes, problems, noSort);
        }
    }

    /** Rows the posts scans of an executed plan returned plus those their filters removed. */
    private static long rowsRead(NativeSql sql) throws Exception {
        List<Long> rows = new ArrayList<>();
        collect(explain(sql, true), rows);
        return rows.stream().mapToLong(Long::longValue).sum();
    }

    private static void collect(JsonNode node, List<Long> rows) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, rows));
            return;
        }
        if (node.has("Plan")) {
            collect(node.get("Plan"), rows);
        }
        if ("posts".equals(node.path("Relation Name").asText())) {
            rows.add(node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong());
        }
        if (node.has("Plans")) {
            collect(node.get("Plans"), rows);
        }
    }

    private static JsonNode explain(NativeSql sql, boolean analyze) throws Exception {
        String text = sql.sql();
        List<Map.Entry<String, Object>> params = new ArrayList<>(sql.params().entrySet());
        params.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, Object> p : params) {
            Object v = p.getValue();
            String literal;
            if (v instanceof Collection<?> values) {
                literal = String.join(", ", values.stream().map(x -> "'" + x + "'::uuid").toList());
            } else if (v instanceof Number) {
                literal = v.toString();
            } else {
                literal = "'" + v + "'" + (v instanceof UUID ? "::uuid" : v instanceof Instant ? "::timestamptz" : "");
            }
            text = text.replace(":" + p.getKey(), literal);
        }
        try (Connection c = Api.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (" + (analyze ? "ANALYZE, " : "") + "FORMAT JSON) " + text)) {
            rs.next();
            return new ObjectMapper().readTree(rs.getString(1));
        }
    }

    private static void ids(Statement s, String query, List<UUID> into) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                into.add((UUID) rs.getObject(1));
            }
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
