package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.kindred.bench.BenchApi.SignedIn;

/**
 * Who does what in the scenarios, drawn once per data set after generation: the signed-in readers (real sessions, so
 * every request's session check finds them) and, for each scenario, pairs of a reader and what they read or answer.
 * The pairs are written twice: as CSV feeders for Gatling and as tables in the {@code bench} schema for pgbench, so
 * both draw their random choice from the same list.
 */
final class Fixtures {

    /** What a scenario's pairs look like, for the report. */
    record Description(int readers, int fullGroups, int deepGroups, double meanDepth, int busyThreads,
            double meanRepliesShown, int replyPairs) {
    }

    private record DeepPage(UUID groupId, String cursor, int depth) {
    }

    private static final int LOGIN_CONCURRENCY = 4; // the server hashes at most 4 passwords at once
    private static final int BUSY_THREADS = 200;
    private static final int DEEP_GROUPS = 50;

    private final List<SignedIn> readers;
    private final List<String[]> feedPairs;
    private final List<String[]> deepPairs;
    private final List<String[]> threadPairs;
    private final List<String[]> replyPairs;
    private final List<String> loginEmails;
    private final Description description;

    private Fixtures(List<SignedIn> readers, List<String[]> feedPairs, List<String[]> deepPairs,
            List<String[]> threadPairs, List<String[]> replyPairs, List<String> loginEmails, Description description) {
        this.readers = readers;
        this.feedPairs = feedPairs;
        this.deepPairs = deepPairs;
        this.threadPairs = threadPairs;
        this.replyPairs = replyPairs;
        this.loginEmails = loginEmails;
        this.description = description;
    }

    static Fixtures prepare(Connection c, BenchApi api, int tokens, String password) throws Exception {
        List<String> emails = strings(c, "SELECT email FROM accounts WHERE email LIKE '%@bench.kindred.test' "
                + "ORDER BY id LIMIT " + tokens);
        List<SignedIn> readers = inParallel(emails, LOGIN_CONCURRENCY, email -> api.login(email, password));
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            s.execute("CREATE SCHEMA bench");
            s.execute(
                    "CREATE TABLE bench.readers (n int PRIMARY KEY, account_id uuid NOT NULL, session_id uuid NOT NULL)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench.readers VALUES (?, ?, ?)")) {
            for (int i = 0; i < readers.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setObject(2, readers.get(i).accountId());
                insert.setObject(3, readers.get(i).sessionId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            // Scenario 1: a random PUBLIC group whose first page is full (more than 20 threads the reader may see).
            s.execute("""
                    CREATE TABLE bench.feed_pairs AS
                    WITH full_groups AS (
                        SELECT group_id, row_number() OVER (ORDER BY group_id) - 1 AS k, count(*) OVER () AS total
                        FROM (SELECT p.group_id FROM posts p JOIN groups g ON g.id = p.group_id
                              WHERE p.parent_id IS NULL AND g.visibility = 'PUBLIC' AND g.archived_at IS NULL
                                AND (p.status = 'PUBLISHED' OR p.status = 'REMOVED' AND p.reply_count > 0)
                              GROUP BY p.group_id HAVING count(*) > 20) f)
                    SELECT r.n, r.n AS reader, r.account_id, r.session_id, f.group_id
                    FROM bench.readers r JOIN full_groups f ON f.k = (r.n - 1) % f.total""");
            // Scenario 3: the threads with the most replies in PUBLIC groups, read by someone else than their author.
            s.execute(
                    """
                            CREATE TABLE bench.thread_pairs AS
                            WITH busy AS (
                                SELECT t.*, row_number() OVER (ORDER BY reply_count DESC, id) - 1 AS k, count(*) OVER () AS total
                                FROM (SELECT p.id, p.group_id, p.author_id, p.reply_count FROM posts p
                                      JOIN groups g ON g.id = p.group_id
                                      WHERE p.parent_id IS NULL AND p.status = 'PUBLISHED' AND g.visibility = 'PUBLIC'
                                        AND g.archived_at IS NULL
                                      ORDER BY p.reply_count DESC, p.id LIMIT %d) t)
                            SELECT (row_number() OVER (ORDER BY r.n))::int AS n, r.n AS reader, r.account_id, r.session_id,
                                   b.id AS thread_id, b.group_id, b.author_id, b.reply_count
                            FROM bench.readers r JOIN busy b ON b.k = (r.n - 1) %% b.total WHERE b.author_id <> r.account_id"""
                            .formatted(BUSY_THREADS));
            // Scenario 4: each reader answers a recent open thread of one of their own groups (they are members who
            // accepted the rules; the thread takes replies from any member). Ordered as the feed index, to be quick.
            s.execute("""
                    CREATE TABLE bench.reply_pairs AS
                    SELECT (row_number() OVER (ORDER BY reader))::int AS n, x.*
                    FROM (SELECT DISTINCT ON (r.n) r.n AS reader, r.account_id, r.session_id, t.id AS thread_id,
                                 t.group_id, t.author_id
                          FROM bench.readers r
                          JOIN memberships m ON m.account_id = r.account_id AND m.status = 'ACTIVE'
                                            AND m.banned_until IS NULL
                          JOIN groups g ON g.id = m.group_id AND g.archived_at IS NULL
                                       AND m.rules_version_accepted >= g.rules_version
                          CROSS JOIN LATERAL (
                              SELECT p.id, p.group_id, p.author_id FROM posts p
                              WHERE p.group_id = g.id AND p.parent_id IS NULL AND p.status = 'PUBLISHED'
                                AND p.reply_policy = 'GROUP' AND NOT p.locked AND p.author_id <> r.account_id
                              ORDER BY p.pinned DESC, p.created_at DESC, p.id DESC LIMIT 50) t
                          ORDER BY r.n, random()) x""");
            for (String table : List.of("feed_pairs", "thread_pairs", "reply_pairs")) {
                s.execute("ALTER TABLE bench." + table + " ADD PRIMARY KEY (n)");
                s.execute("ANALYZE bench." + table);
            }
        }
        List<String[]> feedPairs = pairs(c, "SELECT reader, group_id FROM bench.feed_pairs ORDER BY n");
        List<String[]> threadPairs = pairs(c, "SELECT reader, thread_id FROM bench.thread_pairs ORDER BY n");
        List<String[]> replyPairs = pairs(c, "SELECT reader, thread_id FROM bench.reply_pairs ORDER BY n");
        if (feedPairs.isEmpty() || threadPairs.isEmpty() || replyPairs.isEmpty()) {
            throw new IllegalStateException("The data set is too small for the scenarios: no PUBLIC group with a full "
                    + "first page, no thread with replies, or no thread a reader may answer");
        }

        // Scenario 2: halfway down big groups' feeds, paged there through the API for a real cursor.
        List<DeepPage> deepPages = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT p.group_id, count(*) FROM posts p JOIN groups g ON g.id = p.group_id
                        WHERE p.parent_id IS NULL AND g.visibility = 'PUBLIC' AND g.archived_at IS NULL
                          AND (p.status = 'PUBLISHED' OR p.status = 'REMOVED' AND p.reply_count > 0)
                        GROUP BY p.group_id HAVING count(*) >= 40 ORDER BY md5(p.group_id::text) LIMIT %d"""
                        .formatted(DEEP_GROUPS))) {
            while (rs.next()) {
                UUID group = (UUID) rs.getObject(1);
                int depth = rs.getInt(2) / 2;
                deepPages.add(new DeepPage(group, cursorAfter(api, readers.get(0), group, depth), depth));
            }
        }
        if (deepPages.isEmpty()) {
            throw new IllegalStateException("The data set is too small for scenario 2: no group has 40 threads");
        }
        List<String[]> deepPairs = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            DeepPage page = deepPages.get(i % deepPages.size());
            deepPairs.add(new String[]{Integer.toString(i + 1), page.groupId().toString(), page.cursor()});
        }

        List<String> logins = strings(c,
                "SELECT email FROM accounts WHERE email LIKE '%@bench.kindred.test' ORDER BY random() LIMIT 1000");
        Description description = new Description(readers.size(),
                count(c, "SELECT count(DISTINCT group_id) FROM bench.feed_pairs"), deepPages.size(),
                deepPages.stream().mapToInt(DeepPage::depth).average().orElse(0),
                count(c, "SELECT count(DISTINCT thread_id) FROM bench.thread_pairs"),
                number(c, "SELECT avg(least(20, reply_count)) FROM bench.thread_pairs"), replyPairs.size());
        return new Fixtures(readers, feedPairs, deepPairs, threadPairs, replyPairs, logins, description);
    }

    Description description() {
        return description;
    }

    int feedPairs() {
        return feedPairs.size();
    }

    int threadPairs() {
        return threadPairs.size();
    }

    int replyPairs() {
        return replyPairs.size();
    }

    /** Refreshes every reader's tokens unless they stay valid for {@code needed} more (plus a minute of margin). */
    Fixtures refreshedFor(BenchApi api, Duration needed) throws Exception {
        Instant oldest = readers.stream().map(SignedIn::issuedAt).min(Instant::compareTo).orElseThrow();
        if (oldest.plus(ApiServer.ACCESS_TOKEN_TTL).isAfter(Instant.now().plus(needed).plusSeconds(60))) {
            return this;
        }
        List<SignedIn> refreshed = inParallel(readers, 8, api::refresh);
        return new Fixtures(refreshed, feedPairs, deepPairs, threadPairs, replyPairs, loginEmails, description);
    }

    /** The Gatling feeders with the readers' current tokens, by the names the simulations ask for. */
    Map<String, Path> writeFeeders(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("readers", csv(directory.resolve("readers.csv"), "token,groupId", feedPairs));
        files.put("deepPages", csv(directory.resolve("deep-pages.csv"), "token,groupId,cursor", deepPairs));
        files.put("threads", csv(directory.resolve("threads.csv"), "token,threadId", threadPairs));
        files.put("replies", csv(directory.resolve("replies.csv"), "token,threadId", replyPairs));
        Path logins = directory.resolve("logins.csv");
        Files.write(logins, concat("email", loginEmails));
        files.put("logins", logins);
        return files;
    }

    /** Pages down the feed with the largest pages the API allows until {@code depth} threads are behind. */
    private static String cursorAfter(BenchApi api, SignedIn reader, UUID group, int depth) throws Exception {
        String cursor = null;
        for (int behind = 0; behind < depth;) {
            int limit = Math.min(100, depth - behind);
            BenchApi.FeedPage page = api.feedPage(reader, group, limit, cursor);
            if (page.items() != limit || page.nextCursor() == null) {
                throw new IllegalStateException("Group " + group + " has fewer visible threads than counted");
            }
            behind += limit;
            cursor = page.nextCursor();
        }
        return cursor;
    }

    private Path csv(Path file, String header, List<String[]> pairs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] pair : pairs) {
            String token = readers.get(Integer.parseInt(pair[0]) - 1).accessToken();
            lines.add(token + "," + String.join(",", List.of(pair).subList(1, pair.length)));
        }
        Files.write(file, concat(header, lines));
        return file;
    }

    private static List<String> concat(String header, List<String> lines) {
        List<String> all = new ArrayList<>(lines.size() + 1);
        all.add(header);
        all.addAll(lines);
        return all;
    }

    private interface Call<T, R> {
        R apply(T input) throws Exception;
    }

    private static <T, R> List<R> inParallel(List<T> inputs, int threads, Call<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> call.apply(input)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static List<String[]> pairs(Connection c, String sql) throws SQLException {
        return rows(c, sql, rs -> new String[]{rs.getString(1), rs.getString(2)});
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        return rows(c, sql, rs -> rs.getString(1));
    }

    private static <T> List<T> rows(Connection c, String sql, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(row.read(rs));
            }
        }
        return rows;
    }

    static String text(Connection c, String sql) throws SQLException {
        return strings(c, sql).get(0);
    }

    static int count(Connection c, String sql) throws SQLException {
        return (int) number(c, sql);
    }

    static double number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
