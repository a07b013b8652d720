package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The phrase index is only a shortcut: a phrase is tried at the tokens it can start with, and only when its rarest
 * anchor word is in the sentence. A shortcut that skipped a real match would hide a crisis, so every index of every
 * lexicon is held to what a plain scan finds (every phrase, {@link Matcher#find} over the whole sentence), on labelled
 * sentences and on sentences made at random from the lexicons' own words, where optional openings, prefixes and
 * gaps meet.
 */
class PhraseIndexTest {

    private static final int LABELLED_SENTENCES = 600;
    private static final int RANDOM_SENTENCES = 400;

    @Test
    void everyIndexFindsExactlyWhatAFullScanFinds() {
        Random random = new Random(15);
        List<Sentence> labelled = labelledSentences(LABELLED_SENTENCES, random);
        int compared = 0;
        int found = 0;
        Vocabulary shared = new Vocabulary(); // as in a SafetyCheck: every index of ten lexicons numbers words here
        for (String language : SafetyCheck.LANGUAGES) {
            Lexicon lexicon = Lexicon.load("safety/lexicon-" + language + ".yaml", shared);
            List<Phrase> crisis = lexicon.crisis.stream().map(Lexicon.Rule::phrase).toList();
            List<Phrase> warnings = lexicon.warnings.stream().map(Lexicon.WarningRule::phrase).toList();
            List<Sentence> sentences = new ArrayList<>(labelled);
            sentences.addAll(randomSentences(lexiconWords(crisis), RANDOM_SENTENCES, random));
            // a sentence is read by each index's vocabulary in turn: its own, then the shared one
            for (PhraseIndex index : List.of(new PhraseIndex(crisis), new PhraseIndex(warnings), lexicon.exclusions,
                    new PhraseIndex(crisis, shared))) {
                for (Sentence s : sentences) {
                    List<PhraseIndex.Hit> expected = fullScan(index, s);
                    assertEquals(expected, index.matches(s), language + ": " + s);
                    compared++;
                    found += expected.size();
                }
            }
        }
        assertTrue(found > 1_000, "the sentences hold matches to compare: " + found + " in " + compared);
    }

    /** Every phrase, left to right over the whole sentence, as the check found them before the index. */
    private static List<PhraseIndex.Hit> fullScan(PhraseIndex index, Sentence s) {
        List<PhraseIndex.Hit> hits = new ArrayList<>();
        for (int p = 0; p < index.size(); p++) {
            Matcher m = index.get(p).pattern().matcher(s.text());
            while (m.find()) {
                if (m.end() > m.start()) {
                    int a = s.tokenAt(m.start());
                    hits.add(new PhraseIndex.Hit(p, a, Math.max(a + 1, s.tokenEnd(m.end()))));
                }
            }
        }
        return hits;
    }

    /** Sentences of the labelled lines the crisis model learns from, {@code lines} lines drawn at random. */
    static List<Sentence> labelledSentences(int lines, Random random) {
        List<Sentence> labelled = new ArrayList<>();
        List<LabelledSet.Line> all = LabelledSet.load(LabelledSet.TRAINING);
        for (int i = 0; i < lines; i++) {
            labelled.addAll(Sentence.split(all.get(random.nextInt(all.size())).text()));
        }
        return labelled;
    }

    /** The words of the phrases' sources, with commas, numbers and a little filler. */
    static List<String> lexiconWords(List<Phrase> phrases) {
        List<String> words = new ArrayList<>(List.of(",", "and", "so", "7", "x"));
        for (Phrase phrase : phrases) {
            for (String word : phrase.source.split("[^\\p{L}\\p{N}']+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** {@code count} sentences of 2 to 12 tokens drawn from the words, where optional openings and gaps meet. */
    static List<Sentence> randomSentences(List<String> words, int count, Random random) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = 2 + random.nextInt(11);
            for (int w = 0; w < length; w++) {
                text.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            out.addAll(Sentence.split(text.toString()));
        }
        return out;
    }

    @Test
    void aTokenSetAnswersLikeTheWordPatternItReplaced() {
        List<String> words = List.of("kill", "Suicid*", "j*ai", "no", "ñ", "d'abord", "x*");
        TokenSet set = TokenSet.of(words);
        Pattern pattern = Pattern.compile(String.join("|", words.stream().map(Phrase::word).toList()));
        for (String token : List.of("kill", "killing", "suicide", "suicidal", "suicid", "jai", "j'ai", "jamai", "no",
                "now", "n", "ñ", "n", "d'abord", "dabord", "x", "xyz", ",", "", "ki", "sui")) {
            assertEquals(pattern.matcher(token).matches(), set.contains(token), token);
        }
        assertTrue(!TokenSet.of(List.of()).contains("anything"), "an empty list holds no word");
    }

    @Test
    void aPhraseThatCanMatchNoTokenIsRejectedWhenItLoads() {
        assertThrows(IllegalArgumentException.class, () -> Phrase.compile("(ya|)", Map.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Phrase.compile(".", Map.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Phrase.compile("~3", Map.of(), List.of()));
        Phrase optionalOpening = Phrase.compile("(ya|) no puedo mas", Map.of(), List.of());
        assertTrue(optionalOpening.firsts.containsAll(List.of("ya", "no")), optionalOpening.firsts.toString());
    }

    @Test
    void theTokenFilterNeverForgetsAWordAndRarelyImaginesOne() {
        Random random = new Random(15);
        TokenFilter filter = new TokenFilter();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String word = "w" + random.nextInt(1_000_000);
            added.add(word);
            filter.add(word);
        }
        added.forEach(word -> assertTrue(filter.mayContain(word), word));
        int imagined = 0;
        for (int i = 0; i < 10_000; i++) {
            imagined += filter.mayContain("other" + i) ? 1 : 0;
        }
        assertTrue(imagined < 1_000, "false positives " + imagined + " of 10,000 with 400 words in 4,096 bits");
    }
}
