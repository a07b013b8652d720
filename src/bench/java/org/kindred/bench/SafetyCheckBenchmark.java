package org.kindred.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.kindred.safety.SafetyCheck;

/**
 * Micro-benchmark of the safety check alone (issue 15's target: a 2,000-character post in under 1 ms at p99 on one
 * core). Posts of 2,000 characters are assembled from the development sets' sentences of every language, mixed
 * (members mix languages, and every lexicon runs on every text), then each call is timed on one thread after a
 * warm-up. Compiled only with {@code -Pbench}; a benchmark, never a test:
 *
 * <pre>
 * ./mvnw -o -B -Pbench test-compile exec:java -Dexec.mainClass=org.kindred.bench.SafetyCheckBenchmark \
 *     -Dexec.classpathScope=test [-Dbench.safety.calls=50000]
 * taskset -c 0 java ... (to pin it to one core, run the class with the test class path by hand)
 * </pre>
 */
public final class SafetyCheckBenchmark {

    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "ar", "tr", "pl", "uk", "ru");
    static final int POST_LENGTH = 2_000;

    private SafetyCheckBenchmark() {
    }

    public static void main(String[] args) {
        int calls = Integer.getInteger("bench.safety.calls", 50_000);
        int warmUp = Integer.getInteger("bench.safety.warmUp", 20_000);
        long started = System.nanoTime();
        SafetyCheck check = new SafetyCheck();
        System.out.printf(Locale.ROOT, "lexicons loaded in %.0f ms%n", (System.nanoTime() - started) / 1e6);
        Random random = new Random(15);
        List<String> sentences = new ArrayList<>();
        for (String language : LANGUAGES) {
            sentences.addAll(sentences("safety/eval/" + language + ".tsv"));
        }
        String[] mixed = posts(sentences, random, 500);
        report("2,000-character posts, all languages mixed", check, mixed, warmUp, calls);
        for (String language : List.of("en", "ar", "ru")) {
            report("2,000-character posts, " + language + " only", check,
                    posts(sentences("safety/eval/" + language + ".tsv"), random, 200), warmUp / 4, calls / 4);
        }
    }

    static void report(String title, SafetyCheck check, String[] posts, int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            check.assess(posts[i % posts.length], null);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            String post = posts[i % posts.length];
            long t0 = System.nanoTime();
            check.assess(post, null);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-45s %6d calls  p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n",
                title, calls, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[calls - 1] / 1e6);
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Posts of about {@link #POST_LENGTH} characters, each a random run of sentences cut at that length. */
    static String[] posts(List<String> sentences, Random random, int count) {
        String[] posts = new String[count];
        for (int p = 0; p < count; p++) {
            StringBuilder post = new StringBuilder(POST_LENGTH + 200);
            while (post.length() < POST_LENGTH) {
                post.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            posts[p] = post.substring(0, POST_LENGTH);
        }
        return posts;
    }

    static List<String> sentences(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = SafetyCheckBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    out.add(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
