package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * All ten lexicons' common words counted with one lookup per token give what each lexicon's own count gives
 * ({@link Lexicon#commonWords}, the code they replace in the check), on labelled lines and on random sentences of the
 * lexicons' common words, their prefixes ("j'ai", "qu'il") and other words.
 */
class CommonWordsTest {

    @Test
    void oneLookupPerTokenCountsAsEachLexiconCounts() {
        Random random = new Random(15);
        Vocabulary vocabulary = new Vocabulary();
        List<Lexicon> lexicons = SafetyCheck.LANGUAGES.stream()
                .map(language -> Lexicon.load("safety/lexicon-" + language + ".yaml", vocabulary)).toList();
        CommonWords common = new CommonWords(lexicons);
        List<String> words = new ArrayList<>(List.of("j'ai", "qu'il", "n'est", "m'en", "ki", ",", "7", "x"));
        for (Lexicon lexicon : lexicons) {
            words.addAll(lexicon.commonWord.words());
            words.addAll(PhraseIndexTest.lexiconWords(lexicon.crisis.stream().map(Lexicon.Rule::phrase).toList()));
        }
        List<Sentence> sentences = new ArrayList<>(PhraseIndexTest.labelledSentences(1_000, random));
        sentences.addAll(PhraseIndexTest.randomSentences(words, 3_000, random));
        int counted = 0;
        for (Sentence s : sentences) {
            int[] expected = lexicons.stream().mapToInt(lexicon -> lexicon.commonWords(s)).toArray();
            assertArrayEquals(expected, common.in(s), s.toString());
            counted += Arrays.stream(expected).sum();
        }
        assertTrue(counted > 10_000, "the sentences hold common words: " + counted);
    }
}
