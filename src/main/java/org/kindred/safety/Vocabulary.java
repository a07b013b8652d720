package org.kindred.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word and word prefix ({@code word*}) that the {@link PhraseIndex}es of one set of lexicons look tokens up by,
 * numbered, and for each the indexes it anchors. A {@link Sentence} is read here once ({@link Reading}): its words'
 * numbers, the numbers of the prefixes they start with, and which indexes have an anchor in it. Each of the dozens of
 * indexes that then read the sentence skips it at once when none of its anchors is there (most sentences, for most
 * indexes), and otherwise looks the numbers up in small tables of its own ({@link IdTable}) instead of hashing and
 * comparing the token's letters again.
 *
 * <p>
 * Filled while the lexicons are compiled, on one thread, and only read after that (the {@link SafetyCheck} that owns
 * it is published once built).
 */
final class Vocabulary {

    /** No prefix: the answer for most tokens. */
    static final int[] NONE = new int[0];
    private static final long[] NO_GATES = new long[0];

    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> stems = new HashMap<>();
    /** The prefixes by their first {@link Phrase#MIN_PREFIX} letters. */
    private final Map<String, Stem[]> stemsByStart = new HashMap<>();
    /** By word number, then by prefix number: the indexes (bits by index number) the word or prefix anchors. */
    private final List<long[]> wordGates = new ArrayList<>();
    private final List<long[]> stemGates = new ArrayList<>();
    private int indexes;

    private record Stem(String stem, int id) {
    }

    /** The number of a word (folded, without {@code *}), given it if it has none yet. */
    int word(String word) {
        return number(words, wordGates, word);
    }

    /** The number of a prefix (its letters, without the {@code *}; at least {@link Phrase#MIN_PREFIX} of them). */
    int stem(String stem) {
        if (stem.length() < Phrase.MIN_PREFIX) {
            throw new IllegalArgumentException("a prefix needs " + Phrase.MIN_PREFIX + " letters: " + stem);
        }
        int known = stems.size();
        int id = number(stems, stemGates, stem);
        if (id == known) { // new: tokens starting with its first letters must now try it
            Stem added = new Stem(stem, id);
            stemsByStart.merge(stem.substring(0, Phrase.MIN_PREFIX), new Stem[]{added}, (old, one) -> {
                Stem[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = added;
                return grown;
            });
        }
        return id;
    }

    private static int number(Map<String, Integer> numbers, List<long[]> gates, String key) {
        Integer id = numbers.get(key);
        if (id != null) {
            return id;
        }
        int fresh = numbers.size();
        numbers.put(key, fresh);
        gates.add(NO_GATES);
        return fresh;
    }

    /** A number for a new index, by which sentences tell it whether one of its anchors is in them. */
    int newIndex() {
        return indexes++;
    }

    /** Records that the word ({@code stem} false) or prefix with this number is an anchor of index {@code index}. */
    void anchors(int id, boolean stem, int index) {
        List<long[]> gates = stem ? stemGates : wordGates;
        long[] bits = gates.get(id);
        if (bits.length <= index >>> 6) {
            bits = Arrays.copyOf(bits, (index >>> 6) + 1);
            gates.set(id, bits);
        }
        bits[index >>> 6] |= 1L << index;
    }

    /** What this vocabulary knows of each token of a sentence. */
    Reading read(Sentence s) {
        int n = s.size();
        int[] wordIds = new int[n];
        int[][] stemIds = new int[n][];
        long[] mentioned = new long[(indexes + 63) >>> 6];
        for (int t = 0; t < n; t++) {
            String token = s.token(t);
            Integer id = words.get(token);
            wordIds[t] = id == null ? -1 : id;
            if (id != null) {
                or(mentioned, wordGates.get(id));
            }
            stemIds[t] = stemsOf(token);
            for (int stem : stemIds[t]) {
                or(mentioned, stemGates.get(stem));
            }
        }
        return new Reading(this, wordIds, stemIds, mentioned);
    }

    private static void or(long[] into, long[] bits) {
        for (int i = 0; i < bits.length; i++) {
            into[i] |= bits[i];
        }
    }

    /** The numbers of the prefixes a token starts with ({@link #NONE} for most tokens). */
    private int[] stemsOf(String token) {
        if (token.length() < Phrase.MIN_PREFIX) {
            return NONE;
        }
        Stem[] group = stemsByStart.get(token.substring(0, Phrase.MIN_PREFIX));
        if (group == null) {
            return NONE;
        }
        int[] ids = new int[group.length];
        int n = 0;
        for (Stem stem : group) {
            if (token.startsWith(stem.stem())) {
                ids[n++] = stem.id();
            }
        }
        return n == 0 ? NONE : Arrays.copyOf(ids, n);
    }

    /**
     * One sentence as a vocabulary reads it: each token's word number (-1 for a word no index looks up), the numbers of
     * the prefixes it starts with, and the indexes that have an anchor among its tokens.
     */
    record Reading(Vocabulary vocabulary, int[] wordIds, int[][] stemIds, long[] mentioned) {

        /** Whether an anchor of index {@code index} (a number from {@link #newIndex}) is in the sentence. */
        boolean mentions(int index) {
            int word = index >>> 6;
            return word < mentioned.length && (mentioned[word] & 1L << index) != 0;
        }
    }
}
