package org.kindred.safety;

import java.text.Normalizer;
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
    private static final Pattern TWO_LETTER_UMLAUTS = Pattern.compile("([aou])e");
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();

    private Folding() {
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        int length = ARABIC.normalize(chars, chars.length);
        String lower = new String(chars, 0, length).toLowerCase(Locale.ROOT);
        char[] ascii = new char[lower.length() * 4];
        int folded = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, ascii, 0, lower.length());
        String latin = new String(ascii, 0, folded);
        String stripped = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032' -> out.append('\'');
                default -> out.append(c);
            }
        }
        String umlauts = TWO_LETTER_UMLAUTS.matcher(out).replaceAll("$1");
        return STRETCHED.matcher(umlauts).replaceAll("$1");
    }
}
