package org.kindred.safety;

/**
 * A small Bloom filter over words: whether a token may be one of them, answered from 4,096 bits that stay in the
 * processor's cache. The check asks dozens of word maps about every token of a post, and nearly every answer is no;
 * asking this filter first spares the map lookups (and their cache misses) for those.
 */
final class TokenFilter {

    private static final int WORDS = 64; // 64 longs: 4,096 bits
    private final long[] bits = new long[WORDS];

    void add(String word) {
        int h = word.hashCode();
        set(first(h));
        set(second(h));
    }

    /** False when the word was certainly never added; true when it may have been. */
    boolean mayContain(String word) {
        int h = word.hashCode();
        return isSet(first(h)) && isSet(second(h));
    }

    private void set(int bit) {
        bits[bit >>> 6] |= 1L << (bit & 63);
    }

    private boolean isSet(int bit) {
        return (bits[bit >>> 6] & 1L << (bit & 63)) != 0;
    }

    private static int first(int h) {
        int x = h * 0x9E3779B9;
        return (x ^ x >>> 16) & (WORDS * 64 - 1);
    }

    private static int second(int h) {
        int x = (h ^ h >>> 15) * 0x85EBCA6B;
        return (x ^ x >>> 13) & (WORDS * 64 - 1);
    }
}
