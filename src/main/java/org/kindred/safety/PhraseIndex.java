package org.kindred.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Phrases indexed by the words they can start with and by their anchors (a rare word each must contain), so that a
 * sentence runs a phrase's regular expression only at the tokens where it may start, and only when its anchor is in
 * the sentence: with hundreds of phrases per language and ten lexicons on every sentence, trying each phrase at every
 * character of a post would make a long post slow (issue 15's budget is 1 ms per 2,000 characters). A phrase whose
 * first word cannot be named (it opens with a gap or a number) is found through its anchors alone.
 */
final class PhraseIndex {

    /** One match: phrase {@code phrase} covers tokens [from, to) of the sentence. */
    record Hit(int phrase, int from, int to) {
    }

    private static final Comparator<Hit> IN_PHRASE_ORDER = Comparator.comparingInt(Hit::phrase)
            .thenComparingInt(Hit::from);

    private final List<Phrase> phrases;
    /** The phrases that can start with this exact token, in ascending order. */
    private final Map<String, int[]> byFirstWord = new HashMap<>();
    /** First-word prefixes ({@code word*}), grouped by their first {@link Phrase#MIN_PREFIX} letters. */
    private final Map<String, List<Prefix>> byFirstPrefix = new HashMap<>();
    /** Every phrase by its anchors; those without indexable first words are found through these alone. */
    private final Map<String, BitSet> byAnchor = new HashMap<>();
    private final Map<String, List<Prefix>> byAnchorPrefix = new HashMap<>();
    private final BitSet unanchored = new BitSet();
    /** The phrases without indexable first words. */
    private final BitSet byAnchorOnly = new BitSet();
    /** What may be a key of the maps above: most tokens are none, and the filters say so without a lookup. */
    private final TokenFilter firstWords = new TokenFilter();
    private final TokenFilter firstPrefixStarts = new TokenFilter();
    private final TokenFilter anchorWords = new TokenFilter();
    private final TokenFilter anchorPrefixStarts = new TokenFilter();

    private record Prefix(String prefix, int[] phrases) {
    }

    PhraseIndex(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        Map<String, List<Integer>> firstWordIds = new HashMap<>();
        Map<String, List<Integer>> firstPrefixes = new HashMap<>();
        Map<String, List<Integer>> anchorPrefixes = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            Phrase phrase = phrases.get(i);
            if (indexable(phrase)) {
                for (String first : phrase.firsts) {
                    boolean prefix = first.endsWith("*");
                    (prefix ? firstPrefixes : firstWordIds).computeIfAbsent(prefix ? stem(first) : first,
                            k -> new ArrayList<>()).add(i);
                }
            } else {
                byAnchorOnly.set(i);
            }
            if (phrase.anchors == null) {
                unanchored.set(i);
                continue;
            }
            for (String anchor : phrase.anchors) {
                if (anchor.endsWith("*")) {
                    anchorPrefixes.computeIfAbsent(stem(anchor), k -> new ArrayList<>()).add(i);
                } else {
                    byAnchor.computeIfAbsent(anchor, k -> new BitSet()).set(i);
                }
            }
        }
        firstWordIds.forEach((word, ids) -> byFirstWord.put(word, ids(ids)));
        group(firstPrefixes, byFirstPrefix);
        group(anchorPrefixes, byAnchorPrefix);
        byFirstWord.keySet().forEach(firstWords::add);
        byFirstPrefix.keySet().forEach(firstPrefixStarts::add);
        byAnchor.keySet().forEach(anchorWords::add);
        byAnchorPrefix.keySet().forEach(anchorPrefixStarts::add);
    }

    /**
     * A phrase is indexed by its first words when they can all be named and looked up: exact words, or prefixes of
     * at least {@link Phrase#MIN_PREFIX} letters.
     */
    private static boolean indexable(Phrase phrase) {
        if (phrase.firsts == null) {
            return false;
        }
        for (String first : phrase.firsts) {
            int star = first.indexOf('*');
            if (star >= 0 && (star != first.length() - 1 || star < Phrase.MIN_PREFIX)) {
                return false;
            }
        }
        return true;
    }

    private static String stem(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }

    private static int[] ids(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    private static void group(Map<String, List<Integer>> prefixes, Map<String, List<Prefix>> into) {
        prefixes.forEach((prefix, ids) -> into
                .computeIfAbsent(prefix.substring(0, Phrase.MIN_PREFIX), k -> new ArrayList<>())
                .add(new Prefix(prefix, ids(ids))));
    }

    Phrase get(int index) {
        return phrases.get(index);
    }

    int size() {
        return phrases.size();
    }

    /**
     * Every match of every phrase in the sentence, ordered by phrase, then left to right; a phrase's matches never
     * overlap one another (as {@link Matcher#find} finds them), and matches of no token are not matches.
     */
    List<Hit> matches(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        BitSet anchored = null; // the phrases whose anchor is in the sentence, found when first needed
        int[] next = null; // per phrase, the first offset a further match may start at
        for (int t = 0; t < s.size(); t++) {
            int[] exact = firstWords.mayContain(s.token(t)) ? byFirstWord.get(s.token(t)) : null;
            if (exact != null) {
                anchored = anchored == null ? anchored(s) : anchored;
                next = tryAt(exact, anchored, s, t, next, hits);
            }
            for (Prefix p : prefixesOf(s, t, firstPrefixStarts, byFirstPrefix)) {
                anchored = anchored == null ? anchored(s) : anchored;
                next = tryAt(p.phrases(), anchored, s, t, next, hits);
            }
        }
        if (!byAnchorOnly.isEmpty()) {
            BitSet candidates = (BitSet) (anchored == null ? anchored(s) : anchored).clone();
            candidates.and(byAnchorOnly);
            for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
                int phrase = p;
                phrases.get(p).find(s, (from, to) -> hits.add(new Hit(phrase, from, to)));
            }
        }
        if (hits.size() > 1) {
            hits.sort(IN_PHRASE_ORDER);
        }
        return hits;
    }

    /** Whether any phrase matches in the sentence. */
    boolean anyIn(Sentence s) {
        return !matches(s).isEmpty();
    }

    private int[] tryAt(int[] candidates, BitSet anchored, Sentence s, int t, int[] next, List<Hit> hits) {
        int[] from = next == null ? new int[phrases.size()] : next;
        for (int p : candidates) {
            if (!anchored.get(p) || s.offset(t) < from[p]) {
                continue; // its anchor is not in the sentence, or t is inside this phrase's previous match
            }
            Phrase phrase = phrases.get(p);
            Matcher m = phrase.pattern.matcher(s.text());
            if (phrase.matchesAt(m, s, t)) {
                from[p] = m.end();
                int a = s.tokenAt(m.start());
                hits.add(new Hit(p, a, Math.max(a + 1, s.tokenEnd(m.end()))));
            }
        }
        return from;
    }

    /** The phrases that may match the sentence: one of their anchors is there (or they have none). */
    private BitSet anchored(Sentence s) {
        BitSet candidates = (BitSet) unanchored.clone();
        for (int t = 0; t < s.size(); t++) {
            BitSet exact = anchorWords.mayContain(s.token(t)) ? byAnchor.get(s.token(t)) : null;
            if (exact != null) {
                candidates.or(exact);
            }
            for (Prefix p : prefixesOf(s, t, anchorPrefixStarts, byAnchorPrefix)) {
                for (int phrase : p.phrases()) {
                    candidates.set(phrase);
                }
            }
        }
        return candidates;
    }

    /** The prefixes of one map that token {@code t} starts with: none for most tokens, which the filter says. */
    private static List<Prefix> prefixesOf(Sentence s, int t, TokenFilter starts, Map<String, List<Prefix>> byStart) {
        String start = s.tokenStart(t);
        List<Prefix> group = start != null && starts.mayContain(start) ? byStart.get(start) : null;
        if (group == null) {
            return List.of();
        }
        List<Prefix> out = new ArrayList<>(group.size());
        for (Prefix p : group) {
            if (s.token(t).startsWith(p.prefix())) {
                out.add(p);
            }
        }
        return out;
    }
}
