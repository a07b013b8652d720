package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

/**
 * {@link Folding#fold} does its last steps (apostrophes, umlaut e's, stretched letters) in one pass over a character
 * array: it must fold every text exactly as the three string passes it replaced did, or lexicon phrases and texts
 * would stop meeting.
 */
class FoldingTest {

    private static final String ALPHABET = "aouAOUeEéÄöüß'’‘`´ʼ′ ,.!xXyY\uD83D\uDE00\uD835\uDC00иЙёاأإٱة\u064Eı"
            + "\u0301\u00A0ﬁ";

    @Test
    void foldsEveryTextAsTheThreePassesDid() {
        Random random = new Random(2026_12_07L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(14); c > 0; c--) {
                char next = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                text.append(String.valueOf(next).repeat(random.nextInt(6) == 0 ? 1 + random.nextInt(5) : 1));
            }
            assertEquals(reference(text.toString()), Folding.fold(text.toString()), text.toString());
        }
    }

    @Test
    void marksGoCharByCharAsFromTheWholeDecomposedText() {
        // every char of the Basic Multilingual Plane, alone, between letters, before and after combining marks of
        // several classes (acute 230, cedilla 202, Hebrew points), next to Cyrillic letters that decompose, and twice
        Pattern marks = Pattern.compile("\\p{M}+");
        int changed = 0;
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String x = String.valueOf((char) c);
            for (String text : new String[]{x, "a" + x + "b", x + "\u0301", "\u0301" + x, x + "\u0327\u0301",
                    "\u05B0" + x + "\u0591", "й" + x + "ё", x + x, "e\u0301" + x + "\u0323o"}) {
                String expected = marks.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
                assertEquals(expected, Folding.withoutMarks(text), "U+" + Integer.toHexString(c) + " in " + text);
            }
            changed += Folding.withoutMarks(x).equals(x) ? 0 : 1;
        }
        assertTrue(changed > 1_000, "the table changes accented letters and drops marks: " + changed);
        String styled = "\uD835\uDC00e\u0301"; // outside the BMP: the whole-text way
        assertEquals("\uD835\uDC00e", Folding.withoutMarks(styled));
    }

    @Test
    void everyCharFoldsAsLuceneFoldsIt() {
        // the tables stand in for ASCIIFoldingFilter.foldToASCII: every char of the BMP, alone, between letters, next
        // to a letter outside the BMP (the whole-text way) and next to accented letters, as the reference folds it
        int changed = 0;
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String x = String.valueOf((char) c);
            for (String text : new String[]{x, "a" + x + "b", x + "\uD835\uDC00", "é" + x + "ł", x + "\u0301" + x}) {
                assertEquals(reference(text), Folding.fold(text), "U+" + Integer.toHexString(c) + " in " + text);
            }
            char[] lucene = new char[4];
            String expected = new String(lucene, 0, ASCIIFoldingFilter.foldToASCII(new char[]{(char) c}, 0, lucene, 0,
                    1));
            assertEquals(expected, Folding.asciiFolded(x), "U+" + Integer.toHexString(c));
            changed += expected.equals(x) ? 0 : 1;
        }
        assertTrue(changed > 1_000, "Lucene folds over a thousand chars: " + changed);
        assertEquals("strasse matate l", Folding.fold("Straße mátate ł"));
    }

    /** The folding as it was written before (2026-12-07): string passes one after another. */
    private static String reference(String text) {
        char[] chars = text.toCharArray();
        int length = new ArabicNormalizer().normalize(chars, chars.length);
        String lower = new String(chars, 0, length).toLowerCase(Locale.ROOT);
        char[] ascii = new char[lower.length() * 4];
        int folded = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, ascii, 0, lower.length());
        String latin = new String(ascii, 0, folded);
        String stripped = latin.chars().allMatch(c -> c < 0x80)
                ? latin
                : Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032' -> out.append('\'');
                default -> out.append(c);
            }
        }
        StringBuilder umlauts = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            umlauts.append(c);
            if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < out.length() && out.charAt(i + 1) == 'e') {
                i++;
            }
        }
        String s = umlauts.toString();
        StringBuilder result = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            int j = i + width;
            int copies = 0;
            while (j < s.length() && s.codePointAt(j) == cp) {
                j += width;
                copies++;
            }
            result.appendCodePoint(cp);
            i = Character.isLetter(cp) && copies >= 2 ? j : i + width;
        }
        return result.toString();
    }
}
