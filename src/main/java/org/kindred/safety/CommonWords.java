package org.kindred.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most common words of every lexicon at once, to tell a sentence's language: one map lookup per token gives the
 * lexicons whose common word it is (a bit each), instead of asking ten word sets about every token of a post. Counts
 * as {@link Lexicon#commonWords} does for each lexicon: the same plain words and {@code word*} prefixes; a lexicon
 * with words only a regular expression answers ({@link TokenSet#hasPatterns}) is still asked itself.
 */
final class CommonWords {

    private final List<Lexicon> lexicons;
    /** Per plain word, the lexicons (bit i: lexicon i) it is a common word of. */
    private final Map<String, Integer> words = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixLexicons = new ArrayList<>();
    private final boolean[] askItself;

    CommonWords(List<Lexicon> lexicons) {
        if (lexicons.size() > Integer.SIZE) {
            throw new IllegalArgumentException("at most " + Integer.SIZE + " lexicons");
        }
        this.lexicons = List.copyOf(lexicons);
        this.askItself = new boolean[lexicons.size()];
        for (int i = 0; i < lexicons.size(); i++) {
            TokenSet set = lexicons.get(i).commonWord;
            int bit = 1 << i;
            set.words().forEach(word -> words.merge(word, bit, (a, b) -> a | b));
            for (String prefix : set.prefixes()) {
                prefixes.add(prefix);
                prefixLexicons.add(bit);
            }
            askItself[i] = set.hasPatterns();
        }
    }

    /** Per lexicon, how many tokens of the sentence are its common words. */
    int[] in(Sentence s) {
        int[] counts = new int[lexicons.size()];
        for (int t = 0; t < s.size(); t++) {
            String token = s.token(t);
            Integer found = words.get(token);
            int mask = found == null ? 0 : found;
            for (int p = 0; p < prefixes.size(); p++) {
                if (token.startsWith(prefixes.get(p))) {
                    mask |= prefixLexicons.get(p);
                }
            }
            for (; mask != 0; mask &= mask - 1) {
                counts[Integer.numberOfTrailingZeros(mask)]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (askItself[i]) {
                counts[i] = lexicons.get(i).commonWords(s);
            }
        }
        return counts;
    }
}
