package org.kindred.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases indexed by their anchors, so a sentence only runs the phrases that can match it: with hundreds of
 * phrases per language, checking each against every sentence would make a long post slow.
 */
final class PhraseIndex {

    private final List<Phrase> phrases;
    private final Map<String, BitSet> byWord = new HashMap<>();
    /** Prefix anchors, grouped by their first {@link Phrase#MIN_PREFIX} letters. */
    private final Map<String, List<PrefixAnchor>> byPrefixStart = new HashMap<>();
    private final BitSet always = new BitSet();

    private record PrefixAnchor(String prefix, int phrase) {
    }

    PhraseIndex(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        for (int i = 0; i < phrases.size(); i++) {
            Phrase phrase = phrases.get(i);
            if (phrase.anchors == null) {
                always.set(i);
                continue;
            }
            for (String anchor : phrase.anchors) {
                if (anchor.endsWith("*")) {
                    String prefix = anchor.substring(0, anchor.length() - 1);
                    byPrefixStart.computeIfAbsent(prefix.substring(0, Phrase.MIN_PREFIX), k -> new ArrayList<>())
                            .add(new PrefixAnchor(prefix, i));
                } else {
                    byWord.computeIfAbsent(anchor, k -> new BitSet()).set(i);
                }
            }
        }
    }

    Phrase get(int index) {
        return phrases.get(index);
    }

    /** The indexes of the phrases that may match the sentence, in their original order. */
    BitSet candidates(Sentence s) {
        BitSet candidates = (BitSet) always.clone();
        for (int t = 0; t < s.size(); t++) {
            String token = s.token(t);
            BitSet exact = byWord.get(token);
            if (exact != null) {
                candidates.or(exact);
            }
            if (token.length() >= Phrase.MIN_PREFIX) {
                List<PrefixAnchor> prefixes = byPrefixStart.get(token.substring(0, Phrase.MIN_PREFIX));
                if (prefixes != null) {
                    for (PrefixAnchor p : prefixes) {
                        if (token.startsWith(p.prefix())) {
                            candidates.set(p.phrase());
                        }
                    }
                }
            }
        }
        return candidates;
    }
}
