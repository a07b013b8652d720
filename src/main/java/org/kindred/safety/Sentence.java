package org.kindred.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One sentence (or a window of a very long one) as folded tokens, ready for phrase matching. {@link #text()} is
 * {@code " tok tok , tok "}: tokens are runs of letters, digits and inner apostrophes, separated by single spaces,
 * with {@code ,} standing for any clause punctuation and for the edges of a quotation. Every token also records
 * whether it was inside quotation marks.
 */
final class Sentence {

    /** Tokens longer than this are not words (a URL, a key smash); they become a placeholder. */
    static final int MAX_TOKEN_LENGTH = 40;
    /** Long sentences are cut into overlapping windows so that matching work stays bounded per window. */
    static final int WINDOW = 120;
    static final int OVERLAP = 20;
    static final String COMMA = ",";

    private final String[] tokens;
    private final boolean[] quoted;
    /**
     * {@link #text()} and where each token starts in it, written out when first asked: phrases match over the tokens
     * ({@link TokenProgram}), so only a phrase's definition, its regular expression, reads the text.
     */
    private String text;
    private int[] starts;
    /** How the last {@link Vocabulary} to ask read the tokens: once for every index that reads the sentence. */
    private Vocabulary.Reading reading;

    /** Whether this is a later window of a sentence longer than {@link #WINDOW}: its first token starts no clause. */
    private final boolean continued;

    private Sentence(List<String> tokens, List<Boolean> quoted, boolean continued) {
        this.continued = continued;
        this.tokens = tokens.toArray(String[]::new);
        this.quoted = new boolean[tokens.size()];
        for (int i = 0; i < this.tokens.length; i++) {
            this.quoted[i] = quoted.get(i);
        }
    }

    String text() {
        if (text == null) {
            int[] at = new int[tokens.length];
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < tokens.length; i++) {
                at[i] = sb.length();
                sb.append(tokens[i]).append(' ');
            }
            starts = at;
            text = sb.toString();
        }
        return text;
    }

    int size() {
        return tokens.length;
    }

    String token(int index) {
        return tokens[index];
    }

    /**
     * The tokens as this vocabulary reads them, read once per vocabulary (a sentence is read by the lexicons of one
     * {@link SafetyCheck}, which share one). A sentence belongs to one thread.
     */
    Vocabulary.Reading readBy(Vocabulary vocabulary) {
        if (reading == null || reading.vocabulary() != vocabulary) {
            reading = vocabulary.read(this);
        }
        return reading;
    }

    /** Whether token {@code index} starts a clause: the sentence's first token, or one after a comma. */
    boolean startsClause(int index) {
        return index == 0 ? !continued : isComma(index - 1);
    }

    boolean isComma(int index) {
        return COMMA.equals(tokens[index]);
    }

    boolean quoted(int index) {
        return quoted[index];
    }

    boolean allQuoted(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!quoted[i] && !isComma(i)) {
                return false;
            }
        }
        return true;
    }

    boolean anyQuoted(int from, int to) {
        for (int i = from; i < to; i++) {
            if (quoted[i]) {
                return true;
            }
        }
        return false;
    }

    /** The char offset in {@link #text()} where token {@code index} starts. */
    int offset(int index) {
        text();
        return starts[index];
    }

    /** The index of the token that starts at or contains char offset {@code offset} of {@link #text()}. */
    int tokenAt(int offset) {
        text();
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** The exclusive end token index of a match that ends at char offset {@code end} (just after a space). */
    int tokenEnd(int end) {
        text();
        int i = Arrays.binarySearch(starts, end);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public String toString() {
        return text();
    }

    /** Cuts a whole text into sentences; quotation marks are resolved over the whole text first. */
    static List<Sentence> split(String original) {
        return split(original, Map.of());
    }

    /**
     * Cuts a whole text into sentences, writing casual spellings out ("tonite" as "tonight", "rn" as "right now") so
     * that the phrases need not list them.
     */
    static List<Sentence> split(String original, Map<String, List<String>> spellings) {
        return splitFolded(Folding.fold(original), spellings);
    }

    /** {@link #split(String, Map)} of a text the caller already folded with {@link Folding#fold}. */
    static List<Sentence> splitFolded(String folded, Map<String, List<String>> spellings) {
        boolean[] inQuote = Quotes.mask(folded);
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Boolean> quotedFlags = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean wordQuoted = false;
        int n = folded.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? folded.charAt(i) : '.';
            boolean inner = c == '\'' && !word.isEmpty() && i + 1 < n && isWordChar(folded.charAt(i + 1));
            if (isWordChar(c) || inner) {
                if (word.isEmpty()) {
                    wordQuoted = inQuote[i];
                }
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                String token = word.toString();
                List<String> meant = spellings.get(token);
                if (meant == null) {
                    tokens.add(token.length() > MAX_TOKEN_LENGTH ? "0" : token);
                    quotedFlags.add(wordQuoted);
                } else {
                    for (String written : meant) {
                        tokens.add(written);
                        quotedFlags.add(wordQuoted);
                    }
                }
                word.setLength(0);
            }
            if (isSentenceEnd(c)) {
                addWindows(sentences, tokens, quotedFlags);
                tokens.clear();
                quotedFlags.clear();
            } else if (isClausePunctuation(c) && !tokens.isEmpty() && !COMMA.equals(last(tokens))) {
                tokens.add(COMMA);
                quotedFlags.add(false);
            }
        }
        return sentences;
    }

    private static void addWindows(List<Sentence> out, List<String> tokens, List<Boolean> quoted) {
        while (!tokens.isEmpty() && COMMA.equals(last(tokens))) {
            tokens.remove(tokens.size() - 1);
            quoted.remove(quoted.size() - 1);
        }
        if (tokens.isEmpty()) {
            return;
        }
        for (int from = 0;; from += WINDOW - OVERLAP) {
            int to = Math.min(tokens.size(), from + WINDOW);
            out.add(new Sentence(tokens.subList(from, to), quoted.subList(from, to), from > 0));
            if (to == tokens.size()) {
                return;
            }
        }
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isSentenceEnd(char c) {
        return switch (c) {
            case '.', '!', '?', ';', '\n', '\r', '\u2026', '\u00A1', '\u00BF', '\u3002', '\u2029' -> true;
            case '\u061F', '\u061B', '\u06D4' -> true; // Arabic question mark, semicolon, full stop
            default -> false;
        };
    }

    private static boolean isClausePunctuation(char c) {
        return switch (c) {
            case ',', ':', '(', ')', '[', ']', '{', '}', '\u2013', '\u2014', '/', '|', '*' -> true;
            case '\u060C' -> true; // Arabic comma
            default -> false;
        };
    }
}
