package org.kindred.safety;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching: canonical decomposition with the accents removed, lower case in {@code Locale.ROOT},
 * a few letters spelled out (ß as ss) and every apostrophe-like mark as {@code '}. German umlauts and their
 * two-letter spellings fold alike (ü, ue and u all become u), because people without a German keyboard write
 * "fuehle" for "fühle"; the same happens to every "ae", "oe" and "ue", in every language, which is harmless because
 * lexicon phrases go through the same folding. So "Straße", "strasse" and "STRASSE" match each other, and so do
 * "mátate" and "matate", "wünschte" and "wuenschte".
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TWO_LETTER_UMLAUTS = Pattern.compile("([aou])e");

    private Folding() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        String lower = stripped.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'đ' -> out.append('d');
                case 'ł' -> out.append('l');
                case 'ı' -> out.append('i');
                case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032' -> out.append('\'');
                default -> out.append(c);
            }
        }
        return TWO_LETTER_UMLAUTS.matcher(out).replaceAll("$1");
    }
}
