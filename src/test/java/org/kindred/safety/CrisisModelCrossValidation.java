package org.kindred.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leave-one-group-out cross-validation of {@link CrisisModel} over its training groups (the development sets and
 * rounds 1 to 5): each group is scored by a model trained on the others, so every score is out of sample. Prints,
 * for a range of thresholds, the model alone and the model together with the lexicons (their levels simply the
 * higher of the two). A development tool, not a test:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(deps) org.kindred.safety.CrisisModelCrossValidation [epochs step l2]
 * java -Dholdout=blind/round-5 -Dtrain=eval,blind/round-1,...,blind/round-4 -Dlexicon=levels.tsv ... (one held-out
 *     group, the lexicons' levels read from a file written by an older build: how URGENT_AT and CARE_AT were chosen)
 * </pre>
 */
final class CrisisModelCrossValidation {

    static final List<String> GROUPS = List.of("eval", "blind/round-1", "blind/round-2", "blind/round-3",
            "blind/round-4", "blind/round-5");

    record Scored(String group, String language, CrisisLevel label, CrisisLevel lexicon, CrisisModel.Scores scores) {
    }

    public static void main(String[] args) {
        CrisisModel.Settings settings = args.length >= 3
                ? new CrisisModel.Settings(Integer.parseInt(args[0]), Float.parseFloat(args[1]),
                        Float.parseFloat(args[2]), 15L)
                : CrisisModel.Settings.DEFAULT;
        String holdout = System.getProperty("holdout");
        List<Scored> scored = holdout == null
                ? crossValidate(settings, !Boolean.getBoolean("nolexicon"))
                : holdOut(settings, holdout, System.getProperty("lexicon"));
        System.out.println(report(scored));
    }

    static Map<String, List<SafetyEvaluationTest.Example>> groups(List<String> names) {
        Map<String, List<SafetyEvaluationTest.Example>> groups = new LinkedHashMap<>();
        for (String group : names) {
            for (String language : SafetyCheck.LANGUAGES) {
                groups.computeIfAbsent(group + "/" + language, k -> new ArrayList<>())
                        .addAll(SafetyEvaluationTest.examples("safety/" + group + "/" + language + ".tsv"));
            }
        }
        return groups;
    }

    static List<Scored> crossValidate(CrisisModel.Settings settings, boolean lexicon) {
        Map<String, List<SafetyEvaluationTest.Example>> all = groups(GROUPS);
        SafetyCheck check = lexicon ? new SafetyCheck() : null;
        List<Scored> scored = new ArrayList<>();
        for (String held : GROUPS) {
            List<CrisisModel.Example> training = new ArrayList<>();
            all.forEach((key, examples) -> {
                if (!key.startsWith(held + "/")) {
                    examples.forEach(e -> training.add(new CrisisModel.Example(e.label(), e.text())));
                }
            });
            CrisisModel model = CrisisModel.train(training, settings);
            all.forEach((key, examples) -> {
                if (key.startsWith(held + "/")) {
                    String language = key.substring(key.lastIndexOf('/') + 1);
                    for (SafetyEvaluationTest.Example e : examples) {
                        CrisisLevel lex = check == null ? CrisisLevel.NONE : check.assess(e.text(), null).crisis();
                        scored.add(new Scored(held, language, e.label(), lex, model.score(e.text())));
                    }
                }
            });
        }
        return scored;
    }

    /** Trains on every group but {@code held} (and eval/concepts), scores {@code held} with lexicon levels from a file. */
    static List<Scored> holdOut(CrisisModel.Settings settings, String held, String lexiconFile) {
        List<String> training = new ArrayList<>(
                List.of(System.getProperty("train", String.join(",", GROUPS)).split(",")));
        training.remove(held);
        List<CrisisModel.Example> examples = new ArrayList<>();
        groups(training).values()
                .forEach(list -> list.forEach(e -> examples.add(new CrisisModel.Example(e.label(), e.text()))));
        CrisisModel model = CrisisModel.train(examples, settings);
        Map<String, CrisisLevel> lex = new java.util.HashMap<>();
        SafetyCheck check = lexiconFile == null ? new SafetyCheck() : null;
        if (lexiconFile != null) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(lexiconFile))) {
                    String[] c = line.split("\t");
                    String lang = c[0].substring(c[0].lastIndexOf('/') + 1, c[0].length() - 4);
                    lex.put(lang + "#" + c[1], CrisisLevel.valueOf(c[2]));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Scored> scored = new ArrayList<>();
        groups(List.of(held)).forEach((key, list) -> {
            String language = key.substring(key.lastIndexOf('/') + 1);
            for (int i = 0; i < list.size(); i++) {
                SafetyEvaluationTest.Example e = list.get(i);
                CrisisLevel l = check != null ? check.assess(e.text(), null).crisis() : lex.get(language + "#" + i);
                scored.add(new Scored(held, language, e.label(), l, model.score(e.text())));
            }
        });
        return scored;
    }

    static CrisisLevel level(CrisisModel.Scores s, double urgent, double care) {
        return s.urgent() >= urgent ? CrisisLevel.URGENT : s.care() >= care ? CrisisLevel.CONCERN : CrisisLevel.NONE;
    }

    static String report(List<Scored> scored) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-6s %-6s | %-28s | %-28s%n", "tU", "tC",
                "model alone: U-rec U-prec C-found N-kept",
                "with lexicons: U-rec U-prec C-found N-kept (min U-rec lang)"));
        for (double tu : new double[]{0.5, 0.6, 0.7}) {
            for (double tc : new double[]{0.5, 0.6, 0.7, 0.8, 0.9}) {
                out.append(String.format(Locale.ROOT, "%.2f   %.2f   | %s | %s%n", tu, tc,
                        line(scored, tu, tc, false), line(scored, tu, tc, true)));
            }
        }
        return out.toString();
    }

    static String line(List<Scored> scored, double tu, double tc, boolean withLexicon) {
        int[][] c = new int[3][3];
        Map<String, int[]> perLanguage = new LinkedHashMap<>();
        for (Scored s : scored) {
            CrisisLevel got = level(s.scores(), tu, tc);
            if (withLexicon) {
                got = got.max(s.lexicon());
            }
            c[s.label().ordinal()][got.ordinal()]++;
            if (s.label() == CrisisLevel.URGENT) {
                int[] l = perLanguage.computeIfAbsent(s.language(), k -> new int[2]);
                l[0] += got == CrisisLevel.URGENT ? 1 : 0;
                l[1]++;
            }
        }
        String worst = perLanguage.entrySet().stream()
                .min((a, b) -> Double.compare(a.getValue()[0] / (double) a.getValue()[1],
                        b.getValue()[0] / (double) b.getValue()[1]))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()[0] / (double) e.getValue()[1]))
                .orElse("");
        int u = c[2][0] + c[2][1] + c[2][2];
        int pu = c[0][2] + c[1][2] + c[2][2];
        int cc = c[1][0] + c[1][1] + c[1][2];
        int nn = c[0][0] + c[0][1] + c[0][2];
        return String.format(Locale.ROOT, "%.3f %.3f %.3f %.3f (%s)", c[2][2] / (double) u, c[2][2] / (double) pu,
                (c[1][1] + c[1][2]) / (double) cc, c[0][0] / (double) nn, worst);
    }
}
