package org.kindred.posts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.platform.paging.Direction;

/**
 * The benchmark's yardstick runs, with pgbench, the SQL the API runs (src/bench/pgbench, README "Performance"). Its
 * scripts copy PostRepository's native queries; this test fails when the code changes and the scripts do not, so the
 * benchmark never compares the API with yesterday's SQL. Parameter names and line breaks may differ.
 */
class BenchmarkSqlTest {

    private static final Path SCRIPTS = Path.of("src/bench/pgbench");

    private final PostRepository posts = new PostRepository();

    @Test
    void feedScriptRunsTheFeedQuery() throws IOException {
        assertRuns("feed-first-page.sql",
                posts.feedQuery(UUID.randomUUID(), UUID.randomUUID(), PostRepository.Sort.NEW, Direction.AFTER, null,
                        21).sql());
    }

    @Test
    void threadPageScriptRunsThePostAndRepliesQueries() throws IOException {
        assertRuns("thread-page.sql", PostRow.COLUMNS + " WHERE p.id = :id");
        assertRuns("thread-page.sql",
                posts.repliesQuery(UUID.randomUUID(), UUID.randomUUID(), Direction.AFTER, null, 21).sql());
    }

    @Test
    void replyScriptReadsThreadAndReplyAsTheServiceDoes() throws IOException {
        assertRuns("create-reply.sql", PostRow.COLUMNS + " WHERE p.id = :id");
    }

    private static void assertRuns(String script, String sql) throws IOException {
        String text = normalized(Files.readString(SCRIPTS.resolve(script)));
        assertTrue(text.contains(normalized(sql)),
                () -> script + " does not contain the statement the code runs now; update it from:\n" + sql);
    }

    /** One space for any whitespace, and every parameter (:name, not a :: cast) written as :? */
    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").replaceAll("(?<!:):[A-Za-z_]\\w*", ":?");
    }
}
