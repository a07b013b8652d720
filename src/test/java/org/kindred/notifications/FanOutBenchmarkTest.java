package org.kindred.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kindred.bench.DataGenerator;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A measurement, printed and never asserted (the machine decides the number): what a reply costs when its thread has
 * 1,000 followers, against the same reply to a thread with one follower. Delivery is one set-based statement in the
 * reply's transaction, so the difference is that statement's cost. Runs only when asked,
 * {@code ./mvnw -o verify -Dtest=FanOutBenchmarkTest -Dkindred.bench=true}, on a quiet machine; it proves as well
 * that every follower got the notification.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "kindred.bench", matches = "true")
class FanOutBenchmarkTest {

    static final int FOLLOWERS = 1000;
    static final int REPLIES = 40;

    @Test
    void aReplyToAThreadWithAThousandFollowersIsTimedAgainstOneWithOne() {
        String tag = "fo" + UUID.randomUUID().toString().substring(0, 4);
        try {
            DataGenerator.generate(Api.dataSource(), new DataGenerator.Size(1, FOLLOWERS + 10, 1, tag));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        TestAccount author = Api.register("foauth");
        TestAccount replier = Api.register("forep");
        Groups.TestGroup group = Groups.create(author, "PUBLIC");
        Groups.join(replier, group);
        UUID busy = Posts.post(author, group, "A thread many follow");
        UUID quiet = Posts.post(author, group, "A thread only its author follows");
        Api.sql("INSERT INTO thread_subscriptions (account_id, thread_id, mode, created_at) SELECT id, ?, 'FOLLOW', "
                + "now() FROM accounts WHERE handle LIKE ? ORDER BY handle LIMIT " + FOLLOWERS, busy, tag + "\\_%");
        long followers = Api.count("SELECT count(*) FROM thread_subscriptions WHERE thread_id = ?", busy);

        // Warm up both paths, then alternate so both see the same machine.
        for (int i = 0; i < 5; i++) {
            Posts.reply(replier, quiet, "warm-up " + i);
            Posts.reply(replier, busy, "warm-up " + i);
        }
        List<Double> quietMs = new ArrayList<>();
        List<Double> busyMs = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            quietMs.add(timed(() -> Posts.reply(replier, quiet, "quiet reply")));
            busyMs.add(timed(() -> Posts.reply(replier, busy, "busy reply")));
        }
        long last = Api.count("SELECT count(*) FROM notifications WHERE thread_id = ? AND kind = 'REPLY'", busy);
        System.out.printf("BENCH fan-out: %d followers; reply to a thread with 1 follower p50 %.1f ms p90 %.1f ms; "
                + "with %d followers p50 %.1f ms p90 %.1f ms; fan-out cost p50 %.1f ms per reply; %d notifications%n",
                followers, pct(quietMs, 50), pct(quietMs, 90), followers, pct(busyMs, 50), pct(busyMs, 90),
                pct(busyMs, 50) - pct(quietMs, 50), last);
        assertEquals(followers + 1, Api.count("SELECT count(DISTINCT recipient_id) FROM notifications "
                + "WHERE thread_id = ? AND kind = 'REPLY'", busy), "every follower (and the author) was told");
    }

    private static double timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
