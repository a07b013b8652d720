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
    /**
     * The words again, for {@link #read}: open addressing by {@link String#hashCode} (which a token computes once for
     * all the maps that ask for it), comparing the letters only where the hashes are equal. A {@link HashMap} lookup
     * follows a node, a key and a boxed number per token, read from memory the rest of the check has since used.
     */
    private String[] wordKeys = new String[16];
    private int[] wordHashes = new int[16];
    private int[] wordNumbers = new int[16];
    /**
     * The prefixes by the hash of their first {@link Phrase#MIN_PREFIX} letters, which a token's own first letters
     * give without a substring. Prefixes whose first letters share a hash share a group; a token keeps only those it
     * starts with, in the order they were numbered, as a group of one start alone would give.
     */
    private int[] startHashes = new int[16];
    private Stem[][] startGroups = new Stem[16][];
    private int starts;
    /** By word number, then by prefix number: the indexes (bits by index number) the word or prefix anchors. */
    private final List<long[]> wordGates = new ArrayList<>();
    private final List<long[]> stemGates = new ArrayList<>();
    private int indexes;

    private record Stem(String stem, int id) {
    }

    /** The number of a word (folded, without {@code *}), given it if it has none yet. */
    int word(String word) {
        int known = words.size();
        int id = number(words, wordGates, word);
        if (id == known) {
            addWord(word, id);
        }
        return id;
    }

    /** The number of a prefix (its letters, without the {@code *}; at least {@link Phrase#MIN_PREFIX} of them). */
    int stem(String stem) {
        if (stem.length() < Phrase.MIN_PREFIX) {
            throw new IllegalArgumentException("a prefix needs " + Phrase.MIN_PREFIX + " letters: " + stem);
        }
        int known = stems.size();
        int id = number(stems, stemGates, stem);
        if (id == known) { // new: tokens starting with its first letters must now try it
            addStem(new Stem(stem, id));
        }
        return id;
    }

    private void addWord(String word, int id) {
        if (2 * (id + 1) > wordKeys.length) {
            String[] keys = wordKeys;
            int[] numbers = wordNumbers;
            wordKeys = new String[2 * keys.length];
            wordHashes = new int[2 * keys.length];
            wordNumbers = new int[2 * keys.length];
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != null) {
                    putWord(keys[slot], numbers[slot]);
                }
            }
        }
        putWord(word, id);
    }

    private void putWord(String word, int id) {
        int mask = wordKeys.length - 1;
        int slot = spread(word.hashCode()) & mask;
        while (wordKeys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        wordKeys[slot] = word;
        wordHashes[slot] = word.hashCode();
        wordNumbers[slot] = id;
    }

    private void addStem(Stem added) {
        int hash = startHash(added.stem());
        int slot = startSlot(hash);
        Stem[] group = startGroups[slot];
        if (group != null) {
            Stem[] grown = Arrays.copyOf(group, group.length + 1);
            grown[group.length] = added;
            startGroups[slot] = grown;
            return;
        }
        startHashes[slot] = hash;
        startGroups[slot] = new Stem[]{added};
        if (2 * ++starts > startGroups.length) {
            int[] hashes = startHashes;
            Stem[][] all = startGroups;
            startHashes = new int[2 * hashes.length];
            startGroups = new Stem[2 * hashes.length][];
            for (int i = 0; i < all.length; i++) {
                if (all[i] != null) {
                    int to = startSlot(hashes[i]);
                    startHashes[to] = hashes[i];
                    startGroups[to] = all[i];
                }
            }
        }
    }

    /** The slot of the group of this start hash, or the empty slot where it would go. */
    private int startSlot(int hash) {
        int mask = startGroups.length - 1;
        int slot = spread(hash) & mask;
        while (startGroups[slot] != null && startHashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** {@link String#hashCode} of the first {@link Phrase#MIN_PREFIX} chars. */
    private static int startHash(String token) {
        int h = 0;
        for (int i = 0; i < Phrase.MIN_PREFIX; i++) {
            h = 31 * h + token.charAt(i);
        }
        return h;
    }

    private static int spread(int hash) {
        int x = hash * 0x9E3779B9;
        return x ^ x >>> 16;
    }

    /** The number of a word, or -1 when no index looks it up. */
    private int wordNumber(String token) {
        int hash = token.hashCode();
        int mask = wordKeys.length - 1;
        for (int slot = spread(hash) & mask; wordKeys[slot] != null; slot = (slot + 1) & mask) {
            if (wordHashes[slot] == hash && wordKeys[slot].equals(token)) {
                return wordNumbers[slot];
            }
        }
        return -1;
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
            int id = wordNumber(token);
            wordIds[t] = id;
            if (id >= 0) {
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
        Stem[] group = startGroups[startSlot(startHash(token))];
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
