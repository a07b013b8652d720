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
 * cache): where the feed's own SQL spends its time, in results.md.
 */
final class Plans {

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
            String sql = m.group(1).replace(":limit", "21").replace(":me", "'" + me + "'::uuid")
                    .replace(":group", "'" + group + "'::uuid");
            plans.put(script, plan(c, sql));
        }
        return plans;
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
