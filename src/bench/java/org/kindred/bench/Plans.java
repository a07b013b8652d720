package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the feed's query as the frozen yardstick, today's code and the bare latest-21
 * query send it, for the first reader and group of scenario 1, on the generated data (after one run to warm the
 * cache): where the feed's own SQL spends its time, in results.md. Each twice: with the values written in (the plan
 * PostgreSQL makes for them, a "custom plan") and as a prepared statement under {@code plan_cache_mode =
 * force_generic_plan}, the plan a statement prepared by pgbench {@code -M prepared} or pgjdbc may switch to from its
 * sixth execution on, when PostgreSQL judges the generic plan no worse on average.
 */
final class Plans {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(me|group)\\b");
    static final String GENERIC = " (generic plan)";
    private static final Pattern FEED_QUERY = Pattern.compile("(?s)(SELECT p\\.(?:id|\\*).*?LIMIT (?::limit|21))");

    private Plans() {
    }

    /** The plans by script, or a line saying why there is none. */
    static Map<String, String> explain(Connection c, Path basedir) throws SQLException, IOException {
        String me;
        String group;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT account_id, group_id FROM bench.feed_pairs WHERE n = 1")) {
            if (!rs.next()) {
                return Map.of();
            }
            me = rs.getString(1);
            group = rs.getString(2);
        }
        Map<String, String> plans = new LinkedHashMap<>();
        for (String script : List.of("frozen/feed-first-page.sql", "feed-first-page.sql", "feed-bare.sql")) {
            String text = Files.readString(basedir.resolve("src/bench/pgbench").resolve(script));
            Matcher m = FEED_QUERY.matcher(text.replaceAll("(?m)^--.*$", ""));
            if (!m.find()) {
                plans.put(script, "(no feed query found in the script)");
                continue;
            }
            String query = m.group(1).replace(":limit", "21");
            String sql = query.replace(":me", "'" + me + "'::uuid").replace(":group", "'" + group + "'::uuid");
            plans.put(script, plan(c, sql));
            plans.put(script + GENERIC, genericPlan(c, query, Map.of("me", me, "group", group)));
        }
        return plans;
    }

    /** The query prepared with its :me and :group as uuid parameters, explained under a forced generic plan. */
    private static String genericPlan(Connection c, String query, Map<String, String> values) throws SQLException {
        List<String> order = new ArrayList<>();
        Matcher m = PARAMETER.matcher(query);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (!order.contains(m.group(1))) {
                order.add(m.group(1));
            }
            m.appendReplacement(sql, "\\$" + (order.indexOf(m.group(1)) + 1));
        }
        m.appendTail(sql);
        String types = String.join(", ", order.stream().map(p -> "uuid").toList());
        String arguments = String.join(", ", order.stream().map(p -> "'" + values.get(p) + "'").toList());
        try (Statement s = c.createStatement()) {
            s.execute("PREPARE kindred_feed_plan" + (order.isEmpty() ? "" : " (" + types + ")") + " AS " + sql);
            try {
                s.execute("SET plan_cache_mode = force_generic_plan");
                return plan(c, "EXECUTE kindred_feed_plan" + (order.isEmpty() ? "" : " (" + arguments + ")"));
            } finally {
                s.execute("RESET plan_cache_mode");
                s.execute("DEALLOCATE kindred_feed_plan");
            }
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql); // once to warm the cache, as the measured runs are
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
