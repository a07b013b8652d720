package org.kindred.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Phrase} compiled to a small backtracking program over a sentence's tokens, which finds the same match as
 * the phrase's regular expression ({@link Phrase#pattern}, its definition) does over {@link Sentence#text()}, only a
 * token at a time instead of a character at a time: a word is one string comparison, a gap one set lookup per token.
 *
 * <p>
 * The expression is matched by Java's backtracking engine, which returns the first match in its order of preference:
 * alternatives left to right, a gap ({@code {0,N}}, greedy) as long as it can be first. The program keeps that order:
 * each choice ({@link #SPLIT}) tries its first branch and remembers the second, and a failure resumes the choice made
 * last. Gaps are written out ({@code ~3} is three optional tokens, each preferring to take one), so the program has no
 * loops and a match costs at most what the expression's did.
 */
final class TokenProgram {

    /** A piece of a parsed phrase, as {@link Phrase}'s parser reads it. */
    sealed interface Piece permits Word, Digits, End, Comma, Gap, Sequence, Alternatives {
    }

    /** A token: a folded word, {@code *} standing for any letters. */
    record Word(String folded) implements Piece {
    }

    /** A token of digits ({@code #}). */
    record Digits() implements Piece {
    }

    /** The end of a clause ({@code .}): a comma or the end of the sentence follows; takes no token. */
    record End() implements Piece {
    }

    /** A comma token ({@code ,}). */
    record Comma() implements Piece {
    }

    /** Up to {@code max} tokens, neither a comma nor a negation ({@code ~N}). */
    record Gap(int max) implements Piece {
    }

    record Sequence(List<Piece> items) implements Piece {
    }

    record Alternatives(List<Piece> options) implements Piece {
    }

    private static final byte WORD = 0;
    private static final byte PREFIX = 1;
    private static final byte PATTERN = 2;
    private static final byte NUMBER = 3;
    private static final byte COMMA = 4;
    private static final byte END = 5;
    private static final byte GAP = 6;
    /** Go on at {@code first[pc]}; when that fails, at {@code second[pc]} with the same token. */
    private static final byte SPLIT = 7;
    private static final byte JUMP = 8;
    private static final byte MATCH = 9;

    private final byte[] ops;
    private final int[] first;
    private final int[] second;
    private final String[] words;
    /** The words with {@code *} elsewhere than at the end, split at each {@code *}. */
    private final String[][] patterns;
    /** The words a gap may not cross; null when the lexicon has none. */
    private final TokenSet negation;
    private final int splits;

    private TokenProgram(Builder b, TokenSet negation) {
        int n = b.ops.size();
        this.ops = new byte[n];
        this.first = new int[n];
        this.second = new int[n];
        this.words = new String[n];
        this.patterns = new String[n][];
        int splitCount = 0;
        for (int i = 0; i < n; i++) {
            ops[i] = b.ops.get(i);
            first[i] = b.first.get(i);
            second[i] = b.second.get(i);
            String word = b.words.get(i);
            words[i] = word;
            if (ops[i] == PATTERN) {
                patterns[i] = word.split("\\*", -1);
            }
            splitCount += ops[i] == SPLIT ? 1 : 0;
        }
        this.negation = negation;
        this.splits = splitCount;
    }

    static TokenProgram compile(Piece body, TokenSet negation) {
        Builder b = new Builder();
        b.emit(body);
        b.add(MATCH, 0, 0, null);
        return new TokenProgram(b, negation);
    }

    /**
     * Where the phrase's first match starting at token {@code start} ends (the index after its last token), or -1 when
     * it does not match there.
     */
    int matchAt(Sentence s, int start) {
        int[] choices = null; // the choices to resume: program counter and token, in pairs
        int pending = 0;
        int pc = 0;
        int t = start;
        int n = s.size();
        while (true) {
            boolean ok;
            switch (ops[pc]) {
                case WORD -> ok = t < n && words[pc].equals(s.token(t));
                case PREFIX -> ok = t < n && s.token(t).startsWith(words[pc]);
                case PATTERN -> ok = t < n && !s.isComma(t) && glob(patterns[pc], s.token(t));
                case NUMBER -> ok = t < n && digits(s.token(t));
                case COMMA -> ok = t < n && s.isComma(t);
                case GAP -> ok = t < n && !s.isComma(t) && (negation == null || !negation.contains(s.token(t)));
                case END -> {
                    if (t == n || s.isComma(t)) {
                        pc++;
                        continue;
                    }
                    ok = false;
                }
                case SPLIT -> {
                    if (choices == null) {
                        choices = new int[2 * splits];
                    }
                    choices[pending++] = second[pc];
                    choices[pending++] = t;
                    pc = first[pc];
                    continue;
                }
                case JUMP -> {
                    pc = first[pc];
                    continue;
                }
                default -> {
                    return t; // MATCH
                }
            }
            if (ok) {
                pc++;
                t++;
            } else if (pending == 0) {
                return -1;
            } else {
                t = choices[--pending];
                pc = choices[--pending];
            }
        }
    }

    private static boolean digits(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !token.isEmpty();
    }

    /** Whether the token is the parts in order with anything between them (the word split at its {@code *}s). */
    static boolean glob(String[] parts, String token) {
        int last = parts.length - 1;
        if (!token.startsWith(parts[0]) || token.length() < parts[0].length() + parts[last].length()
                || !token.endsWith(parts[last])) {
            return false;
        }
        int from = parts[0].length();
        int until = token.length() - parts[last].length();
        for (int i = 1; i < last; i++) {
            int at = token.indexOf(parts[i], from);
            if (at < 0 || at + parts[i].length() > until) {
                return false;
            }
            from = at + parts[i].length();
        }
        return true;
    }

    /** Writes pieces out as instructions; a jump's target is filled in once known. */
    private static final class Builder {
        final List<Byte> ops = new ArrayList<>();
        final List<Integer> first = new ArrayList<>();
        final List<Integer> second = new ArrayList<>();
        final List<String> words = new ArrayList<>();

        int add(byte op, int a, int b, String word) {
            ops.add(op);
            first.add(a);
            second.add(b);
            words.add(word);
            return ops.size() - 1;
        }

        void emit(Piece piece) {
            if (piece instanceof Word w) {
                word(w.folded());
            } else if (piece instanceof Digits) {
                add(NUMBER, 0, 0, null);
            } else if (piece instanceof Comma) {
                add(COMMA, 0, 0, null);
            } else if (piece instanceof End) {
                add(END, 0, 0, null);
            } else if (piece instanceof Gap g) {
                List<Integer> skips = new ArrayList<>();
                for (int i = 0; i < g.max(); i++) {
                    skips.add(add(SPLIT, ops.size() + 1, -1, null)); // prefer one more token
                    add(GAP, 0, 0, null);
                }
                skips.forEach(split -> second.set(split, ops.size()));
            } else if (piece instanceof Sequence s) {
                s.items().forEach(this::emit);
            } else {
                alternatives(((Alternatives) piece).options());
            }
        }

        private void word(String folded) {
            int star = folded.indexOf('*');
            if (star < 0) {
                add(WORD, 0, 0, folded);
            } else if (star > 0 && star == folded.length() - 1) {
                add(PREFIX, 0, 0, folded.substring(0, star));
            } else {
                add(PATTERN, 0, 0, folded);
            }
        }

        private void alternatives(List<Piece> options) {
            List<Integer> exits = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                int split = i < options.size() - 1 ? add(SPLIT, ops.size() + 1, -1, null) : -1;
                emit(options.get(i));
                if (split >= 0) {
                    exits.add(add(JUMP, -1, 0, null));
                    second.set(split, ops.size());
                }
            }
            exits.forEach(jump -> first.set(jump, ops.size()));
        }
    }
}
