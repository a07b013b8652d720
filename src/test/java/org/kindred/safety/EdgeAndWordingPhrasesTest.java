package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phrases added after blind round 13 was read (2026-12-07): being at the edge now (past a railing, on a ledge, going
 * up to the roof to end it), wordings of active ideation no lexicon had ("remove myself from this world", "mich aus der
 * welt schaffen", "pozbyć się siebie", "прибрати себе"), pills being gathered, and self-harm cut deeper. Each is held
 * here by the lexicons alone (the model could hide a phrase that stopped matching), next to the everyday sentences
 * that share its words and must not be held. The sentences are written for this test, not copied from the round.
 * Plain JUnit, no application.
 */
class EdgeAndWordingPhrasesTest {

    static SafetyCheck lexicons;
    static SafetyCheck check;

    @BeforeAll
    static void load() {
        lexicons = new SafetyCheck(CrisisModel.silent());
        check = new SafetyCheck();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i'm already on the other side of the railing. sorry mum|IMMINENT",
            "one thing in my head since tuesday, to remove myself from this world for good|ACTIVE_IDEATION",
            "they will not put me on that plane, i'm gonna finish miself before|ACTIVE_IDEATION",
            "estoy sentada en el borde de la azotea del edificio|IMMINENT",
            "ya estoy del otro lado del barandal|IMMINENT",
            "pienso en serio en quitarme de en medio, todo el dia|ACTIVE_IDEATION",
            "chui debout au bord du toit de la residence|IMMINENT",
            "je suis deja de l'autre cote de la rambarde|IMMINENT",
            "je me coupe de plus en plus profond chaque soir|ESCALATING_SELF_HARM",
            "ich weiß jetzt genau wie ich mich aus der welt schaffe|ACTIVE_IDEATION",
            "die tabletten hab ich alle gebunkert und denk jeden abend dran|PREPARATION",
            "ick steh schon auf der anderen seite des geländers|IMMINENT",
            "quero ir embora deste mundo por conta propria|ACTIVE_IDEATION",
            "os comprimidos que fui juntando estao na gaveta|PREPARATION",
            "fico olhando os trilhos e penso que era so um passo|METHOD",
            "od rana mysle tylko o tym zeby sie siebie pozbyc|ACTIVE_IDEATION",
            "dzis wieczorem ide na dach i koncze|IMMINENT",
            "stoje juz za barierka|IMMINENT",
            "я на мосту, уже за перилами|IMMINENT",
            "я хочу уйти сама из жизни|ACTIVE_IDEATION",
            "хочу прибрати себе, щоб нікому не заважати|ACTIVE_IDEATION",
            "я на даху вже за огорожею|IMMINENT",
            "بدي خلص على حالي|ACTIVE_IDEATION"})
    void theLexiconsAloneHoldTheEdgeAndTheNewWordings(String text, CrisisSignal signal) {
        SafetyAssessment assessment = lexicons.assess(text, null);
        assertEquals(CrisisLevel.URGENT, assessment.crisis(), text);
        assertTrue(assessment.signals().contains(signal), text + " " + assessment.signals());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "we're gonna finish the mural tonight, come by the community centre",
            "remove yourself from the world of social media for a week, it really helps",
            "the kids climbed over the railing at the zoo and got told off",
            "estoy sentado en el borde de la cama leyendo los papeles del asilo",
            "pienso en serio en hacerlo yo mismo, la reforma del baño sale carisima",
            "j'ai dormi plus profondement que d'habitude, enfin",
            "sur ce sujet je suis de l'autre cote de la barriere, desole",
            "je suis monte sur le toit pour reparer l'antenne du foyer",
            "ich möchte das missverständnis zwischen uns aus der welt schaffen",
            "ich werde mir nichts antun lassen von diesen leuten, ich gehe zum anwalt",
            "die pfandflaschen hab ich alle gebunkert, morgen geht es damit zum automaten",
            "os remedios que fui comprando estao na gaveta, alguem sabe se vencem?",
            "jestem juz na moscie, zaraz bede pod urzedem",
            "уйду сам насовсем из этой компании, достали",
            "треба прибрати собі кімнату до приходу гостей"})
    void everydaySentencesWithTheSameWordsAreNotHeld(String text) {
        assertNotEquals(CrisisLevel.URGENT, check.assess(text, null).crisis(), text);
        assertEquals(CrisisLevel.NONE, lexicons.assess(text, null).crisis(), text);
    }

    @Test
    void germanDisavowalReadsAntunAsOneWord() {
        // "antun" is one token; the disavowal used to read only "an tun", so this stayed URGENT
        String ideation = "ich will nicht mehr leben.";
        assertEquals(CrisisLevel.URGENT, check.assess(ideation, null).crisis());
        for (String disavowal : new String[]{"ich werde mir aber nichts antun.", "ich werde mir nichts an tun."}) {
            SafetyAssessment assessment = check.assess(ideation + " " + disavowal, null);
            assertEquals(CrisisLevel.CONCERN, assessment.crisis(), disavowal);
            assertTrue(assessment.signals().contains(CrisisSignal.ACTIVE_IDEATION), "moderators still see why");
        }
        assertEquals(CrisisLevel.URGENT,
                check.assess(ideation + " ich werde mir nichts antun. die tabletten liegen bereit für heute nacht",
                        null)
                        .crisis(),
                "a disavowal never lowers preparation");
    }
}
