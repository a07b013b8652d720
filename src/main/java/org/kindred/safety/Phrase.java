package org.kindred.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexicon phrase compiled to a regular expression over {@link Sentence#text()}, which defines what it matches, and
 * to a {@link TokenProgram}, which finds the same matches token by token and is what the check runs. The phrase
 * language is small on purpose, so that every compiled expression is linear in the text: no user-written quantifiers,
 * no nested repetition, and the only repetition ({@code ~N}) is bounded and over single tokens.
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
 *
 * <p>
 * Each phrase also knows its anchors: words (or word prefixes, ending in {@code *}) one of which must be in a
 * sentence for the phrase to match there, so that {@link PhraseIndex} only runs the phrases that can match.
 */
final class Phrase {

    private static final String TOKEN_CHAR = "[^ ,]";
    private static final int MAX_MACRO_DEPTH = 5;
    /** Prefix anchors shorter than this would select too many tokens to be worth indexing. */
    static final int MIN_PREFIX = 3;

    final String source;
    /**
     * What the phrase means, as a regular expression over {@link Sentence#text()}; {@link #program} finds the same
     * matches token by token. Compiled only when asked ({@link #pattern()}): the check never runs it.
     */
    private final String regex;
    private volatile Pattern pattern;
    private final TokenProgram program;
    /** One of these must occur in a sentence for the phrase to match; null when that cannot be said. */
    final Set<String> anchors;
    /**
     * Every item of the phrase that must match a token, as the words (or prefixes) that token can be: a sentence
     * lacking any one of them cannot match, so {@link PhraseIndex} runs no regular expression there. {@link #anchors}
     * is the rarest of them.
     */
    final List<Set<String>> required;
    /**
     * The words (folded, {@code *} for any letters) a match can start with, through optional openings ("(ya|) no
     * puedo" starts with "ya" or "no"); null when it may start with any token (a gap or a number). {@link PhraseIndex}
     * tries a phrase only at the tokens it can start with.
     */
    final Set<String> firsts;
    private final TokenSet firstTokens;

    private Phrase(String source, String regex, TokenProgram program, Set<String> anchors, Set<String> firsts,
            List<Set<String>> required) {
        this.source = source;
        this.regex = regex;
        this.program = program;
        this.anchors = anchors;
        this.required = required;
        this.firsts = firsts == null ? null : Set.copyOf(firsts);
        this.firstTokens = firsts == null ? null : TokenSet.ofFolded(firsts);
    }

    /** Receives the token span [from, to) of each match. */
    @FunctionalInterface
    interface Matches {
        void at(int from, int to);
    }

    /**
     * Finds the matches in a sentence, left to right and never overlapping, as {@link Matcher#find} would with
     * {@link #pattern()}, and gives each one's tokens. Only the tokens a match can start with are tried (a hash lookup
     * each) when they can be named.
     */
    void find(Sentence s, Matches matches) {
        int t = 0;
        while (t < s.size()) {
            int end = firstTokens == null || firstTokens.contains(s.token(t)) ? matchAt(s, t) : -1;
            if (end > t) {
                matches.at(t, end);
                t = end;
            } else {
                t++;
            }
        }
    }

    /** The regular expression that defines the phrase, over {@link Sentence#text()}. */
    Pattern pattern() {
        Pattern compiled = pattern;
        if (compiled == null) {
            compiled = Pattern.compile(regex);
            pattern = compiled;
        }
        return compiled;
    }

    /**
     * Where the phrase's match starting at token {@code t} ends (the index after its last token, as
     * {@link Matcher#lookingAt} with {@link #pattern()} from that token would end), or -1 when it does not match there.
     */
    int matchAt(Sentence s, int t) {
        return program.matchAt(s, t);
    }

    /**
     * @param negations token patterns (same word syntax) that a {@code ~} gap may not cross; may be empty
     */
    static Phrase compile(String source, Map<String, String> macros, List<String> negations) {
        return compile(source, macros, negations, negations.isEmpty() ? null : TokenSet.of(negations));
    }

    /**
     * @param negations token patterns (same word syntax) that a {@code ~} gap may not cross; may be empty
     * @param negation the same words as a set ({@link TokenSet#of}), which a lexicon builds once for all its phrases;
     *            null when there are none
     */
    static Phrase compile(String source, Map<String, String> macros, List<String> negations, TokenSet negation) {
        String expanded = expand(source, macros, 0);
        String negationPattern = negations.isEmpty()
                ? null
                : "(?:" + String.join("|", negations.stream().map(Phrase::word).toList()) + ")";
        Parser parser = new Parser(expanded.trim(), negationPattern, source);
        Node body = parser.alternatives();
        if (parser.pos < parser.src.length()) {
            throw parser.error("unexpected '" + parser.src.charAt(parser.pos) + "'");
        }
        if (body.regex.isEmpty() || body.nullable) {
            throw parser.error("empty phrase, or one that can match no token");
        }
        return new Phrase(source, "(?<= )" + body.regex, TokenProgram.compile(body.piece, negation),
                body.anchors, body.firsts, body.required);
    }

    /** A single token pattern (no trailing space), e.g. for negation words. */
    static String word(String token) {
        return foldedWord(fold(token));
    }

    /** The token pattern of a word already folded by {@link #fold}. */
    static String foldedWord(String folded) {
        StringBuilder sb = new StringBuilder();
        for (char c : folded.toCharArray()) {
            sb.append(c == '*' ? TOKEN_CHAR + "*" : Pattern.quote(String.valueOf(c)));
        }
        return sb.toString();
    }

    static String fold(String token) {
        String folded = Folding.fold(token.trim());
        if (folded.isEmpty()
                || folded.chars().anyMatch(c -> !(Character.isLetterOrDigit(c) || c == '\'' || c == '*'))) {
            throw new IllegalArgumentException("not a single word: \"" + token + "\"");
        }
        return folded;
    }

    /** The anchor of a word: itself, or its prefix before the first {@code *} if long enough, else none. */
    private static Set<String> anchorOf(String folded) {
        int star = folded.indexOf('*');
        if (star < 0) {
            return Set.of(folded);
        }
        return star >= MIN_PREFIX ? Set.of(folded.substring(0, star) + "*") : null;
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

    /**
     * A parsed piece of a phrase: its regular expression, its anchors (null: none can be named), the words the first
     * token of its match can be (null: any token), and whether it can match no token at all.
     */
    private record Node(String regex, TokenProgram.Piece piece, Set<String> anchors, Set<String> firsts,
            boolean nullable, List<Set<String>> required) {

        Node(String regex, TokenProgram.Piece piece, Set<String> anchors, Set<String> firsts, boolean nullable) {
            this(regex, piece, anchors, firsts, nullable, anchors == null ? List.of() : List.of(anchors));
        }
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

        /** Alternatives: one of them matches, so the anchors are the union, unless one has none. */
        Node alternatives() {
            Node first = sequence();
            StringBuilder alts = new StringBuilder(first.regex());
            List<TokenProgram.Piece> options = new ArrayList<>(List.of(first.piece()));
            Set<String> anchors = first.anchors() == null ? null : new HashSet<>(first.anchors());
            Set<String> firsts = first.firsts() == null ? null : new HashSet<>(first.firsts());
            boolean nullable = first.nullable();
            boolean several = false;
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                Node next = sequence();
                alts.append('|').append(next.regex());
                options.add(next.piece());
                anchors = anchors == null || next.anchors() == null ? null : union(anchors, next.anchors());
                firsts = firsts == null || next.firsts() == null ? null : union(firsts, next.firsts());
                nullable |= next.nullable();
                several = true;
            }
            // one alternative: each of its items is required; several: one of their anchors at least
            return several
                    ? new Node("(?:" + alts + ")", new TokenProgram.Alternatives(List.copyOf(options)), anchors, firsts,
                            nullable)
                    : new Node(alts.toString(), first.piece(), anchors, firsts, nullable, first.required());
        }

        /**
         * A sequence: every item matches, so the anchors of its most selective item (rarest words) will do. It starts
         * with what its first item starts with, or, where that item can match no token ("(ya|) no puedo mas"), with
         * what the next one starts with too.
         */
        private Node sequence() {
            StringBuilder seq = new StringBuilder();
            List<TokenProgram.Piece> items = new ArrayList<>();
            Set<String> best = null;
            Set<String> firsts = new HashSet<>();
            boolean open = true; // every item so far can match no token: the next one may hold the first token
            boolean nullable = true;
            List<Set<String>> required = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
                    TokenProgram.Piece piece = items.size() == 1
                            ? items.get(0)
                            : new TokenProgram.Sequence(List.copyOf(items));
                    return new Node(seq.toString(), piece, best, firsts, nullable, List.copyOf(required));
                }
                Node item = item();
                if (open) {
                    firsts = firsts == null || item.firsts() == null ? null : union(firsts, item.firsts());
                    open = item.nullable();
                }
                nullable &= item.nullable();
                required.addAll(item.required()); // an item with anchors can match no token only if it has none
                seq.append(item.regex());
                items.add(item.piece());
                if (item.anchors() != null && (best == null || commonness(item.anchors()) < commonness(best))) {
                    best = item.anchors();
                }
            }
        }

        /**
         * How often a set of anchors is likely to occur in a sentence: short words are common ("i", "to", "me"), long
         * ones rare ("pills", "suicid*"), so each word counts 1 / length squared. The rarest item of a sequence is its
         * best anchor: a sentence without it cannot match.
         */
        private static double commonness(Set<String> anchors) {
            double sum = 0;
            for (String anchor : anchors) {
                int length = anchor.endsWith("*") ? anchor.length() - 1 : anchor.length();
                sum += 1.0 / (length * length);
            }
            return sum;
        }

        private Node item() {
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = alternatives();
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
                return new Node("(?:" + guard + TOKEN_CHAR + "+ ){0," + n + "}", new TokenProgram.Gap(n), null, null,
                        true);
            }
            if (c == '#') {
                pos++;
                return new Node("[0-9]+ ", new TokenProgram.Digits(), null, null, false);
            }
            if (c == '.') {
                pos++;
                return new Node("(?=, |$)", new TokenProgram.End(), null, Set.of(), true);
            }
            if (c == ',') {
                pos++;
                return new Node(", ", new TokenProgram.Comma(), null, Set.of(Sentence.COMMA), false);
            }
            int start = pos;
            while (pos < src.length() && " ()|~#.,".indexOf(src.charAt(pos)) < 0) {
                pos++;
            }
            String token = src.substring(start, pos);
            if (token.isEmpty()) {
                throw error("unexpected '" + c + "'");
            }
            try {
                String folded = fold(token);
                return new Node(word(token) + " ", new TokenProgram.Word(folded), anchorOf(folded), Set.of(folded),
                        false);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            return all;
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
