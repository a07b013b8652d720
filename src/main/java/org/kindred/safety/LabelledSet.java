package org.kindred.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled sentences the crisis model learns from, and that the evaluation measures: tab-separated files,
 * {@code LABEL<TAB>text} or {@code LABEL<TAB>category<TAB>text}, one per language, with {@code #} comments.
 */
final class LabelledSet {

    /**
     * What {@link CrisisModel#shared()} learns from (model version 6): the development sets, the concept sets, everyday
     * posts (the ordinary traffic that must stay NONE: thanks, questions, one-word replies, incidents without a
     * crisis) and blind rounds 1 to 15, each of which joined only after it had measured a version while held out.
     * {@code safety/everyday-2} is data, not training (a version 2.1 trained on it held an ordinary post of the test
     * suite on its own word; RESULTS.md). A round that is still held out (16) lives under {@code src/test/resources}
     * and must never be added here before it has measured the model.
     */
    static final List<String> TRAINING = List.of("safety/eval", "safety/eval/concepts", "safety/everyday",
            "safety/blind/round-1", "safety/blind/round-2", "safety/blind/round-3", "safety/blind/round-4",
            "safety/blind/round-5", "safety/blind/round-6", "safety/blind/round-7", "safety/blind/round-8",
            "safety/blind/round-9", "safety/blind/round-10", "safety/blind/round-11", "safety/blind/round-12",
            "safety/blind/round-13", "safety/blind/round-14", "safety/blind/round-15");

    /** Ordinary posts, all NONE: each counts {@link #EVERYDAY_WEIGHT} times, so that ordinary text is well known. */
    static final List<String> EVERYDAY = List.of("safety/everyday", "safety/everyday-2");
    static final int EVERYDAY_WEIGHT = 4;

    /** One labelled sentence; {@code category} is null in sets without categories. */
    record Line(CrisisLevel label, String category, String text) {
    }

    private LabelledSet() {
    }

    /** Every language's file of each folder, in {@link SafetyCheck#LANGUAGES} order. */
    static List<Line> load(List<String> folders) {
        List<Line> lines = new ArrayList<>();
        for (String folder : folders) {
            for (String language : SafetyCheck.LANGUAGES) {
                List<Line> read = read(folder + "/" + language + ".tsv");
                for (int copy = 0; copy < (EVERYDAY.contains(folder) ? EVERYDAY_WEIGHT : 1); copy++) {
                    lines.addAll(read);
                }
            }
        }
        return lines;
    }

    /** The lines of one resource, or none when it does not exist (a set without this language). */
    static List<Line> read(String resource) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return lines;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("expected\t")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 2) {
                    throw new IllegalStateException(
                            resource + ":" + number + ": expected LABEL<TAB>[category<TAB>]text");
                }
                lines.add(new Line(CrisisLevel.valueOf(columns[0].trim()),
                        columns.length > 2 ? columns[1].trim() : null, columns[columns.length - 1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
