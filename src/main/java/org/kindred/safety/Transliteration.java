package org.kindred.safety;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Russian and Ukrainian written in Latin letters ("ya sebya prikonchu", "tsiyeyi nochi pidu"), read back into
 * Cyrillic so the Russian and Ukrainian lexicons can hear it: members without a Cyrillic keyboard, abroad or on a
 * borrowed phone, write this way, and a crisis in translit was a class of misses of its own (blind round 10: 7 of
 * its 51 URGENT misses). Informal translit has no standard, so the reading is a best guess: two readings, one per
 * language's habits ({@code y} is "ы" in Russian and "и" in Ukrainian, {@code h} is "х" in Russian and "г" in
 * Ukrainian), each longest match first ("shch", "zh", "ya", "'" as the soft sign). Only a text that uses at least
 * two different common Russian or Ukrainian words is read at all, and the language is the one
 * with more of its own common words, so English, Polish or Czech posts
 * are never read as Russian.
 */
final class Transliteration {

    /** The two readings; which lexicon hears which is left to the lexicons (both run on any Cyrillic sentence). */
    enum Reading {
        RUSSIAN("ru"), UKRAINIAN("uk");

        /** The language this reading is a guess at. */
        final String language;

        Reading(String language) {
            this.language = language;
        }
    }

    /**
     * Common words of Russian, then of Ukrainian, translit that no supported Latin-script language uses as a word,
     * folded (Folding turns "ue" into "u" and apostrophes into {@code '}). Words that are also English, Spanish,
     * French, Polish or Turkish words ("ya", "ne", "no", "tak", "ale", "sam", "on") are left out; words both languages
     * share ("vse", "budu", "zavtra") count as Russian.
     */
    private static final Set<String> RUSSIAN_MARKERS = Set.of("chto", "shto", "eto", "uzhe", "uzh", "vse", "vsyo",
            "vsio", "mne", "menya", "menia", "sebya", "sebia", "tebya", "mogu", "bolshe", "bol'she", "hochu", "tolko",
            "tol'ko", "seychas", "sejchas", "shchas", "schas", "nichego", "nikto", "nikogda", "kogda", "potomu",
            "pochemu", "teper", "teper'", "dazhe", "budu", "ochen", "ochen'", "zhit", "zhit'", "kak", "prosto", "nado",
            "nuzhno", "bylo", "byla", "segodnya", "zavtra", "nochyu", "noch'yu", "vsem", "nikomu", "zhizn", "zhizn'",
            "ustal", "ustala");
    private static final Set<String> UKRAINIAN_MARKERS = Set.of("tse", "shcho", "scho", "vzhe", "mene", "sebe",
            "tilky", "tilki", "bilshe", "nikoly", "zhyty", "meni", "duzhe", "mozhu", "sohodni", "sogodni", "pidu",
            "vsih", "zhyttya", "zhittya", "khochu", "vtomyvsya", "vtomylas", "nichoho", "nikhto", "koly");
    /** Both languages' markers, looked up once per token. */
    private static final Set<String> MARKERS = union(RUSSIAN_MARKERS, UKRAINIAN_MARKERS);

    private Transliteration() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Whether a folded text reads as Russian or Ukrainian in Latin letters: two different markers. */
    static boolean looksTransliterated(List<Sentence> sentences) {
        String first = null; // the first marker seen: the text is read once a different one follows
        for (Sentence sentence : sentences) {
            for (int t = 0; t < sentence.size(); t++) {
                String token = sentence.token(t);
                if (MARKERS.contains(token)) {
                    if (first == null) {
                        first = token;
                    } else if (!first.equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The likelier language of a transliterated text: the one with more of its own markers (Russian on a tie). */
    static Reading likelier(List<Sentence> sentences) {
        int balance = 0;
        for (Sentence sentence : sentences) {
            for (int t = 0; t < sentence.size(); t++) {
                String token = sentence.token(t);
                balance += UKRAINIAN_MARKERS.contains(token) ? 1 : RUSSIAN_MARKERS.contains(token) ? -1 : 0;
            }
        }
        return balance > 0 ? Reading.UKRAINIAN : Reading.RUSSIAN;
    }

    /** The text with its Latin letters read as Cyrillic in one reading; everything else is left as it is. */
    static String cyrillic(String text, Reading reading) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (c < 'a' || c > 'z') {
                boolean softSign = (c == '\'' || c == '\u2019') && i > 0 && isLatin(lower.charAt(i - 1));
                out.append(softSign ? 'ь' : c);
                i++;
                continue;
            }
            i += letter(lower, i, reading, out);
        }
        return out.toString();
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** Appends the Cyrillic for the Latin letters at {@code i}; returns how many it read. */
    private static int letter(String s, int i, Reading reading, StringBuilder out) {
        boolean ukrainian = reading == Reading.UKRAINIAN;
        if (s.startsWith("shch", i)) {
            out.append('щ');
            return 4;
        }
        // "yi" is "ї" where it starts a syllable ("yikh", "moyi"); after a consonant "y" is a vowel ("kyieva")
        boolean syllableStart = i == 0 || !isLatin(s.charAt(i - 1)) || isVowel(s.charAt(i - 1));
        for (String[] pair : ukrainian ? UKRAINIAN_PAIRS : RUSSIAN_PAIRS) {
            if (s.startsWith(pair[0], i) && (syllableStart || !pair[0].endsWith("i"))) {
                out.append(pair[1]);
                return pair[0].length();
            }
        }
        char c = s.charAt(i);
        if (c == 'y' || c == 'j') {
            boolean afterVowel = i > 0 && isVowel(s.charAt(i - 1));
            boolean beforeVowel = i + 1 < s.length() && isVowel(s.charAt(i + 1));
            boolean glide = c == 'j' || afterVowel && !beforeVowel;
            out.append(glide ? 'й' : ukrainian ? 'и' : 'ы');
            return 1;
        }
        if (c == 'i' && ukrainian) {
            out.append('і');
            return 1;
        }
        if (c == 'h') {
            out.append(ukrainian ? 'г' : 'х');
            return 1;
        }
        out.append(SINGLE.charAt(c - 'a'));
        return 1;
    }

    /** a-z, one by one ({@code h}, {@code j} and {@code y} are decided above). */
    private static final String SINGLE = "абцдефгхийклмнопкрстуввкыз";

    private static final String[][] RUSSIAN_PAIRS = {{"sch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ch", "ч"},
            {"sh", "ш"}, {"ts", "ц"}, {"tz", "ц"}, {"ya", "я"}, {"ja", "я"}, {"ia", "я"}, {"yu", "ю"}, {"ju", "ю"},
            {"iu", "ю"}, {"yo", "ё"}, {"jo", "ё"}, {"io", "ё"}, {"ye", "е"}, {"je", "е"}, {"x", "кс"}};

    private static final String[][] UKRAINIAN_PAIRS = {{"sch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ch", "ч"},
            {"sh", "ш"}, {"ts", "ц"}, {"ya", "я"}, {"ja", "я"}, {"ia", "я"}, {"yu", "ю"}, {"ju", "ю"}, {"iu", "ю"},
            {"ye", "є"}, {"je", "є"}, {"ie", "є"}, {"yo", "йо"}, {"jo", "йо"}, {"yi", "ї"}, {"ji", "ї"},
            {"x", "кс"}};
}
