package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures the crisis level against the labelled evaluation sets: prints precision and recall per language and
 * class, the confusion matrices and every miss, and holds each language to floors it actually achieves. Plain JUnit:
 * no application is started.
 *
 * <ul>
 * <li>Development sets ({@code src/test/resources/safety/eval}, {@code LABEL<TAB>text}): tuned on, so the floors
 * are high.</li>
 * <li>Blind round 1 ({@code safety/blind/round-1}, {@code expected<TAB>category<TAB>text}): written by someone who
 * never saw the lexicons, measured before any change (see RESULTS.md there), then misses fixed by generalising;
 * floors hold what was reached.</li>
 * <li>Blind rounds 2, 3 and 4 ({@code safety/blind/round-2} to {@code round-4}): held out until 2026-12-06, then read
 * as development data for the concept layer (see RESULTS.md and {@link SafetyDevelopmentReportTest}), so their
 * numbers are optimistic now. Only printed, never a floor; a round nobody has read is the honest measure.</li>
 * <li>Round 5 ({@code safety/blind/round-5}): held out until it had measured the tuning on rounds 1-4, then read and
 * tuned on as well (2026-12-06). Only printed, like rounds 2-4.</li>
 * <li>Rounds 6 to 15 ({@code safety/blind/round-6} to {@code round-15}): each measured one version of the crisis
 * model (or a lexicon change) while held out (2026-12-07 and 12-08), then joined its training sets (rounds 6 to 12 in
 * model version 4, rounds 13 to 15 in version 6, see {@link LabelledSet#TRAINING}); rounds 10 and 13 to 15 were also
 * read, and their misses led to the transliteration layer and to lexicon phrases. Scored here by a model trained
 * without each, with per-language floors as regression guards.</li>
 * <li>Round 16 ({@code src/test/resources/safety/blind/round-16}): written after rounds 13 to 15 were spent, before
 * any change it measures; it measured model version 6 and the concepts drawn from rounds 14 and 15, then was read for
 * concepts (not training data). Only its numbers are printed, never its sentences.</li>
 * <li>Round 17 ({@code src/test/resources/safety/blind/round-17}): written after round 16 had measured version 6,
 * held out from every change; it measured the concepts drawn from round 16.</li>
 * <li>Round 18 ({@code src/test/resources/safety/blind/round-18}): written for a model version 7 that was dropped
 * before scoring; held out and not yet scored.</li>
 * </ul>
 */
class SafetyEvaluationTest {

    /** Languages with a large development set; the five added in 2026-12 have smaller ones so far. */
    static final List<String> LARGE_SETS = List.of("en", "es", "fr", "de", "pt");
    static final int MIN_SENTENCES_LARGE = 300;
    static final int MIN_SENTENCES = 50;
    static final double MIN_URGENT_RECALL = 0.95;
    static final double MIN_URGENT_PRECISION = 0.85;
    static final double MIN_CONCERN_RECALL = 0.90;

    /** Floors on blind round 1, per language, as reached after its misses were fixed (RESULTS.md). */
    static final double MIN_ROUND1_URGENT_RECALL = 0.90;
    static final double MIN_ROUND1_URGENT_PRECISION = 0.85;
    static final double MIN_ROUND1_CONCERN_RECALL = 0.80;

    /**
     * Floors on rounds 6 to 12 scored by a model trained without each, per language, just below what they reach
     * (lowest URGENT recall 0.35, uk round 7; lowest CONCERN found 0.60; 2026-12-07): regression guards, far from the
     * issue's targets. A change to the model that loses what it generalises fails here.
     */
    static final double MIN_HELD_OUT_URGENT_RECALL = 0.30;
    static final double MIN_HELD_OUT_CONCERN_FOUND = 0.55;

    record Example(CrisisLevel label, String category, String text) {
    }

    /** Rows are labels, columns are what the check said, both in CrisisLevel order. */
    record Result(String language, int[][] confusion, List<String> misses, Map<String, int[]> categories) {

        int total() {
            int n = 0;
            for (int[] row : confusion) {
                for (int c : row) {
                    n += c;
                }
            }
            return n;
        }

        double precision(CrisisLevel level) {
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[level.ordinal()];
            }
            return predicted == 0 ? 1.0 : (double) confusion[level.ordinal()][level.ordinal()] / predicted;
        }

        double recall(CrisisLevel level) {
            int actual = 0;
            for (int c : confusion[level.ordinal()]) {
                actual += c;
            }
            return actual == 0 ? 1.0 : (double) confusion[level.ordinal()][level.ordinal()] / actual;
        }

        /** CONCERN sentences that got CONCERN or URGENT: the writer is offered help either way. */
        double concernFound() {
            int[] row = confusion[CrisisLevel.CONCERN.ordinal()];
            int actual = row[0] + row[1] + row[2];
            return actual == 0 ? 1.0 : (double) (row[1] + row[2]) / actual;
        }
    }

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    /** The examples of a resource, or none when it does not exist (a blind round without this language). */
    static List<Example> examples(String resource) {
        return LabelledSet.read(resource).stream().map(l -> new Example(l.label(),
                l.category() == null ? null : l.label() + "/" + l.category(), l.text())).toList();
    }

    static Result evaluate(String language, String resource) {
        return evaluate(check, language, resource);
    }

    static Result evaluate(SafetyCheck check, String language, String resource) {
        int[][] confusion = new int[CrisisLevel.values().length][CrisisLevel.values().length];
        List<String> misses = new ArrayList<>();
        Map<String, int[]> categories = new TreeMap<>();
        for (Example example : examples(resource)) {
            CrisisLevel got = check.assess(example.text(), null).crisis();
            confusion[example.label().ordinal()][got.ordinal()]++;
            if (example.category() != null) {
                // a hit: URGENT as URGENT, CONCERN as CONCERN or URGENT, NONE as NONE
                boolean hit = example.label() == CrisisLevel.CONCERN ? got != CrisisLevel.NONE : got == example.label();
                int[] counts = categories.computeIfAbsent(example.category(), k -> new int[2]);
                counts[0] += hit ? 1 : 0;
                counts[1]++;
            }
            if (got != example.label()) {
                misses.add(String.format(Locale.ROOT, "  %-7s -> %-7s %s", example.label(), got, example.text()));
            }
        }
        return new Result(language, confusion, misses, categories);
    }

    static List<Result> evaluateAll(String folder) {
        return evaluateAll(check, folder);
    }

    static List<Result> evaluateAll(SafetyCheck check, String folder) {
        return SafetyCheck.LANGUAGES.stream().map(l -> evaluate(check, l, folder + "/" + l + ".tsv"))
                .filter(r -> r.total() > 0).toList();
    }

    /** The crisis model trained on every training set but {@code folder}: that folder is unseen by it. */
    static CrisisModel modelWithout(String folder) {
        List<String> training = LabelledSet.TRAINING.stream().filter(f -> !f.equals(folder)).toList();
        return CrisisModel.train(LabelledSet.load(training).stream().map(CrisisModel.Example::of).toList(),
                CrisisModel.Settings.DEFAULT);
    }

    static String report(String title, List<Result> results) {
        return report(title, results, true);
    }

    /** The table, the confusion matrices and, if {@code withMisses}, every miss. */
    static String report(String title, List<Result> results, boolean withMisses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== %s%n%-4s %5s | %-17s | %-17s | %-17s | %s%n", title, "lang", "n",
                "NONE  P / R", "CONCERN  P / R", "URGENT  P / R", "CONCERN found"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-4s %5d |", r.language(), r.total()));
            for (CrisisLevel level : CrisisLevel.values()) {
                out.append(String.format(Locale.ROOT, "   %.3f / %.3f |", r.precision(level), r.recall(level)));
            }
            out.append(String.format(Locale.ROOT, "   %.3f%n", r.concernFound()));
        }
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%nConfusion matrix %s (rows: label, columns: assessed)%n%-8s",
                    r.language(), ""));
            for (CrisisLevel level : CrisisLevel.values()) {
                out.append(String.format(Locale.ROOT, "%8s", level));
            }
            out.append('\n');
            for (CrisisLevel label : CrisisLevel.values()) {
                out.append(String.format(Locale.ROOT, "%-8s", label));
                for (CrisisLevel got : CrisisLevel.values()) {
                    out.append(String.format(Locale.ROOT, "%8d", r.confusion()[label.ordinal()][got.ordinal()]));
                }
                out.append('\n');
            }
            if (withMisses && !r.misses().isEmpty()) {
                out.append("Misses (label -> assessed):\n");
                r.misses().forEach(m -> out.append(m).append('\n'));
            }
        }
        Map<String, int[]> categories = new TreeMap<>();
        for (Result r : results) {
            r.categories().forEach((category, counts) -> {
                int[] all = categories.computeIfAbsent(category, k -> new int[2]);
                all[0] += counts[0];
                all[1] += counts[1];
            });
        }
        if (!categories.isEmpty()) {
            out.append(
                    "\nPer category, all languages (hit: URGENT as URGENT, CONCERN as CONCERN or URGENT, NONE as NONE)\n");
            categories.forEach((category, counts) -> out.append(String.format(Locale.ROOT, "%-36s %3d/%3d  %.2f%n",
                    category, counts[0], counts[1], (double) counts[0] / counts[1])));
        }
        return out.toString();
    }

    @Test
    void urgentLanguageIsFoundInEveryLanguageWithoutCryingWolf() {
        List<Result> results = evaluateAll("safety/eval");
        System.out.println(report("Development sets", results));
        assertEquals(SafetyCheck.LANGUAGES.size(), results.size(), "every language has a development set");
        for (Result r : results) {
            int min = LARGE_SETS.contains(r.language()) ? MIN_SENTENCES_LARGE : MIN_SENTENCES;
            assertTrue(r.total() >= min, r.language() + ": only " + r.total() + " labelled sentences");
            assertTrue(r.recall(CrisisLevel.URGENT) >= MIN_URGENT_RECALL,
                    r.language() + ": URGENT recall " + r.recall(CrisisLevel.URGENT));
            assertTrue(r.precision(CrisisLevel.URGENT) >= MIN_URGENT_PRECISION,
                    r.language() + ": URGENT precision " + r.precision(CrisisLevel.URGENT));
            assertTrue(r.concernFound() >= MIN_CONCERN_RECALL,
                    r.language() + ": CONCERN found " + r.concernFound());
        }
    }

    @Test
    void blindRoundOneHoldsTheFloorsItReached() {
        List<Result> results = evaluateAll("safety/blind/round-1");
        System.out.println(report("Blind round 1 (fixed after measuring; see RESULTS.md)", results));
        for (Result r : results) {
            assertTrue(r.recall(CrisisLevel.URGENT) >= MIN_ROUND1_URGENT_RECALL,
                    r.language() + ": round-1 URGENT recall " + r.recall(CrisisLevel.URGENT));
            assertTrue(r.precision(CrisisLevel.URGENT) >= MIN_ROUND1_URGENT_PRECISION,
                    r.language() + ": round-1 URGENT precision " + r.precision(CrisisLevel.URGENT));
            assertTrue(r.concernFound() >= MIN_ROUND1_CONCERN_RECALL,
                    r.language() + ": round-1 CONCERN found " + r.concernFound());
        }
    }

    @Test
    void blindRoundTwoIsOnlyReported() {
        // The held-out round: its numbers are printed, its sentences are not (reading the misses invites tuning on
        // them), and it sets no floor.
        System.out.println(report("Blind round 2 (read as development data since 2026-12-06; misses not shown)",
                evaluateAll("safety/blind/round-2"), false));
    }

    @Test
    void blindRoundThreeIsOnlyReported() {
        // Written on 2026-12-06 by a helper who saw no lexicon and no earlier round, before the concept layer was
        // merged: held out like round 2.
        System.out.println(report("Blind round 3 (read as development data since 2026-12-06; misses not shown)",
                evaluateAll("safety/blind/round-3"), false));
    }

    @Test
    void blindRoundFourIsOnlyReported() {
        // Written on 2026-12-06 by another helper who saw no lexicon, no code and no earlier round, each language on
        // its own: held out like rounds 2 and 3, measured before and after the concept layer.
        System.out.println(report("Blind round 4 (read as development data since 2026-12-06; misses not shown)",
                evaluateAll("safety/blind/round-4"), false));
    }

    @Test
    void readRoundFiveIsOnlyReported() {
        // Written on 2026-12-06 by a helper who never opened the repository, after rounds 1-4 had been read and tuned
        // on: held out until it measured that tuning (RESULTS.md), then released, read and tuned on (2026-12-06,
        // issue 15), so its numbers are optimistic now. Only printed, never a floor; the honest measure is round 6.
        System.out.println(report("Round 5 (read as development data since 2026-12-06; misses not shown)",
                evaluateAll("safety/blind/round-5"), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"safety/blind/round-6", "safety/blind/round-7", "safety/blind/round-8",
            "safety/blind/round-9", "safety/blind/round-10", "safety/blind/round-11", "safety/blind/round-12",
            "safety/blind/round-13", "safety/blind/round-14",
            "safety/blind/round-15"})
    void roundsSixToFifteenAreMeasuredByAModelTrainedWithoutEach(String round) {
        // Rounds 6 to 15 measured the engine while held out (RESULTS.md), then joined the model's training sets. Each
        // is still scored here by the lexicons alone and by the lexicons with a model trained on everything but it
        // (rounds 6 to 8: the folds on which the thresholds were chosen). Misses are never printed.
        assertTrue(LabelledSet.TRAINING.contains(round), round + " is training data now");
        System.out.println(report(round + ", lexicons alone", evaluateAll(new SafetyCheck(CrisisModel.silent()), round),
                false));
        List<Result> results = evaluateAll(new SafetyCheck(modelWithout(round)), round);
        System.out.println(report(round + ", lexicons and a model trained without it", results, false));
        for (Result r : results) {
            assertTrue(r.recall(CrisisLevel.URGENT) >= MIN_HELD_OUT_URGENT_RECALL,
                    r.language() + " " + round + " URGENT recall " + r.recall(CrisisLevel.URGENT));
            assertTrue(r.concernFound() >= MIN_HELD_OUT_CONCERN_FOUND,
                    r.language() + " " + round + " CONCERN found " + r.concernFound());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"round-16", "round-17"})
    void heldOutRoundsAreOnlyReported(String round) {
        // Written on 2026-12-08 by five helpers each (language pairs no earlier round used) who never opened the
        // repository or any earlier round, half of their posts long; never training data. Round 16 measured model
        // version 6 and was then read for concepts; round 17, held out from every change, measured those (RESULTS.md).
        // Numbers only, never misses.
        assertTrue(LabelledSet.TRAINING.stream().noneMatch(folder -> folder.endsWith(round)),
                round + " is held out: it must not be training data while it is the honest measure");
        String folder = "safety/blind/" + round;
        List<Result> alone = evaluateAll(new SafetyCheck(CrisisModel.silent()), folder);
        assertEquals(600, alone.stream().mapToInt(Result::total).sum(), round + " holds 60 posts per language");
        System.out.println(report("Blind " + round + ", lexicons alone", alone, false));
        System.out.println(report("Blind " + round + ", lexicons and the model (never saw it)", evaluateAll(folder),
                false));
    }

    @Test
    void roundEighteenIsHeldOutUnscored() {
        // Written on 2026-12-08 for a model version 7 that was dropped before it was scored (RESULTS.md): nothing has
        // measured it yet, so it is neither assessed nor printed here, only held to its shape. The next change is
        // measured on it, against a bar committed before scoring.
        String round = "round-18";
        assertTrue(LabelledSet.TRAINING.stream().noneMatch(folder -> folder.endsWith(round)), round + " is held out");
        int posts = SafetyCheck.LANGUAGES.stream()
                .mapToInt(language -> LabelledSet.read("safety/blind/" + round + "/" + language + ".tsv").size()).sum();
        assertEquals(600, posts, round + " holds 60 posts per language");
    }
}
