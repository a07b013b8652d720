package org.kindred.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses the crisis model's settings and thresholds on folds that are honest for both halves of the check: each
 * named training folder (by default blind rounds 6 to 8, which no lexicon change was ever tuned on) is scored by the
 * full check, today's lexicons with a model trained on every other folder, at a grid of thresholds. A development
 * tool, not a test (the held-out round never appears here):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(deps) org.kindred.safety.CrisisModelCrossValidation \
 *     [-Dfolds=safety/blind/round-6,safety/blind/round-7] [epochs step l2]
 * </pre>
 *
 * The first thresholds (URGENT 0.5, care 0.8) were chosen the same way on round 5, with the lexicon levels of 80ddfd6
 * (before round 5 was tuned on) read from a file; the guard for uncorroborated levels (CrisisModel.ALONE_AT) on these
 * folds and on the test suite's ordinary post texts.
 */
final class CrisisModelCrossValidation {

    static final double[] URGENT_AT = {
            Double.parseDouble(System.getProperty("u", String.valueOf(CrisisModel.URGENT_AT)))};
    static final double[] CARE_AT = {Double.parseDouble(System.getProperty("c", String.valueOf(CrisisModel.CARE_AT)))};

    private CrisisModelCrossValidation() {
    }

    public static void main(String[] args) {
        CrisisModel.Settings settings = args.length >= 3
                ? new CrisisModel.Settings(Integer.parseInt(args[0]), Float.parseFloat(args[1]),
                        Float.parseFloat(args[2]), 15L)
                : CrisisModel.Settings.DEFAULT;
        List<String> folds = List
                .of(System.getProperty("folds", "safety/blind/round-6,safety/blind/round-7,safety/blind/round-8")
                        .split(","));
        Map<String, int[][][]> confusions = new TreeMap<>();
        for (String fold : folds) {
            CrisisModel model = train(fold, settings);
            for (double urgent : URGENT_AT) {
                for (double care : CARE_AT) {
                    SafetyCheck check = new SafetyCheck(model.at(urgent, care));
                    int[][][] c = confusions.computeIfAbsent(
                            String.format(Locale.ROOT, "%.2f %.2f", urgent, care), k -> new int[11][3][3]);
                    score(check, fold, c);
                }
            }
        }
        System.out.println(report(confusions));
    }

    static CrisisModel train(String heldOut, CrisisModel.Settings settings) {
        List<String> training = LabelledSet.TRAINING.stream().filter(f -> !f.equals(heldOut)).toList();
        return CrisisModel.train(LabelledSet.load(training).stream().map(CrisisModel.Example::of).toList(),
                settings);
    }

    /** Adds the fold's confusion per language (index 0-9) and over all (index 10). */
    static void score(SafetyCheck check, String fold, int[][][] confusion) {
        for (int l = 0; l < SafetyCheck.LANGUAGES.size(); l++) {
            for (LabelledSet.Line line : LabelledSet.read(fold + "/" + SafetyCheck.LANGUAGES.get(l) + ".tsv")) {
                CrisisLevel got = check.assess(line.text(), null).crisis();
                if (Boolean.getBoolean("misses") && got != line.label() && got == CrisisLevel.URGENT) {
                    System.out.println("FALSE URGENT " + line.label() + "/" + line.category() + " "
                            + SafetyCheck.LANGUAGES.get(l) + ": " + line.text());
                }
                confusion[l][line.label().ordinal()][got.ordinal()]++;
                confusion[10][line.label().ordinal()][got.ordinal()]++;
            }
        }
    }

    static String report(Map<String, int[][][]> confusions) {
        StringBuilder out = new StringBuilder(
                "tU   tC   | URGENT recall precision | CONCERN found | NONE kept | languages with recall>=.95, "
                        + "precision>=.85 | lowest recall, precision\n");
        confusions.forEach((key, c) -> {
            int recallOk = 0;
            int precisionOk = 0;
            double minRecall = 1;
            double minPrecision = 1;
            for (int l = 0; l < 10; l++) {
                minRecall = Math.min(minRecall, recall(c[l]));
                minPrecision = Math.min(minPrecision, precision(c[l]));
                recallOk += recall(c[l]) >= 0.95 ? 1 : 0;
                precisionOk += precision(c[l]) >= 0.85 ? 1 : 0;
            }
            int[][] all = c[10];
            out.append(String.format(Locale.ROOT, "%s | %.3f %.3f | %.3f | %.3f | %d %d | %.2f %.2f%n", key,
                    recall(all), precision(all), (all[1][1] + all[1][2]) / (double) sum(all[1]),
                    all[0][0] / (double) sum(all[0]), recallOk, precisionOk, minRecall, minPrecision));
        });
        return out.toString();
    }

    private static double recall(int[][] c) {
        return c[2][2] / (double) Math.max(1, sum(c[2]));
    }

    private static double precision(int[][] c) {
        return c[2][2] / (double) Math.max(1, c[0][2] + c[1][2] + c[2][2]);
    }

    private static int sum(int[] row) {
        return row[0] + row[1] + row[2];
    }
}
