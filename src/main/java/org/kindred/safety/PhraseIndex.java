package org.kindred.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Phrases indexed by the words they can start with and by their anchors (a rare word each must contain), so that a
 * sentence runs a phrase's regular expression only at the tokens where it may start, and only when its anchor is in
 * the sentence: with hundreds of phrases per language and ten lexicons on every sentence, trying each phrase at every
 * character of a post would make a long post slow (issue 15's budget is 1 ms per 2,000 characters). A phrase whose
 * first word cannot be named (it opens with a gap or a number) is found through its anchors alone. Words are looked up
 * by their {@link Vocabulary} numbers, read once per sentence for all the indexes of a set of lexicons: an index none
 * of whose anchors is in the sentence returns at once, and a phrase runs only where every word it needs is there
 * ({@link Phrase#required}).
 */
final class PhraseIndex {

    /** One match: phrase {@code phrase} covers tokens [from, to) of the sentence. */
    record Hit(int phrase, int from, int to) {
    }

    private static final Comparator<Hit> IN_PHRASE_ORDER = Comparator.comparingInt(Hit::phrase)
            .thenComparingInt(Hit::from);

    private final List<Phrase> phrases;
    private final Vocabulary vocabulary;
    /** This index's number in its vocabulary, by which a sentence says whether one of its anchors is there. */
    private final int number;
    /** The phrases that can start with this exact word ({@link Vocabulary} number), in ascending order. */
    private final IdTable<int[]> byFirstWord;
    /** The phrases that can start with a word of this prefix ({@code word*}), in ascending order. */
    private final IdTable<int[]> byFirstStem;
    /** Every phrase by its anchors; those without indexable first words are found through these alone. */
    private final IdTable<BitSet> byAnchor;
    private final IdTable<int[]> byAnchorStem;
    /** Per phrase, each item it cannot match without: the numbers of the words and of the prefixes it can be. */
    private final Required[][] required;
    private final BitSet unanchored = new BitSet();
    /** The phrases without indexable first words. */
    private final BitSet byAnchorOnly = new BitSet();

    /** An index with a vocabulary of its own. */
    PhraseIndex(List<Phrase> phrases) {
        this(phrases, new Vocabulary());
    }

    /** An index numbering its words in {@code vocabulary}, which the other indexes of its lexicons share. */
    PhraseIndex(List<Phrase> phrases, Vocabulary vocabulary) {
        this.phrases = List.copyOf(phrases);
        this.vocabulary = vocabulary;
        this.number = vocabulary.newIndex();
        Map<Integer, List<Integer>> firstWords = new HashMap<>();
        Map<Integer, List<Integer>> firstStems = new HashMap<>();
        Map<Integer, BitSet> anchors = new HashMap<>();
        Map<Integer, List<Integer>> anchorStems = new HashMap<>();
        this.required = new Required[phrases.size()][];
        for (int i = 0; i < phrases.size(); i++) {
            Phrase phrase = phrases.get(i);
            required[i] = phrase.required.stream().map(words -> Required.of(words, vocabulary))
                    .toArray(Required[]::new);
            if (indexable(phrase)) {
                for (String first : phrase.firsts) {
                    (first.endsWith("*") ? firstStems : firstWords).computeIfAbsent(number(first, vocabulary),
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
                int id = number(anchor, vocabulary);
                boolean stem = anchor.endsWith("*");
                vocabulary.anchors(id, stem, number);
                if (stem) {
                    anchorStems.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                } else {
                    anchors.computeIfAbsent(id, k -> new BitSet()).set(i);
                }
            }
        }
        this.byFirstWord = new IdTable<>(ids(firstWords));
        this.byFirstStem = new IdTable<>(ids(firstStems));
        this.byAnchor = new IdTable<>(anchors);
        this.byAnchorStem = new IdTable<>(ids(anchorStems));
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

    /** The {@link Vocabulary} number of a word, or of a prefix ({@code word*}). */
    private static int number(String word, Vocabulary vocabulary) {
        return word.endsWith("*")
                ? vocabulary.stem(word.substring(0, word.length() - 1))
                : vocabulary.word(word);
    }

    private static Map<Integer, int[]> ids(Map<Integer, List<Integer>> lists) {
        Map<Integer, int[]> out = new HashMap<>();
        lists.forEach((key, ids) -> out.put(key, ids.stream().mapToInt(Integer::intValue).distinct().sorted()
                .toArray()));
        return out;
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
        Vocabulary.Reading read = s.readBy(vocabulary);
        if (unanchored.isEmpty() && !read.mentions(number)) {
            return List.of(); // no phrase can match without one of its anchors: most sentences, for most indexes
        }
        List<Hit> hits = new ArrayList<>();
        BitSet anchored = null; // the phrases whose anchor is in the sentence, found when first needed
        for (int t = 0; t < s.size(); t++) {
            int[] exact = byFirstWord.get(read.wordIds()[t]);
            if (exact != null) {
                anchored = anchored == null ? anchored(read) : anchored;
                tryAt(exact, anchored, read, s, t, hits);
            }
            for (int stem : read.stemIds()[t]) {
                int[] starting = byFirstStem.get(stem);
                if (starting != null) {
                    anchored = anchored == null ? anchored(read) : anchored;
                    tryAt(starting, anchored, read, s, t, hits);
                }
            }
        }
        if (!byAnchorOnly.isEmpty()) {
            BitSet candidates = (BitSet) (anchored == null ? anchored(read) : anchored).clone();
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

    private void tryAt(int[] candidates, BitSet anchored, Vocabulary.Reading read, Sentence s, int t,
            List<Hit> hits) {
        for (int p : candidates) {
            if (!anchored.get(p) || insideLastMatch(hits, p, t) || !allIn(required[p], read)) {
                // its anchor or another word it needs is not in the sentence, or t is inside its previous match
                continue;
            }
            int end = phrases.get(p).matchAt(s, t);
            if (end >= 0) {
                hits.add(new Hit(p, t, Math.max(t + 1, end)));
            }
        }
    }

    /**
     * Whether token {@code t} lies inside the last match of phrase {@code p} so far: a phrase's matches never overlap,
     * as with {@link Matcher#find}. A match ends after a token's space, so it covers exactly the tokens before its end.
     */
    private static boolean insideLastMatch(List<Hit> hits, int p, int t) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).phrase() == p) {
                return t < hits.get(i).to();
            }
        }
        return false;
    }

    /** The phrases that may match the sentence: one of their anchors is there (or they have none). */
    private BitSet anchored(Vocabulary.Reading read) {
        BitSet candidates = (BitSet) unanchored.clone();
        for (int t = 0; t < read.wordIds().length; t++) {
            BitSet exact = byAnchor.get(read.wordIds()[t]);
            if (exact != null) {
                candidates.or(exact);
            }
            for (int stem : read.stemIds()[t]) {
                int[] ids = byAnchorStem.get(stem);
                if (ids != null) {
                    for (int phrase : ids) {
                        candidates.set(phrase);
                    }
                }
            }
        }
        return candidates;
    }

    private static boolean allIn(Required[] items, Vocabulary.Reading read) {
        for (Required item : items) {
            if (!item.in(read)) {
                return false;
            }
        }
        return true;
    }

    /** One item a phrase needs: the numbers of the words and of the prefixes its token can be. */
    private record Required(int[] words, int[] stems) {

        static Required of(Set<String> words, Vocabulary vocabulary) {
            return new Required(
                    words.stream().filter(w -> !w.endsWith("*")).mapToInt(vocabulary::word).distinct().toArray(),
                    words.stream().filter(w -> w.endsWith("*"))
                            .mapToInt(w -> vocabulary.stem(w.substring(0, w.length() - 1))).distinct().toArray());
        }

        /** Whether a token of the sentence is one of the words, or starts with one of the prefixes. */
        boolean in(Vocabulary.Reading read) {
            int[] ids = read.wordIds();
            for (int t = 0; t < ids.length; t++) {
                if (contains(words, ids[t])) {
                    return true;
                }
                for (int stem : read.stemIds()[t]) {
                    if (contains(stems, stem)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean contains(int[] ids, int id) {
            for (int candidate : ids) {
                if (candidate == id) {
                    return true;
                }
            }
            return false;
        }
    }
}
