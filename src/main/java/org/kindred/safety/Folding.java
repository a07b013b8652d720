package org.kindred.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Folds text for matching, the same way for texts and lexicon phrases: Lucene's Arabic normaliser (alef forms,
 * teh marbuta, alef maksura, tatweel and harakat), lower case in {@code Locale.ROOT}, Lucene's ASCII folding for
 * Latin letters ("Straße" as "strasse", "mátate" as "matate", "ł" as "l", curly apostrophes as {@code '}), then any
 * remaining accents of other scripts removed (Cyrillic "й" as "и", "ё" as "е"). German umlauts and their two-letter
 * spellings fold alike (ü, ue and u all become u), because people without a German keyboard write "fuehle" for
 * "fühle"; that happens to every "ae", "oe" and "ue", harmlessly, because phrases are folded the same way. Letters
 * stretched for emphasis ("diiiie", "soooo") shrink to one: three or more of a letter are never spelling.
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();
    /**
     * For each char of the Basic Multilingual Plane that {@link #withoutMarks} changes: what it makes of it alone
     * (null for the chars it keeps as they are).
     */
    private static final String[] WITHOUT_MARKS = new String[Character.MAX_VALUE + 1];
    /**
     * For each char from U+0080 that Lucene's ASCII folding changes: what it makes of it (null for the chars it keeps).
     * {@link ASCIIFoldingFilter#foldToASCII} folds a char at a time, so a table read gives what it gives; the table
     * spares every text a call to it, a method too large for the JIT compiler to compile, which ran interpreted.
     */
    private static final String[] ASCII_FOLDED = new String[Character.MAX_VALUE + 1];
    /** Both tables at once: for each char, the ASCII folding's result without its marks (null for the chars kept). */
    private static final String[] FOLDED = new String[Character.MAX_VALUE + 1];

    static {
        char[] folded = new char[4];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                String alone = String.valueOf((char) c);
                String stripped = MARKS.matcher(Normalizer.normalize(alone, Normalizer.Form.NFD)).replaceAll("");
                WITHOUT_MARKS[c] = stripped.equals(alone) ? null : stripped;
            }
        }
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                String alone = String.valueOf((char) c);
                String ascii = new String(folded, 0,
                        ASCIIFoldingFilter.foldToASCII(new char[]{(char) c}, 0, folded, 0, 1));
                ASCII_FOLDED[c] = ascii.equals(alone) ? null : ascii;
                String both = isAscii(ascii) ? ascii : withoutMarks(ascii);
                FOLDED[c] = both.equals(alone) ? null : both;
            }
        }
    }

    private Folding() {
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        int length = ARABIC.normalize(chars, chars.length);
        String lower = new String(chars, 0, length).toLowerCase(Locale.ROOT);
        return unstretched(withoutUmlautEs(withoutAccents(lower)));
    }

    /**
     * Lucene's ASCII folding, then the marks of other scripts removed ({@link #withoutMarks}), a char at a time from
     * {@link #FOLDED}; a text with letters outside the Basic Multilingual Plane is folded from {@link #ASCII_FOLDED}
     * and then loses its marks the whole-text way.
     */
    private static String withoutAccents(String lower) {
        String folded = fromTable(lower, FOLDED, true);
        return folded != null ? folded : withoutMarks(asciiFolded(lower));
    }

    /** What Lucene's {@link ASCIIFoldingFilter#foldToASCII} makes of the text, read from {@link #ASCII_FOLDED}. */
    static String asciiFolded(String text) {
        return fromTable(text, ASCII_FOLDED, false);
    }

    /**
     * The text decomposed (NFD) without its combining marks ("й" as "и"), a char at a time from a table: canonical
     * decomposition is one char's own, and the reordering NFD does moves only combining marks, which all go, so
     * char by char gives what decomposing the whole text and removing every mark gives ({@code FoldingTest} holds the
     * table to that for every char, alone and between others). Letters outside the Basic Multilingual Plane take the
     * whole-text way.
     */
    static String withoutMarks(String text) {
        String stripped = fromTable(text, WITHOUT_MARKS, true);
        return stripped != null
                ? stripped
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Each char of the text from U+0080 on replaced by its entry in the table (kept where the entry is null); null
     * when {@code bmpOnly} and the text has a letter outside the Basic Multilingual Plane, which the table cannot read.
     */
    private static String fromTable(String text, String[] table, boolean bmpOnly) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (bmpOnly && Character.isSurrogate(c)) {
                    return null;
                }
                String replaced = table[c];
                if (replaced != null) {
                    out.append(replaced);
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Curly and other apostrophes as {@code '}, and "ae", "oe", "ue" as "a", "o", "u", left to right ("aee" gives
     * "ae"), in one pass over the characters.
     */
    private static char[] withoutUmlautEs(String text) {
        int n = text.length();
        char[] out = new char[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            out[length++] = switch (c) {
                case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032' -> '\'';
                default -> c;
            };
            if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < n && text.charAt(i + 1) == 'e') {
                i++;
            }
        }
        return length == n ? out : Arrays.copyOf(out, length);
    }

    /** A letter written three or more times in a row, once ("soooo" as "so"); twice stays ("good"). */
    private static String unstretched(char[] text) {
        int n = text.length;
        char[] out = new char[n];
        int length = 0;
        int i = 0;
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            int width = Character.charCount(cp);
            int j = i + width;
            int copies = 0;
            while (j < n && Character.codePointAt(text, j) == cp) {
                j += width;
                copies++;
            }
            length += Character.toChars(cp, out, length);
            if (copies >= 2 && Character.isLetter(cp)) {
                i = j; // the whole run as one letter
            } else {
                i += width;
            }
        }
        return new String(out, 0, length);
    }
}
