package org.kindred.safety;

import java.util.List;

/**
 * Which supported language a text is mostly written in: first its writing system (Arabic, Cyrillic or Latin
 * letters, counted), then, among the languages written that way, the one whose most common words (the lexicons'
 * {@code commonWords}, a stop-word list) and own letters ("ї" is Ukrainian, "ş" Turkish) occur most often; the
 * client's hint breaks ties. Null when no supported
 * language can be told (no letters, or no common word of any language). Only reported, never used to skip a
 * lexicon: every lexicon runs on every text.
 */
final class LanguageDetection {

    enum Script {
        LATIN, CYRILLIC, ARABIC;

        static Script of(String language) {
            return switch (language) {
                case "ar" -> ARABIC;
                case "ru", "uk" -> CYRILLIC;
                default -> LATIN;
            };
        }

        /** The script of each char of the Basic Multilingual Plane, read once from {@link #ofUnicode}. */
        private static final Script[] BMP = new Script[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                BMP[c] = ofUnicode(c);
            }
        }

        /** {@link #ofUnicode}, from a table for the Basic Multilingual Plane (a search of Unicode's ranges spared). */
        static Script of(int codePoint) {
            return codePoint <= Character.MAX_VALUE ? BMP[codePoint] : ofUnicode(codePoint);
        }

        /** Latin, Cyrillic or Arabic by Unicode's script property; null for any other script and for none. */
        static Script ofUnicode(int codePoint) {
            if (codePoint < 0x80) { // most of most texts: a-z and A-Z are Latin, the rest of ASCII no script
                int lower = codePoint | 0x20;
                return lower >= 'a' && lower <= 'z' ? LATIN : null;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            return switch (script) {
                case ARABIC -> ARABIC;
                case CYRILLIC -> CYRILLIC;
                case LATIN -> LATIN;
                default -> null;
            };
        }
    }

    private final List<Lexicon> lexicons;

    LanguageDetection(List<Lexicon> lexicons) {
        this.lexicons = lexicons;
    }

    /** Letters that only this language (of those supported in its script) uses: "ы" is Russian, "ї" Ukrainian. */
    private static String ownLetters(String language) {
        return switch (language) {
            case "ru" -> "ыэъё";
            case "uk" -> "іїєґ";
            case "tr" -> "şğıİ";
            case "pl" -> "ąęłśźżńć";
            case "es" -> "ñ¿¡";
            case "pt" -> "ãõ";
            case "de" -> "ßä";
            case "fr" -> "èêëœ";
            default -> "";
        };
    }

    /** How many letters of the text only this language uses (of the ten): "ı" Turkish, "ß" German. */
    static int ownLetters(String text, String language) {
        String own = ownLetters(language);
        if (own.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // every own letter is outside ASCII, and an ASCII letter's lower case is ASCII
            if (c >= 0x80 && (own.indexOf(Character.toLowerCase(c)) >= 0 || own.indexOf(c) >= 0)) {
                n++;
            }
        }
        return n;
    }

    /** The dominant script of the text's letters, or null when it has none of the three. */
    static Script dominantScript(String text) {
        int[] counts = new int[Script.values().length];
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            Script script = Script.of(cp);
            if (script != null) {
                counts[script.ordinal()]++;
            }
        });
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return counts[best] == 0 ? null : Script.values()[best];
    }

    /**
     * @param textScores per lexicon, how many of the text's tokens are that language's common words
     * @param hinted the client's primary language tag, or null
     */
    String detect(String text, List<Sentence> sentences, int[] textScores, String hinted) {
        Script script = dominantScript(text);
        if (script == null) {
            return null;
        }
        int best = -1;
        int bestScore = -1;
        int[] letters = new int[lexicons.size()];
        for (int i = 0; i < lexicons.size(); i++) {
            Lexicon lexicon = lexicons.get(i);
            if (Script.of(lexicon.language) != script) {
                continue;
            }
            letters[i] = ownLetters(text, lexicon.language);
            int score = 4 * textScores[i] + 2 * letters[i] + (lexicon.language.equals(hinted) ? 1 : 0);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return null;
        }
        boolean anyEvidence = textScores[best] > 0 || letters[best] > 0 || lexicons.get(best).language.equals(hinted);
        // One language per script (Arabic) needs no common word to be told.
        long sameScript = lexicons.stream().filter(l -> Script.of(l.language) == script).count();
        return anyEvidence || sameScript == 1 ? lexicons.get(best).language : null;
    }
}
