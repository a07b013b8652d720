package org.kindred.journal;

import static org.hamcrest.Matchers.containsString;
import static org.kindred.journal.JournalPassphraseTest.SECRET;
import static org.kindred.journal.JournalPassphraseTest.with;
import static org.kindred.support.Problems.assertProblem;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Wrong journal passphrases count against the PASSWORD rate limit (here 2 per account per hour): after them even the
 * right passphrase gets 429, so guessing stops; the member's own correct uses never count.
 */
@QuarkusTest
@TestProfile(JournalPassphraseThrottleTest.LowPasswordLimit.class)
class JournalPassphraseThrottleTest {

    public static class LowPasswordLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kindred.rate-limit.classes.password.per-ip", "5",
                    "kindred.rate-limit.classes.password.per-account", "2");
        }
    }

    /**
     * Before and after: the shared buckets live in PostgreSQL and keep the low limits they were made with, so a bucket
     * this class ran down would throttle the next test class that runs on the same database.
     */
    @BeforeEach
    @AfterEach
    void emptySharedBuckets() {
        Api.sql("DELETE FROM rate_limit_buckets");
    }

    @Test
    void wrongPassphrasesAreThrottledLikePasswordsAndThenEvenTheRightOneWaits() {
        TestAccount member = Api.register("jpthr");
        Api.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'password-ip:%' OR id LIKE 'register-ip:%'");
        String id = Journals.createId(member, "Guess this if you can");
        JournalPassphraseTest.protect(member, SECRET);
        String entry = Journals.ENTRIES + "/" + id;
        for (int i = 0; i < 4; i++) {
            with(member, SECRET).get(entry).then().statusCode(200); // correct uses cost nothing
        }
        for (int i = 0; i < 2; i++) {
            assertProblem(with(member, "guess number " + i).get(entry).then(), 401, "wrong-journal-passphrase");
        }
        assertProblem(with(member, "guess number 2").get(entry).then(), 429, "rate-limited")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", containsString("\"password-account\""));
        assertProblem(with(member, SECRET).get(entry).then(), 429, "rate-limited");
        // The passphrase change and removal are guarded by the same limit.
        assertProblem(Api.as(member).body(JournalPassphraseTest.set("a brand new passphrase", SECRET))
                .put(JournalPassphraseTest.PASSPHRASE).then(), 429, "rate-limited");
        assertProblem(with(member, SECRET).delete(JournalPassphraseTest.PASSPHRASE).then(), 429, "rate-limited");
        // Without a passphrase nothing is guessed: the summary still answers.
        Api.as(member).get(JournalPassphraseTest.JOURNAL).then().statusCode(200);
    }
}
