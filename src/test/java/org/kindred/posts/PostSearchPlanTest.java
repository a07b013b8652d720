package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Search is served by the GIN index on {@code posts.search}: on a generated set (100,000 posts, skewed group sizes) the
 * plan of a search, in the biggest group and across a reader's groups, reads {@code posts_search_idx} and never scans
 * posts sequentially.
 */
@QuarkusTest
class PostSearchPlanTest {

    @Inject
    PostRepository posts;

    @Test
    void searchUsesTheGinIndex() throws Exception {
        String tag = "sp" + UUID.randomUUID().toString().substring(0, 4).replace("-", "");
        DataGenerator.generate(Api.dataSource(), new DataGenerator.Size(40, 4000, 100_000, tag));
        UUID biggest;
        UUID reader;
        List<UUID> readerGroups = new ArrayList<>();
        try (Connection c = Api.dataSource().getConnection(); Statement s = c.createStatement()) {
            biggest = one(s,
                    "SELECT id FROM groups WHERE slug LIKE '" + tag + "-group-%' ORDER BY post_count DESC LIMIT 1");
            reader = one(s, "SELECT id FROM accounts WHERE handle = '" + tag + "_1'");
            try (ResultSet rs = s.executeQuery("SELECT id FROM groups WHERE slug LIKE '" + tag + "-group-%'")) {
                while (rs.next()) {
                    readerGroups.add((UUID) rs.getObject(1));
                }
            }
            s.execute("ANALYZE posts");
        }
        List<String> failures = new ArrayList<>();
        // Every generated thread body ends in its number: a rare word, as most searches are.
        for (String q : List.of("1234", "work 4321", "\"happened to me\" 777")) {
            check("search in the biggest group: " + q,
                    posts.searchQuery(List.of(biggest), reader, q, List.of("en"), Direction.AFTER, null, 21), failures);
            check("search across groups: " + q,
                    posts.searchQuery(readerGroups, reader, q, List.of("en", "fr"), Direction.AFTER, null, 21),
                    failures);
            check("search across groups, next page: " + q, posts.searchQuery(readerGroups, reader, q,
                    List.of("en"), Direction.AFTER, new PostRepository.RankPosition(0.05f, UUID.randomUUID()), 21),
                    failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private static void check(String name, NativeSql sql, List<String> failures) throws Exception {
        JsonNode plan = explain(sql);
        List<String> indexes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        walk(plan, indexes, problems);
        if (!indexes.contains("posts_search_idx")) {
            problems.add("posts_search_idx not used (indexes: " + indexes + ")");
        }
        if (!problems.isEmpty()) {
            failures.add(name + ": " + problems + "\n" + plan);
        }
    }

    private static void walk(JsonNode node, List<String> indexes, List<String> problems) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, indexes, problems));
            return;
        }
        if (node.has("Plan")) {
            walk(node.get("Plan"), indexes, problems);
        }
        if (node.has("Index Name")) {
            indexes.add(node.get("Index Name").asText());
        }
        if ("Seq Scan".equals(node.path("Node Type").asText()) && "posts".equals(node.path("Relation Name").asText())) {
            problems.add("sequential scan of posts");
        }
        if (node.has("Plans")) {
            walk(node.get("Plans"), indexes, problems);
        }
    }

    private static JsonNode explain(NativeSql sql) throws Exception {
        String text = sql.sql();
        List<Map.Entry<String, Object>> params = new ArrayList<>(sql.params().entrySet());
        params.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, Object> p : params) {
            Object v = p.getValue();
            String literal;
            if (v instanceof java.util.Collection<?> values) {
                literal = String.join(", ", values.stream().map(x -> "'" + x + "'::uuid").toList());
            } else if (v instanceof Number) {
                literal = v.toString();
            } else {
                literal = "'" + String.valueOf(v).replace("'", "''") + "'" + (v instanceof UUID ? "::uuid" : "");
            }
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
