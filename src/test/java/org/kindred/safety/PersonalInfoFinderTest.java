package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The address patterns run only near digits ({@link PersonalInfoFinder#aroundDigits}): that must find exactly what a
 * scan of the whole text finds, or an address in a long post would go unmarked.
 */
class PersonalInfoFinderTest {

    private static final String[] STREET_WORDS = {"street", "St", "road", "Ave", "Boulevard", "lane", "Way", "Close",
            "Court", "Gardens", "rue", "avenue", "bd", "allée", "calle", "C/", "avenida", "Avda.", "paseo", "plaza",
            "rua", "travessa", "praça", "Hauptstraße", "Goethestr.", "weg", "Gasse", "Platz", "Allee", "strasse", "nº",
            "bis", "de", "la", "du", "l'", "the", "my", "near", "y", "e", "em", "Straße", "Ring", "Ufer", "Chaussee"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéèçñãõłşğıАБВабвгдاليوم'’.-";

    /** Whole-text scans: what {@link PersonalInfoFinder#addresses} must equal. */
    private static List<PersonalInfoSpan> scanWholeText(String text) {
        List<PersonalInfoSpan> found = new ArrayList<>();
        for (Pattern address : PersonalInfoFinder.ADDRESSES) {
            Matcher m = address.matcher(text);
            while (m.find()) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.ADDRESS, m.start(), m.end()));
            }
        }
        return found;
    }

    @Test
    void addressesNearDigitsAreExactlyThoseOfTheWholeText() {
        Random random = new Random(2026_12_07L);
        int[] byPattern = new int[PersonalInfoFinder.ADDRESSES.size()];
        for (int i = 0; i < 3_000; i++) {
            String text = text(random);
            assertEquals(scanWholeText(text), PersonalInfoFinder.addresses(text), text);
            for (int p = 0; p < byPattern.length; p++) {
                byPattern[p] += PersonalInfoFinder.ADDRESSES.get(p).matcher(text).find() ? 1 : 0;
            }
        }
        for (int p = 0; p < byPattern.length; p++) {
            assertTrue(byPattern[p] >= 20, "the generator must make addresses of pattern " + p + ": " + byPattern[p]);
        }
    }

    @Test
    void theFirstPatternsOpenWithTheHouseNumber() {
        for (int p = 0; p < PersonalInfoFinder.ADDRESSES.size(); p++) {
            boolean numberFirst = PersonalInfoFinder.ADDRESSES.get(p).pattern().startsWith("(?<![\\p{L}\\p{N}])\\d");
            assertEquals(p < PersonalInfoFinder.NUMBER_FIRST, numberFirst,
                    PersonalInfoFinder.ADDRESSES.get(p).pattern());
        }
    }

    @Test
    void theLongestAddressesStayWithinTheReach() {
        String longName = "Abcdefghijklmnopqrstuvwxyzabcde"; // 31 letters: the longest name a pattern takes
        String styled = "\uD835\uDC00" + "\uD835\uDC1A".repeat(30); // 31 mathematical bold letters, 62 characters
        List<String> longest = List.of(
                "12345b, " + (longName + " ").repeat(4) + "boulevard",
                "12345b, " + (longName + " ").repeat(4) + "gardens",
                "1234 bis, rue de la " + longName + (" de la " + longName).repeat(3),
                "travesía " + (longName + " ").repeat(3) + longName + ", nº. 12345a",
                "calçada " + (longName + " ").repeat(3) + longName + ", nº 12345a",
                longName + longName.substring(0, 9) + "chaussee 1234a",
                longName + longName.substring(0, 9) + " Chaussee 1234a",
                // letters outside the Basic Multilingual Plane take two characters each
                "travesía " + (styled + " ").repeat(3) + styled + ", nº. 12345a",
                "calçada " + (styled + " ").repeat(3) + styled + ", nº 12345a",
                styled + styled.substring(0, 18) + "straße 1234a",
                styled + styled.substring(0, 18) + "allee 1234a",
                styled + styled.substring(0, 18) + " Chaussee 1234a");
        String filler = "x ".repeat(PersonalInfoFinder.ADDRESS_REACH);
        for (String address : longest) {
            String text = filler + address + " " + filler;
            List<PersonalInfoSpan> whole = scanWholeText(text);
            assertTrue(whole.stream().anyMatch(s -> s.end() - s.start() >= address.length() - 12), address);
            whole.forEach(s -> assertTrue(s.end() - s.start() < PersonalInfoFinder.ADDRESS_REACH, address));
            assertEquals(whole, PersonalInfoFinder.addresses(text), address);
        }
        // the patterns scanned around digits reach back from the house number's first digit no further than they say
        for (int p = PersonalInfoFinder.NUMBER_FIRST; p < PersonalInfoFinder.ADDRESSES.size(); p++) {
            int furthest = 0;
            for (String address : longest) {
                Matcher m = PersonalInfoFinder.ADDRESSES.get(p).matcher(filler + address + " " + filler);
                while (m.find()) {
                    int digit = firstDigit(m.group());
                    furthest = Math.max(furthest, digit);
                    assertTrue(digit < PersonalInfoFinder.BEFORE_DIGIT[p - PersonalInfoFinder.NUMBER_FIRST],
                            m.group());
                    assertTrue(m.group().length() - digit <= PersonalInfoFinder.AFTER_DIGIT, m.group());
                }
            }
            assertTrue(furthest > 40, "the longest addresses reach far back for pattern " + p + ": " + furthest);
        }
    }

    private static int firstDigit(String match) {
        for (int i = 0; i < match.length(); i++) {
            if (match.charAt(i) >= '0' && match.charAt(i) <= '9') {
                return i;
            }
        }
        return -1;
    }

    /** Filler, numbers, names of every length up to 31 letters, street words and particles of five languages. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 5 + random.nextInt(200);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(random.nextInt(100_000)).append(random.nextInt(4) == 0 ? "a" : "");
                case 1, 2 -> text.append(STREET_WORDS[random.nextInt(STREET_WORDS.length)]);
                case 3 -> text.append(name(random));
                case 4 -> text.append("x ".repeat(random.nextInt(random.nextInt(8) == 0 ? 300 : 10)).trim());
                default -> text.append(random.nextBoolean() ? "," : ".");
            }
            text.append(random.nextInt(10) == 0 ? "" : " ");
        }
        return text.toString();
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        name.append(Character.toUpperCase(LETTERS.charAt(random.nextInt(26))));
        int length = random.nextInt(random.nextBoolean() ? 6 : 33);
        for (int i = 0; i < length; i++) {
            char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
            name.append(random.nextInt(5) == 0 ? Character.toUpperCase(c) : c);
        }
        return random.nextBoolean() ? name.toString() : name.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
