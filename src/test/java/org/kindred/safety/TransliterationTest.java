package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Russian and Ukrainian in Latin letters: the two Cyrillic readings, which texts are read at all, and that the check
 * hears a crisis in translit as it does in Cyrillic, keeps translit idioms and ordinary posts NONE, and names the
 * language. Plain JUnit, no application.
 */
class TransliterationTest {

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ya sebya prikonchu|RUSSIAN|я себя прикончу",
            "bol'she ne mogu tak zhit'|RUSSIAN|больше не могу так жить",
            "kupila eshche tabletki, teper' ih hvatit|RUSSIAN|купила еще таблетки, теперь их хватит",
            "moy drug, shchas|RUSSIAN|мой друг, щас",
            "tsiyeyi nochi pidu|UKRAINIAN|цієї ночі піду",
            "ne mozhu bilshe, khochu pomerty|UKRAINIAN|не можу білше, хочу померти",
            "kozhnoho dnya tilky pro tse|UKRAINIAN|кожного дня тілки про це",
            "Meni 20, ya z Kyieva!|UKRAINIAN|мені 20, я з києва!"})
    void eachReadingFollowsItsLanguagesHabits(String latin, Transliteration.Reading reading, String cyrillic) {
        assertEquals(cyrillic, Transliteration.cyrillic(latin, reading));
    }

    @Test
    void onlyLatinLettersAreRead() {
        assertEquals("я 2 👋 ли? — ñ", Transliteration.cyrillic("ya 2 👋 li? — ñ", Transliteration.Reading.RUSSIAN));
        assertEquals("уже уже", Transliteration.cyrillic("uzhe уже", Transliteration.Reading.RUSSIAN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ne mogu bol'she, segodnya vse zakonchu", "ya uzhe vse reshila, eto konets",
            "vzhe ne mozhu, tse kinets", "mne tak ploho, nikto ne ponimaet"})
    void translitWithTwoCommonWordsIsRead(String text) {
        assertTrue(Transliteration.looksTransliterated(Sentence.split(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I just want to talk to someone tonight, my boss was awful again",
            "ya no puedo mas con el trabajo, pero estoy bien",
            "je ne sais pas quoi faire avec la prefecture", "nie wiem co robic, ale dam rade",
            "bugun cok yoruldum ama iyiyim", "kak kak kak kak", "ich bin so müde von allem, aber es geht",
            "ne mam cas, jsem v praci"})
    void otherLatinLanguagesAreNotRead(String text) {
        assertFalse(Transliteration.looksTransliterated(Sentence.split(text)), text);
    }

    @Test
    void noEverydayPostOfALatinScriptLanguageIsReadAsRussianOrUkrainian() {
        List<String> read = new ArrayList<>();
        int checked = 0;
        for (String folder : LabelledSet.EVERYDAY) {
            for (String language : List.of("en", "es", "fr", "de", "pt", "tr", "pl")) {
                for (LabelledSet.Line line : LabelledSet.read(folder + "/" + language + ".tsv")) {
                    checked++;
                    if (Transliteration.looksTransliterated(Sentence.split(line.text()))) {
                        read.add(language + ": " + line.text());
                    }
                }
            }
        }
        assertTrue(checked > 1_000, "everyday posts checked: " + checked);
        assertEquals(List.of(), read);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vsyo, ya reshila. segodnya noch'yu vyp'yu vse tabletki srazu|URGENT|ru",
            "ya khochu pokonchit' s soboy, bol'she ne mogu tak zhit'|URGENT|ru",
            "bilshe ne mozhu, khochu pokinchyty z soboyu tsiyeyi nochi|URGENT|uk",
            "inodi dumayu shcho krashche b mene ne bulo, ale nichoho robyty ne budu|CONCERN|uk"})
    void aCrisisInTranslitIsHeardAndItsLanguageNamed(String text, CrisisLevel level, String language) {
        SafetyAssessment assessment = check.assess(text, null);
        assertEquals(level, assessment.crisis(), text);
        assertEquals(language, assessment.language(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ya uzhe doma, vse normal'no, zavtra rabota|ru",
            "tse pisnya pro khlopchyka yakyi khotiv pomerty, duzhe sumna|uk",
            "ekzamen menya prosto ubil, nichego ne pomnyu|ru"})
    void translitWithoutACrisisOfTheWriterStaysNone(String text, String language) {
        SafetyAssessment assessment = check.assess(text, null);
        assertEquals(CrisisLevel.NONE, assessment.crisis(), text);
        assertEquals(language, assessment.language(), text);
    }

    @Test
    void aReadingOnlyAddsToWhatTheLatinLettersSay() {
        // the reading holds a negated crisis phrase ("I would never kill myself"); the writer's English statement
        // after it still counts, with the model and without
        String text = "ya nikogda ne pokonchu s soboy, eto shutka. i want to kill myself tonight";
        assertTrue(Transliteration.looksTransliterated(Sentence.split(text)));
        assertEquals(CrisisLevel.URGENT, check.assess(text, null).crisis());
        assertEquals(CrisisLevel.URGENT, new SafetyCheck(CrisisModel.silent()).assess(text, null).crisis());
        assertEquals(CrisisLevel.NONE, new SafetyCheck(CrisisModel.silent())
                .assess("ya nikogda ne pokonchu s soboy, eto shutka.", null).crisis(), "the negation alone is heard");
    }
}
