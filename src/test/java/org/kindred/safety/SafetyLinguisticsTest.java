package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How text is normalised before matching (Lucene's folding and Arabic normaliser, stretched letters, casual
 * spellings), the five languages added in 2026-12, language detection and the signals. Plain JUnit, no application.
 */
class SafetyLinguisticsTest {

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    static CrisisLevel crisis(String text) {
        return check.assess(text, null).crisis();
    }

    @ParameterizedTest
    @ValueSource(strings = {"im gonna kill myself tonite", "i wanna diiiie", "I WANT TO DIE",
            "i dont want to live anymore",
            "i just want to kill myslef", "tonight im ending it", "i want to kill myself rn"})
    void casualSpellingStretchedLettersAndCapitalsMatch(String text) {
        assertEquals(CrisisLevel.URGENT, crisis(text));
    }

    @Test
    void foldingIsLucenesAsciiFoldingAndArabicNormalisation() {
        assertEquals("strasse", Folding.fold("Straße"));
        assertEquals("matate", Folding.fold("mátate"));
        assertEquals("olmek istiyorum", Folding.fold("Ölmek İstiyorum"));
        assertEquals("zabije sie", Folding.fold("zabiję się"));
        assertEquals("мои", Folding.fold("мой"));
        // hamza forms of alef, teh marbuta and harakat fold together, so spelling with or without them matches
        assertEquals(Folding.fold("اريد ان اموت"), Folding.fold("أُرِيدُ أَنْ أَمُوتَ"));
        assertEquals(Folding.fold("حبوب منومه"), Folding.fold("حبوب منومة"));
        assertEquals("so tired", Folding.fold("sooooo tiiiired"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "أريد أن أموت|ar", "اريد ان انتحر|ar", "Ölmek istiyorum, artık dayanamıyorum|tr",
            "Chcę umrzeć, nie daję rady|pl", "Я хочу вмерти, більше не можу|uk", "Я хочу умереть, больше не могу|ru",
            "Kendimi öldüreceğim bu gece|tr", "Powieszę się dziś w nocy|pl", "Сегодня ночью я покончу с собой|ru",
            "Сьогодні вночі я покінчу з собою|uk"})
    void theNewLanguagesFindUrgentLanguageAndAreDetected(String text, String language) {
        SafetyAssessment assessment = check.assess(text, null);
        assertEquals(CrisisLevel.URGENT, assessment.crisis(), text);
        assertEquals(language, assessment.language(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"لن أنتحر أبدا", "Asla intihar etmem", "Nigdy się nie zabiję",
            "Я ніколи не покінчу з собою",
            "Я никогда не покончу с собой", "Мій друг хоче покінчити з собою", "Mój przyjaciel chce się zabić",
            "Umieram ze śmiechu", "Gülmekten öldüm", "Я умираю от смеха", "مت من الضحك"})
    void negationThirdPersonAndIdiomsAreNoneInTheNewLanguagesToo(String text) {
        assertEquals(CrisisLevel.NONE, crisis(text), text);
    }

    @Test
    void signalsNameTheStepsOfTheLadder() {
        assertEquals(java.util.List.of(CrisisSignal.PREPARATION),
                check.assess("I wrote my suicide note and left it on the table.", "en").signals());
        assertTrue(check.assess("I took all my pills ten minutes ago", "en").signals().contains(CrisisSignal.IMMINENT));
        assertEquals(java.util.List.of(CrisisSignal.BURDEN), check.assess("Nobody would miss me.", "en").signals());
        assertEquals(java.util.List.of(CrisisSignal.HISTORY),
                check.assess("I tried to kill myself when I was sixteen.", "en").signals());
        assertEquals(java.util.List.of(), check.assess("My landlord refused to rent to us.", "en").signals());
    }

    @Test
    void theScriptTableAgreesWithUnicodesScriptPropertyForEveryCodePoint() {
        int latin = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            LanguageDetection.Script expected = LanguageDetection.Script.ofUnicode(cp);
            assertEquals(expected, LanguageDetection.Script.of(cp), "U+" + Integer.toHexString(cp));
            latin += expected == LanguageDetection.Script.LATIN ? 1 : 0;
        }
        assertTrue(latin > 1_000, "Latin letters are many: " + latin);
        assertEquals(LanguageDetection.Script.CYRILLIC, LanguageDetection.Script.of('ї'));
        assertEquals(LanguageDetection.Script.ARABIC, LanguageDetection.Script.of('ش'));
        assertEquals(LanguageDetection.Script.LATIN, LanguageDetection.Script.of('ş'));
        assertNull(LanguageDetection.Script.of('7'));
    }

    @Test
    void theLanguageIsNullWhenNoneCanBeTold() {
        assertNull(check.assess("12345 67890", null).language());
        assertNull(check.assess("日本語のテキスト", null).language());
        assertEquals("de", check.assess("Ich fühle mich wertlos und weiß nicht weiter.", "en").language());
    }
}
