package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the crisis level against the labelled evaluation set ({@code src/test/resources/safety/eval}): prints
 * precision and recall per language and class, the confusion matrices and every miss, and holds URGENT to a recall
 * of at least 0.95 and a precision of at least 0.85 in every language. Plain JUnit: no application is started.
 */
class SafetyEvaluationTest {

    static final int MIN_SENTENCES = 300;
    static final double MIN_URGENT_RECALL = 0.95;
    static final double MIN_URGENT_PRECISION = 0.85;

    record Example(CrisisLevel label, String text) {
    }

    /** Rows are labels, columns are what the check said, both in CrisisLevel order. */
    record Result(String language, int[][] confusion, List<String> misses) {

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
    }

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    static List<Example> examples(String language) {
        List<Example> examples = new ArrayList<>();
        String resource = "safety/eval/" + language + ".tsv";
        try (InputStream in = SafetyEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(resource + ":" + number + ": expected LABEL<TAB>text");
                }
                examples.add(new Example(CrisisLevel.valueOf(line.substring(0, tab).trim()),
                        line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return examples;
    }

    static Result evaluate(String language) {
        int[][] confusion = new int[CrisisLevel.values().length][CrisisLevel.values().length];
        List<String> misses = new ArrayList<>();
        for (Example example : examples(language)) {
            CrisisLevel got = check.assess(example.text(), null).crisis();
            confusion[example.label().ordinal()][got.ordinal()]++;
            if (got != example.label()) {
                misses.add(String.format(Locale.ROOT, "  %-7s -> %-7s %s", example.label(), got, example.text()));
            }
        }
        return new Result(language, confusion, misses);
    }

    static String report(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-4s %5s | %-17s | %-17s | %-17s%n", "lang", "n", "NONE  P / R",
                "CONCERN  P / R", "URGENT  P / R"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-4s %5d |", r.language(), r.total()));
            for (CrisisLevel level : CrisisLevel.values()) {
                out.append(String.format(Locale.ROOT, "   %.3f / %.3f |", r.precision(level), r.recall(level)));
            }
            out.append('\n');
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
            if (!r.misses().isEmpty()) {
                out.append("Misses (label -> assessed):\n");
                r.misses().forEach(m -> out.append(m).append('\n'));
            }
        }
        return out.toString();
    }

    @Test
    void urgentLanguageIsFoundInEveryLanguageWithoutCryingWolf() {
        List<Result> results = SafetyCheck.LANGUAGES.stream().map(SafetyEvaluationTest::evaluate).toList();
        System.out.println(report(results));
        for (Result r : results) {
            assertTrue(r.total() >= MIN_SENTENCES, r.language() + ": only " + r.total() + " labelled sentences");
            assertTrue(r.recall(CrisisLevel.URGENT) >= MIN_URGENT_RECALL,
                    r.language() + ": URGENT recall " + r.recall(CrisisLevel.URGENT));
            assertTrue(r.precision(CrisisLevel.URGENT) >= MIN_URGENT_PRECISION,
                    r.language() + ": URGENT precision " + r.precision(CrisisLevel.URGENT));
        }
    }
}
