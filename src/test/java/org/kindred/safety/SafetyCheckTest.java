package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.accounts.ContentWarning;

/** Focused behaviour of the safety check; plain JUnit, no application. */
class SafetyCheckTest {

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    static CrisisLevel crisis(String text) {
        return check.assess(text, null).crisis();
    }

    /** The span of {@code part}, the first time it occurs in {@code text}. */
    static PersonalInfoSpan span(PersonalInfoKind kind, String text, String part) {
        int start = text.indexOf(part);
        assertTrue(start >= 0, part);
        return new PersonalInfoSpan(kind, start, start + part.length());
    }

    @Nested
    class CrisisLevels {

        @ParameterizedTest
        @ValueSource(strings = {"I want to kill myself.", "tonight I'm ending it", "I took all my pills",
                "quiero suicidarme", "je veux mourir", "ich will mich umbringen", "quero me matar",
                "QUIERO SUICIDARME", "Quiero suicidarme", "Ich möchte nicht mehr leben",
                "ich moechte nicht mehr leben"})
        void intentPlansAndOverdosesAreUrgentInEveryLanguageWhateverTheCaseAndAccents(String text) {
            assertEquals(CrisisLevel.URGENT, crisis(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"I can't go on like this", "nobody would miss me", "I feel worthless",
                "I used to cut myself", "I don't feel safe at home", "ojalá no hubiera nacido",
                "je ne vaux rien", "ich fühle mich wertlos", "ich fuehle mich wertlos", "não vejo saída."})
        void hopelessnessPassiveWishesHistoryAndFearAreConcern(String text) {
            assertEquals(CrisisLevel.CONCERN, crisis(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"I would never kill myself", "I'm not suicidal", "no quiero morir",
                "je ne veux pas mourir", "ich will nicht sterben", "não quero morrer", "I'm not going to hurt myself"})
        void negatedPhrasesAreNoneToTheLexiconsAndNeverUrgent(String text) {
            assertEquals(CrisisLevel.NONE, new SafetyCheck(CrisisModel.silent()).assess(text, null).crisis());
            // where the model still hears a crisis, the rules disagree: CONCERN at most, never a hold
            assertTrue(crisis(text).ordinal() <= CrisisLevel.CONCERN.ordinal(), text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"He told me to \"go kill yourself\" in front of everyone.",
                "My cousin texted me \"I want to die\" and now she won't answer.",
                "They said I should just kill myself.", "The article said 'suicide rates are rising'.",
                "Un compañero me dijo que debería matarme.", "I'm a burden on the NHS, according to that politician.",
                "The report quoted a slur, \"go back to your country\", as an example."})
        void quotedAndReportedWordsAreNotTheWritersOwn(String text) {
            assertEquals(CrisisLevel.NONE, crisis(text));
        }

        @Test
        void aPostThatIsEntirelyInQuotesIsTheWritersOwnVoice() {
            assertEquals(CrisisLevel.URGENT, crisis("\"I want to die.\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"This traffic is killing me", "I died laughing", "my grandmother died last year",
                "kill the process and restart", "The movie was about suicide prevention", "I'm dying to see you",
                "I want to die my hair blue", "Me muero de risa", "Ese meme me mató", "Ich habe mich totgelacht",
                "Je suis morte de rire", "Morri de rir", "My friend wants to kill herself, what do I do?"})
        void idiomsThirdPersonAndTopicsAreNone(String text) {
            assertEquals(CrisisLevel.NONE, crisis(text));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "I tried to kill myself when I was sixteen.|CONCERN",
                "I don't cut anymore, two years clean.|CONCERN",
                "I no longer feel like I want to die.|CONCERN",
                "Ya no quiero morir, pero me cuesta.|CONCERN",
                "I wanted to kill myself years ago, not now.|CONCERN"})
        void aHistoryOfSuicidalityIsConcernNotUrgent(String text, CrisisLevel expected) {
            assertEquals(expected, crisis(text));
        }

        @Test
        void theHighestLevelInAnySentenceWins() {
            assertEquals(CrisisLevel.URGENT,
                    crisis("My landlord refused to rent to us. I feel worthless. Tonight I'm going to kill myself."));
        }

        @Test
        void aPhraseOfOneLanguageIsNegatedByTheLanguageOfTheSentence() {
            // "me mato" is a Spanish phrase too; "não" negates it only because the sentence is Portuguese.
            assertEquals(CrisisLevel.NONE,
                    crisis("As pessoas me perguntam por que eu não me mato, como se fosse piada."));
            assertEquals(CrisisLevel.URGENT, crisis("Hoy me mato, ya no aguanto más."));
        }
    }

    @Nested
    class LanguageHints {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "en", "es", "pt-BR", "de-CH", "fr", "xx", "zh-Hant", "not a tag"})
        void theHintNeverHidesACrisisNorCreatesOne(String hint) {
            assertEquals(CrisisLevel.URGENT, check.assess("quiero suicidarme", hint).crisis());
            assertEquals(CrisisLevel.URGENT, check.assess("I want to kill myself", hint).crisis());
            assertEquals(CrisisLevel.NONE, check.assess("I went to the market today.", hint).crisis());
        }

        @Test
        void aWrongHintDoesNotChangeTheResult() {
            String text = "Je ne veux pas mourir, je veux juste qu'on m'écoute.";
            assertEquals(check.assess(text, "fr"), check.assess(text, "de"));
            assertEquals(CrisisLevel.NONE, check.assess(text, "de").crisis());
        }

        @Test
        void nullOrBlankTextIsAnEmptyAssessment() {
            assertEquals(SafetyAssessment.none(), check.assess(null, "en"));
            assertEquals(SafetyAssessment.none(), check.assess("   \n ", null));
        }
    }

    @Nested
    class PersonalInformation {

        static List<PersonalInfoSpan> spans(String text) {
            return check.assess(text, null).personalInfo();
        }

        @Test
        void phoneNumbersInInternationalAndNationalFormatsButNotYearsDatesOrAmounts() {
            String text = "Call +44 20 7946 0958 or 020 7946 0958, not in 2019, on 12/05/2023, 1990-1995 or for $1 500 000.";
            assertEquals(List.of(span(PersonalInfoKind.PHONE, text, "+44 20 7946 0958"),
                    span(PersonalInfoKind.PHONE, text, "020 7946 0958")), spans(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"(555) 123-4567", "555-123-4567", "06 12 34 56 78", "+33 6 12 34 56 78", "612 34 56 78",
                "0171 1234567", "030/12345678", "(11) 91234-5678", "+55 11 91234-5678", "0049 30 1234567"})
        void nationalFormatsOfManyCountries(String phone) {
            String text = "my number: " + phone + ".";
            assertEquals(List.of(span(PersonalInfoKind.PHONE, text, phone)), spans(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2019", "12.05.2023", "2023-05-12", "123", "12 345", "192.168.1.1", "10 000 000 people",
                "1 234 567 890", "2019 2020 2021"})
        void numbersThatAreNotPhoneNumbers(String number) {
            assertEquals(List.of(), spans("It was " + number + " then."));
        }

        @Test
        void emailsIncludingSpelledOutOnes() {
            String text = "Write to maria.lopez@example.org or maria [at] example [dot] org, not to maria@ alone.";
            assertEquals(List.of(span(PersonalInfoKind.EMAIL, text, "maria.lopez@example.org"),
                    span(PersonalInfoKind.EMAIL, text, "maria [at] example [dot] org")), spans(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12 Baker Street", "221b Baker St", "4 Privet Drive", "Calle Mayor 5",
                "C/ de Alcalá, 45",
                "15 rue de la Paix", "Hauptstraße 3", "Berliner Straße 12a", "Goethestr. 7", "Rua Augusta 100",
                "Av. Paulista, 1578"})
        void streetAddressesWithAHouseNumberInFiveLanguages(String address) {
            String text = "I live at " + address + " since May.";
            assertEquals(List.of(span(PersonalInfoKind.ADDRESS, text, address)), spans(text));
        }

        @Test
        void numbersNearStreetWordsThatAreNotAddresses() {
            assertEquals(List.of(), spans("I waited 3 hours on Main Street and 5 more days on the street."));
            assertEquals(List.of(), spans("Moro na Rua Augusta desde 2010."));
        }

        @Test
        void profileLinksAndHandlesButNotOtherLinks() {
            String text = "Find me at instagram.com/maria_92, https://twitter.com/maria/status/1, tiktok.com/@mariaa, "
                    + "linkedin.com/in/maria-lopez or @maria_92; see https://www.eeoc.gov/filing and x.com/home.";
            assertEquals(List.of(span(PersonalInfoKind.URL, text, "instagram.com/maria_92"),
                    span(PersonalInfoKind.URL, text, "https://twitter.com/maria/status/1"),
                    span(PersonalInfoKind.URL, text, "tiktok.com/@mariaa"),
                    span(PersonalInfoKind.URL, text, "linkedin.com/in/maria-lopez"),
                    span(PersonalInfoKind.HANDLE, text, "@maria_92")), spans(text));
        }

        @Test
        void offsetsAreJavaCharsSoTextBeforeInAstralPlanesCountsTwice() {
            String text = "\uD83D\uDE22\uD83D\uDE22 call 020 7946 0958";
            assertEquals(List.of(new PersonalInfoSpan(PersonalInfoKind.PHONE, 10, 23)), spans(text));
            assertEquals("020 7946 0958", text.substring(10, 23));
        }
    }

    @Nested
    class ContentWarnings {

        static List<ContentWarning> warnings(String text) {
            return check.assess(text, null).suggestedContentWarnings();
        }

        @Test
        void suicideTalkSuggestsSelfHarmEvenWhenNegatedQuotedOrAboutSomeoneElse() {
            assertEquals(List.of(ContentWarning.SELF_HARM), warnings("I would never kill myself."));
            assertEquals(List.of(ContentWarning.SELF_HARM), warnings("He told me to \"go kill yourself\"."));
            assertEquals(List.of(ContentWarning.SELF_HARM), warnings("My friend attempted suicide last year."));
            assertEquals(List.of(), warnings("I died laughing at the drag show."));
        }

        @Test
        void quotedSlursSuggestSlursAndTheirGroundInEnumOrder() {
            assertEquals(List.of(ContentWarning.RACISM, ContentWarning.XENOPHOBIA, ContentWarning.SLURS_QUOTED),
                    warnings("He called me a \"wetback\" and told me to go back to my country."));
            assertEquals(List.of(ContentWarning.HOMOPHOBIA, ContentWarning.SLURS_QUOTED),
                    warnings("El mensaje decía \"maricón\"."));
        }

        @Test
        void keywordsInEveryLanguage() {
            assertEquals(Map.of(
                    "en", List.of(ContentWarning.VIOLENCE, ContentWarning.POLICE),
                    "es", List.of(ContentWarning.VIOLENCE, ContentWarning.SEXUAL_VIOLENCE),
                    "fr", List.of(ContentWarning.ANTISEMITISM),
                    "de", List.of(ContentWarning.ISLAMOPHOBIA),
                    "pt", List.of(ContentWarning.TRANSPHOBIA)),
                    Map.of("en", warnings("The police officer assaulted me during the stop."),
                            "es", warnings("Sufrí una agresión sexual en la fiesta."),
                            "fr", warnings("Quelqu'un a tagué une croix gammée sur la porte."),
                            "de", warnings("Sie haben mir das Kopftuch heruntergerissen."),
                            "pt", warnings("No trabalho insistem no meu nome morto.")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"I'm so tired of waiting for the tribunal.", "Es una disparidad salarial enorme.",
                "We ate tacos at the bat mitzvah.", "Tengo el pelo negro y rizado.", "Mongolia is on my travel list.",
                "Eu moro em Lisboa desde 2019.", "My cousin is a menace at board games."})
        void oneLanguagesKeywordsDoNotFireOnAnothersWords(String text) {
            assertEquals(List.of(), warnings(text));
        }

        @Test
        void beingThreatenedIsViolenceNotSelfHarm() {
            assertEquals(List.of(ContentWarning.VIOLENCE), warnings("Il hurle qu'il va me tuer."));
            assertEquals(List.of(ContentWarning.VIOLENCE), warnings("Ele está gritando que vai me matar."));
        }

        @Test
        void imminentDangerSuggestsViolence() {
            SafetyAssessment assessment = check.assess("He is outside my door with a knife right now.", "en");
            assertEquals(CrisisLevel.URGENT, assessment.crisis());
            assertTrue(assessment.suggestedContentWarnings().contains(ContentWarning.VIOLENCE));
        }
    }

    @Nested
    class LongAndHostileInput {

        // A guard against a hung build if an expression ever backtracks catastrophically; not a speed assertion.
        @ParameterizedTest
        @ValueSource(strings = {"a", "kill myself ", "(a|b)", "0 ", "1-", "@a ", "a@", "a.", "Calle ", "12 Baker ",
                "\"", "'", "no ", "instagram.com/", "é", "\uD83D\uDE22"})
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void twentyThousandCharactersOfAnyPatternAreChecked(String unit) {
            String text = unit.repeat(20_000 / unit.length() + 1).substring(0, 20_000);
            SafetyAssessment assessment = check.assess(text, null);
            assertTrue(assessment.personalInfo().stream().allMatch(s -> s.end() <= text.length()));
        }

        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void aCrisisAtTheEndOfALongPostIsFound() {
            String text = "Work was hard again today and nobody listened. ".repeat(400) + "I want to kill myself.";
            assertTrue(text.length() > 18_000);
            assertEquals(CrisisLevel.URGENT, crisis(text));
        }

        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void oneLongSentenceWithoutPunctuationIsCutIntoWindowsWithoutLosingAPhrase() {
            String text = "word ".repeat(3_000) + "i want to kill myself " + "word ".repeat(1_000);
            assertEquals(CrisisLevel.URGENT, crisis(text));
        }
    }

    @Nested
    class Lexicons {

        @Test
        void everyLanguageHasALexicon() {
            assertEquals(List.of("en", "es", "fr", "de", "pt", "ar", "tr", "pl", "uk", "ru"), SafetyCheck.LANGUAGES);
            for (String language : SafetyCheck.LANGUAGES) {
                Lexicon lexicon = Lexicon.load("safety/lexicon-" + language + ".yaml");
                assertEquals(language, lexicon.language);
                assertFalse(lexicon.crisis.isEmpty(), language);
            }
        }

        @Test
        void compiledPhrasesNeverRepeatAGroupWithoutABound() {
            Pattern unbounded = Pattern.compile("\\)[*+]");
            for (String language : SafetyCheck.LANGUAGES) {
                Lexicon lexicon = Lexicon.load("safety/lexicon-" + language + ".yaml");
                for (Lexicon.Rule rule : lexicon.crisis) {
                    assertFalse(unbounded.matcher(rule.phrase().pattern().pattern()).find(), rule.phrase().source);
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"(want|need to die", "want) to die", "kill [me]", "$UNKNOWN to die", "die ~9", ""})
        void aBrokenPhraseIsRefusedWithItsText(String phrase) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Phrase.compile(phrase, Map.of(), List.of("not")));
            assertTrue(
                    e.getMessage().contains(phrase) || phrase.isEmpty() || e.getMessage().contains("not a single word"),
                    e.getMessage());
        }

        @Test
        void aGapNeverSwallowsANegation() {
            Phrase phrase = Phrase.compile("i ~2 want to die", Map.of(), List.of("not", "don't"));
            assertTrue(phrase.pattern().matcher(" i really want to die ").find());
            assertFalse(phrase.pattern().matcher(" i really don't want to die ").find());
        }
    }
}
