package org.kindred.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Prints blind rounds 1 to 5 as development data, in the tables of {@code safety/blind/RESULTS.md}: per language
 * (URGENT recall and precision, CONCERN found, NONE kept) and per category, round by round and all five together.
 * These rounds have been read and tuned on since 2026-12-06 (round 5 since its release later that day), so their
 * numbers are optimistic; the honest measure is a round nobody has read. Asserts nothing; with {@code -Dsafety.misses=true} it also prints every miss, and
 * {@link #main} runs it without JUnit.
 */
class SafetyDevelopmentReportTest {

    static final List<String> ROUNDS = List.of("round-1", "round-2", "round-3", "round-4", "round-5");

    @Test
    void printsRoundsOneToFiveAsDevelopmentData() {
        System.out.println(report(Boolean.getBoolean("safety.misses")));
    }

    public static void main(String[] args) {
        System.out.println(report(args.length > 0 && args[0].equals("misses")));
    }

    static String report(boolean misses) {
        SafetyEvaluationTest.check = new SafetyCheck();
        StringBuilder out = new StringBuilder();
        List<SafetyEvaluationTest.Result> all = new ArrayList<>();
        for (String round : ROUNDS) {
            List<SafetyEvaluationTest.Result> results = SafetyEvaluationTest.evaluateAll("safety/blind/" + round);
            out.append(table(round, results));
            all.addAll(results);
            if (misses) {
                results.forEach(r -> r.misses().forEach(m -> out.append(r.language()).append(m).append('\n')));
            }
        }
        out.append(totals(all));
        out.append(categories(all));
        out.append(String.format(Locale.ROOT, "p50 per check: %.1f µs%n", medianMicros()));
        return out.toString();
    }

    private static String table(String round, List<SafetyEvaluationTest.Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n### %s%n%n", round));
        out.append("| lang | n | URGENT recall | URGENT precision | CONCERN found (CONCERN or URGENT) | NONE kept |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (SafetyEvaluationTest.Result r : results) {
            int[] urgent = r.confusion()[CrisisLevel.URGENT.ordinal()];
            int[] concern = r.confusion()[CrisisLevel.CONCERN.ordinal()];
            int urgentN = urgent[0] + urgent[1] + urgent[2];
            int concernN = concern[0] + concern[1] + concern[2];
            out.append(String.format(Locale.ROOT, "| %s | %d | %.3f (%d/%d) | %.3f | %.3f (%d/%d) | %.3f |%n",
                    r.language(), r.total(), r.recall(CrisisLevel.URGENT), urgent[2], urgentN,
                    r.precision(CrisisLevel.URGENT), r.concernFound(), concern[1] + concern[2], concernN,
                    r.recall(CrisisLevel.NONE)));
        }
        return out.toString();
    }

    /** URGENT, CONCERN and NONE hits of all the rounds, per language. */
    private static String totals(List<SafetyEvaluationTest.Result> all) {
        Map<String, int[]> byLanguage = new TreeMap<>();
        for (SafetyEvaluationTest.Result r : all) {
            int[] sum = byLanguage.computeIfAbsent(r.language(), k -> new int[7]);
            int[][] c = r.confusion();
            sum[0] += c[2][2];
            sum[1] += c[2][0] + c[2][1] + c[2][2];
            sum[2] += c[1][1] + c[1][2];
            sum[3] += c[1][0] + c[1][1] + c[1][2];
            sum[4] += c[0][0];
            sum[5] += c[0][0] + c[0][1] + c[0][2];
            sum[6] += c[0][2] + c[1][2];
        }
        StringBuilder out = new StringBuilder("\n### Rounds 1-5 together\n\n");
        out.append("| lang | URGENT found | URGENT precision | CONCERN found | NONE kept |\n|---|---|---|---|---|\n");
        int[] total = new int[7];
        byLanguage.forEach((language, s) -> {
            out.append(row(language, s));
            for (int i = 0; i < s.length; i++) {
                total[i] += s[i];
            }
        });
        out.append(row("all", total));
        return out.toString();
    }

    private static String row(String language, int[] s) {
        return String.format(Locale.ROOT, "| %s | %d/%d (%.3f) | %.3f | %d/%d (%.3f) | %d/%d (%.3f) |%n", language,
                s[0], s[1], (double) s[0] / s[1], (double) s[0] / (s[0] + s[6]), s[2], s[3], (double) s[2] / s[3],
                s[4], s[5], (double) s[4] / s[5]);
    }

    private static String categories(List<SafetyEvaluationTest.Result> all) {
        Map<String, int[]> categories = new TreeMap<>();
        for (SafetyEvaluationTest.Result r : all) {
            r.categories().forEach((category, counts) -> {
                int[] sum = categories.computeIfAbsent(category, k -> new int[2]);
                sum[0] += counts[0];
                sum[1] += counts[1];
            });
        }
        StringBuilder out = new StringBuilder("\nPer category, rounds 1-5, all languages:\n\n```\n");
        categories.forEach((category, counts) -> out.append(String.format(Locale.ROOT, "%-36s %4d/%4d  %.2f%n",
                category, counts[0], counts[1], (double) counts[0] / counts[1])));
        return out.append("```\n").toString();
    }

    /** The median time of one check over every sentence of the rounds, after a warm-up (printed, never asserted). */
    private static double medianMicros() {
        List<String> texts = new ArrayList<>();
        for (String round : ROUNDS) {
            for (String language : SafetyCheck.LANGUAGES) {
                SafetyEvaluationTest.examples("safety/blind/" + round + "/" + language + ".tsv")
                        .forEach(e -> texts.add(e.text()));
            }
        }
        for (int i = 0; i < 3; i++) {
            texts.forEach(t -> SafetyEvaluationTest.check.assess(t, null));
        }
        long[] nanos = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long start = System.nanoTime();
            SafetyEvaluationTest.check.assess(texts.get(i), null);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1000.0;
    }
}
