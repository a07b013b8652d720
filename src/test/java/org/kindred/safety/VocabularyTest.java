package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A vocabulary reads a sentence from its own open-addressing tables. They are held to the code they replaced, kept
 * here: a {@link HashMap} of the words and the prefixes grouped by the substring of their first letters, on the words
 * of all ten lexicons and prefixes of them, sentences of labelled lines and random sentences of lexicon words.
 */
class VocabularyTest {

    @Test
    void aSentenceReadsAsTheHashMapsReadIt() {
        Random random = new Random(15);
        Vocabulary vocabulary = new Vocabulary();
        Reference reference = new Reference();
        List<String> words = lexiconWords();
        for (String word : words) {
            if (random.nextInt(3) > 0) {
                assertEquals(reference.word(word), vocabulary.word(word), word);
            }
            if (word.length() >= Phrase.MIN_PREFIX && random.nextInt(4) == 0) {
                String stem = word.substring(0, Phrase.MIN_PREFIX + random.nextInt(word.length() - 2));
                assertEquals(reference.stem(stem), vocabulary.stem(stem), stem);
            }
        }
        List<Sentence> sentences = new ArrayList<>(PhraseIndexTest.labelledSentences(600, random));
        sentences.addAll(PhraseIndexTest.randomSentences(words, 2_000, random));
        int known = 0;
        for (Sentence s : sentences) {
            Vocabulary.Reading read = vocabulary.read(s);
            for (int t = 0; t < s.size(); t++) {
                assertEquals(reference.words.getOrDefault(s.token(t), -1), read.wordIds()[t], s.token(t));
                assertArrayEquals(reference.stemsOf(s.token(t)), read.stemIds()[t], s.token(t));
                known += read.wordIds()[t] >= 0 ? 1 : 0;
            }
        }
        assertTrue(known > 5_000, "the sentences hold words of the vocabulary: " + known);
    }

    /** The words of the phrases of all ten lexicons. */
    private static List<String> lexiconWords() {
        List<String> words = new ArrayList<>();
        for (String language : SafetyCheck.LANGUAGES) {
            Lexicon lexicon = Lexicon.load("safety/lexicon-" + language + ".yaml", new Vocabulary());
            words.addAll(PhraseIndexTest.lexiconWords(lexicon.crisis.stream().map(Lexicon.Rule::phrase).toList()));
        }
        return words.stream().map(String::toLowerCase).distinct().toList();
    }

    /** The numbering and lookups of the vocabulary before its open-addressing tables. */
    private static final class Reference {
        final Map<String, Integer> words = new HashMap<>();
        final Map<String, Integer> stems = new HashMap<>();
        final Map<String, List<int[]>> stemsByStart = new HashMap<>();
        final Map<Integer, String> stemText = new HashMap<>();

        int word(String word) {
            return words.computeIfAbsent(word, k -> words.size());
        }

        int stem(String stem) {
            Integer id = stems.get(stem);
            if (id != null) {
                return id;
            }
            int fresh = stems.size();
            stems.put(stem, fresh);
            stemText.put(fresh, stem);
            stemsByStart.computeIfAbsent(stem.substring(0, Phrase.MIN_PREFIX), k -> new ArrayList<>())
                    .add(new int[]{fresh});
            return fresh;
        }

        int[] stemsOf(String token) {
            if (token.length() < Phrase.MIN_PREFIX) {
                return Vocabulary.NONE;
            }
            List<int[]> group = stemsByStart.get(token.substring(0, Phrase.MIN_PREFIX));
            if (group == null) {
                return Vocabulary.NONE;
            }
            return group.stream().mapToInt(ids -> ids[0]).filter(id -> token.startsWith(stemText.get(id)))
                    .toArray();
        }
    }
}
