package org.kindred.safety;

/**
 * Finds quoted passages: words inside a pair of quotation marks are someone else's (a slur reported, an article
 * cited, a troll's message), so the crisis level ignores them. Double marks of any style pair with each other;
 * a single {@code '} opens only before a word and after a space (so "don't" never opens a quote) and closes only
 * after a word. A quote still open at a line break or at the end is not a quote. If every word of the text is
 * quoted, the writer is quoting themselves (a whole post in quotes), and nothing counts as quoted.
 */
final class Quotes {

    private Quotes() {
    }

    static boolean[] mask(String text) {
        int n = text.length();
        boolean[] quoted = new boolean[n];
        int open = -1;
        char opener = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                open = -1;
                continue;
            }
            if (open < 0) {
                if (isDouble(c) || c == '\'' && opensSingle(text, i)) {
                    open = i;
                    opener = c;
                }
            } else if (isDouble(opener) ? isDouble(c) : c == '\'' && closesSingle(text, i)) {
                for (int k = open + 1; k < i; k++) {
                    quoted[k] = true;
                }
                open = -1;
            }
        }
        return everyWordQuoted(text, quoted) ? new boolean[n] : quoted;
    }

    private static boolean everyWordQuoted(String text, boolean[] quoted) {
        for (int i = 0; i < text.length(); i++) {
            if (Sentence.isWordChar(text.charAt(i)) && !quoted[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDouble(char c) {
        return switch (c) {
            case '"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2039', '\u203A', '\u300C', '\u300D' -> true;
            default -> false;
        };
    }

    private static boolean opensSingle(String text, int i) {
        boolean before = i == 0 || !Sentence.isWordChar(text.charAt(i - 1)) && text.charAt(i - 1) != '\'';
        boolean after = i + 1 < text.length() && Sentence.isWordChar(text.charAt(i + 1));
        return before && after;
    }

    private static boolean closesSingle(String text, int i) {
        boolean before = i > 0 && Sentence.isWordChar(text.charAt(i - 1));
        boolean after = i + 1 >= text.length() || !Sentence.isWordChar(text.charAt(i + 1));
        return before && after;
    }
}
