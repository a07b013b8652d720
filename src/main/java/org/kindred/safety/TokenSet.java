package org.kindred.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of lexicon words (folded like the text; {@code *} stands for any letters inside one token) that answers
 * whether one token is in it. Plain words are a hash lookup and {@code word*} a prefix test, so the per-token
 * questions the check asks for every lexicon and every token of a post (a common word? a negation? the writer's
 * "I"?) cost no regular-expression run; only words with an inner {@code *} fall back to one.
 */
final class TokenSet {

    private final Set<String> words = new HashSet<>();
    private final TokenFilter filter = new TokenFilter();
    private final List<String> prefixes = new ArrayList<>();
    private final Pattern others;

    private TokenSet(Collection<String> folded) {
        List<String> patterns = new ArrayList<>();
        for (String word : folded) {
            int star = word.indexOf('*');
            if (star < 0) {
                words.add(word);
                filter.add(word);
            } else if (star > 0 && star == word.length() - 1) {
                prefixes.add(word.substring(0, star));
            } else {
                patterns.add(Phrase.foldedWord(word));
            }
        }
        this.others = patterns.isEmpty() ? null : Pattern.compile(String.join("|", patterns));
    }

    /** The set of these lexicon words (any spelling: they are folded here). */
    static TokenSet of(Collection<String> lexiconWords) {
        return new TokenSet(lexiconWords.stream().map(Phrase::fold).toList());
    }

    /** The set of words already folded and checked, as {@link Phrase#fold} returns them (or the comma token). */
    static TokenSet ofFolded(Collection<String> folded) {
        return new TokenSet(folded);
    }

    /** The plain words (no {@code *}). */
    Set<String> words() {
        return Set.copyOf(words);
    }

    /** The prefixes of the {@code word*} words, without the {@code *}. */
    List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    /** Whether some word has a {@code *} elsewhere than at its end, which only a regular expression answers. */
    boolean hasPatterns() {
        return others != null;
    }

    /** Whether the token (folded, from a {@link Sentence}) is one of the words. */
    boolean contains(String token) {
        if (filter.mayContain(token) && words.contains(token)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (token.startsWith(prefix)) {
                return true;
            }
        }
        return others != null && others.matcher(token).matches();
    }
}
