package org.kindred.moderation.safety;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A lexicon phrase compiled to a regular expression over {@link Sentence#text()}. The phrase language is small on
 * purpose, so that every compiled expression is linear in the text: no user-written quantifiers, no nested
 * repetition, and the only repetition ({@code ~N}) is bounded and over single tokens.
 *
 * <pre>
 * word        a token, folded like the text (accents and case do not matter); inner apostrophes allowed
 * wo*d        * stands for any letters inside one token ("suicid*" matches suicide, suicidal, suicidio)
 * (a|b c|)    alternatives, each a sequence; an empty alternative makes the group optional; groups nest
 * ~  ~N       up to N (default 2) arbitrary tokens, but never a negation word of the lexicon, nor a comma
 * #           a number
 * .           the end of the clause (a comma or the end of the sentence follows)
 * ,           a comma: clause punctuation in the text ("beschlossen , mir das Leben zu nehmen")
 * $NAME       a macro of the lexicon, replaced by its text before parsing
 * </pre>
 *
 * A phrase never matches across a comma (clause punctuation or the edge of a quotation) unless it says so.
 */
final class Phrase {

    private static final String TOKEN_CHAR = "[^ ,]";
    private static final int MAX_MACRO_DEPTH = 5;

    final String source;
    final Pattern pattern;

    private Phrase(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /**
     * @param negations token patterns (same word syntax) that a {@code ~} gap may not cross; may be empty
     */
    static Phrase compile(String source, Map<String, String> macros, List<String> negations) {
        String expanded = expand(source, macros, 0);
        String negation = negations.isEmpty()
                ? null
                : "(?:" + String.join("|", negations.stream().map(Phrase::word).toList()) + ")";
        Parser parser = new Parser(expanded.trim(), negation, source);
        String body = parser.alternatives();
        if (parser.pos < parser.src.length()) {
            throw parser.error("unexpected '" + parser.src.charAt(parser.pos) + "'");
        }
        if (body.isEmpty()) {
            throw parser.error("empty phrase");
        }
        return new Phrase(source, Pattern.compile("(?<= )" + body));
    }

    /** A single token pattern (no trailing space), e.g. for negation words. */
    static String word(String token) {
        String folded = Folding.fold(token.trim());
        if (folded.isEmpty()
                || folded.chars().anyMatch(c -> !(Character.isLetterOrDigit(c) || c == '\'' || c == '*'))) {
            throw new IllegalArgumentException("not a single word: \"" + token + "\"");
        }
        StringBuilder sb = new StringBuilder();
        for (char c : folded.toCharArray()) {
            sb.append(c == '*' ? TOKEN_CHAR + "*" : Pattern.quote(String.valueOf(c)));
        }
        return sb.toString();
    }

    private static String expand(String source, Map<String, String> macros, int depth) {
        if (depth > MAX_MACRO_DEPTH) {
            throw new IllegalArgumentException("macros nested too deeply in \"" + source + "\"");
        }
        if (source.indexOf('$') < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < source.length() && (Character.isUpperCase(source.charAt(j)) || source.charAt(j) == '_'
                    || Character.isDigit(source.charAt(j)))) {
                j++;
            }
            String name = source.substring(i + 1, j);
            String value = macros.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown macro $" + name + " in \"" + source + "\"");
            }
            out.append(expand(value, macros, depth + 1));
            i = j;
        }
        return out.toString();
    }

    private static final class Parser {
        private final String src;
        private final String negation;
        private final String original;
        private int pos;

        Parser(String src, String negation, String original) {
            this.src = src;
            this.negation = negation;
            this.original = original;
        }

        String alternatives() {
            StringBuilder alts = new StringBuilder(sequence());
            boolean several = false;
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                alts.append('|').append(sequence());
                several = true;
            }
            return several ? "(?:" + alts + ")" : alts.toString();
        }

        private String sequence() {
            StringBuilder seq = new StringBuilder();
            while (true) {
                skipSpaces();
                if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
                    return seq.toString();
                }
                seq.append(item());
            }
        }

        private String item() {
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                String inner = alternatives();
                if (pos >= src.length() || src.charAt(pos) != ')') {
                    throw error("missing ')'");
                }
                pos++;
                return inner;
            }
            if (c == '~') {
                pos++;
                int start = pos;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
                int n = start == pos ? 2 : Integer.parseInt(src.substring(start, pos));
                if (n < 1 || n > 8) {
                    throw error("a gap is 1 to 8 tokens");
                }
                String guard = negation == null ? "" : "(?!" + negation + " )";
                return "(?:" + guard + TOKEN_CHAR + "+ ){0," + n + "}";
            }
            if (c == '#') {
                pos++;
                return "[0-9]+ ";
            }
            if (c == '.') {
                pos++;
                return "(?=, |$)";
            }
            if (c == ',') {
                pos++;
                return ", ";
            }
            int start = pos;
            while (pos < src.length() && " ()|~#.,".indexOf(src.charAt(pos)) < 0) {
                pos++;
            }
            String token = src.substring(start, pos);
            if (token.isEmpty()) {
                throw error("unexpected '" + c + "'");
            }
            return word(token) + " ";
        }

        private void skipSpaces() {
            while (pos < src.length() && src.charAt(pos) == ' ') {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " in phrase \"" + original + "\"");
        }
    }
}
