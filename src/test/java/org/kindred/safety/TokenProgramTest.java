package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/**
 * A phrase's regular expression says what it means; its token program ({@link Phrase#matchAt}) must find the same
 * match, with the same end, at every token, or a crisis phrase would silently stop matching. Held to the expression on
 * every phrase of every lexicon, over labelled sentences and sentences made at random from the phrases' own words,
 * where alternatives, prefixes, numbers, clause ends and gaps meet.
 */
class TokenProgramTest {

    private static final int LABELLED_SENTENCES = 300;
    private static final int OWN_WORD_SENTENCES = 40;
    private static final int OTHER_SENTENCES = 4;

    @Test
    void everyPhraseOfEveryLexiconEndsWhereItsExpressionEnds() {
        Random random = new Random(15);
        List<Sentence> labelled = PhraseIndexTest.labelledSentences(LABELLED_SENTENCES, random);
        long compared = 0;
        long matched = 0;
        for (String language : SafetyCheck.LANGUAGES) {
            Lexicon lexicon = Lexicon.load("safety/lexicon-" + language + ".yaml", new Vocabulary());
            List<Phrase> phrases = new ArrayList<>(lexicon.crisis.stream().map(Lexicon.Rule::phrase).toList());
            phrases.addAll(lexicon.warnings.stream().map(Lexicon.WarningRule::phrase).toList());
            List<String> words = PhraseIndexTest.lexiconWords(phrases);
            for (Phrase phrase : phrases) {
                // sentences of its own words (where its choices meet), of the lexicon's words, and labelled ones
                List<Sentence> sentences = new ArrayList<>(PhraseIndexTest.randomSentences(
                        PhraseIndexTest.lexiconWords(List.of(phrase)), OWN_WORD_SENTENCES, random));
                sentences.addAll(PhraseIndexTest.randomSentences(words, OTHER_SENTENCES, random));
                for (int i = 0; i < OTHER_SENTENCES; i++) {
                    sentences.add(labelled.get(random.nextInt(labelled.size())));
                }
                for (Sentence s : sentences) {
                    for (int t = 0; t < s.size(); t++) {
                        int expected = regexEnd(phrase, s, t);
                        assertEquals(expected, phrase.matchAt(s, t), language + ": " + phrase.source + " at " + t
                                + " of" + s);
                        compared++;
                        matched += expected >= 0 ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(matched > 20_000, "the sentences hold matches to compare: " + matched + " of " + compared);
    }

    @Test
    void choicesAreTriedInTheExpressionsOrder() {
        // the first alternative that lets the rest match wins, even when a later one would take more tokens
        assertEnd("x (a|a b)", " x a b c ", 2);
        assertEnd("x (a|a b) c", " x a b c ", 4);
        // a gap takes as many tokens as it can and gives them back one at a time
        assertEnd("x ~2", " x a b c ", 3);
        assertEnd("x ~2 b", " x a b b ", 4);
        assertEnd("x ~3 b", " x b a ", 2);
        // a gap never crosses a comma nor a negation; a clause end takes no token
        assertEnd("x ~3 y", " x a , y ", -1);
        assertEnd("i ~2 want to die", " i really don't want to die ", -1);
        assertEnd("i ~2 want to die", " i really want to die ", 5);
        assertEnd("x a .", " x a , b ", 2);
        assertEnd("x a .", " x a b ", -1);
        assertEnd("x a , b", " x a , b ", 4);
        assertEnd("x # y*", " x 12 yes ", 3);
        assertEnd("x # y*", " x 1a yes ", -1);
        assertEnd("(ya|) no puedo", " no puedo mas ", 2);
    }

    @Test
    void aWordWithStarsMatchesTheTokensItsExpressionMatches() {
        for (String word : List.of("wo*d", "*ing", "a*b*c", "*", "sui*", "j*ai")) {
            for (String token : List.of("word", "wood", "wod", "wd", "w", "ing", "running", "abc", "abbc", "ab", "ac",
                    "axbxc", "acb", "suicide", "sui", "jai", "j'ai", "jamai", ",")) {
                Phrase phrase = Phrase.compile(word, Map.of(), List.of());
                Sentence s = Sentence.split(token.equals(",") ? "a, b" : token).get(0);
                int t = token.equals(",") ? 1 : 0;
                assertEquals(regexEnd(phrase, s, t), phrase.matchAt(s, t), word + " on " + token);
            }
        }
    }

    private static void assertEnd(String source, String text, int expected) {
        Phrase phrase = Phrase.compile(source, Map.of(), List.of("don't", "not"));
        Sentence s = Sentence.split(text).get(0);
        assertEquals(expected, regexEnd(phrase, s, 0), "the expression of " + source + " on" + text);
        assertEquals(expected, phrase.matchAt(s, 0), "the program of " + source + " on" + text);
    }

    /** Where the expression's match from token {@code t} ends, as a token index; -1 for none. */
    private static int regexEnd(Phrase phrase, Sentence s, int t) {
        Matcher m = phrase.pattern().matcher(s.text());
        m.useTransparentBounds(true);
        m.region(s.offset(t), s.text().length());
        return m.lookingAt() ? s.tokenEnd(m.end()) : -1;
    }
}
