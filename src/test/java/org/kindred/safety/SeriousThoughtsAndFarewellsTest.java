package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The concepts added after blind rounds 14 and 15 were read (2026-12-08): thoughts of one's own death that the writer
 * says have turned serious or that they would carry out themselves ({@code SERIOUS} with {@code DIE}: active ideation),
 * the "how" of ending it, being at the water or on the top now with a farewell elsewhere in the post, and farewell
 * letters to family. Each is held here by the lexicons alone, next to everyday sentences that share its words and must
 * stay NONE: support replies that take a post seriously, letters to a council, a day at the pier, and German "weg"
 * (gone, away), which alone made "mein fahrrad ist weg" a crisis. The sentences are written for this test, not copied
 * from a round. Plain JUnit, no application.
 */
class SeriousThoughtsAndFarewellsTest {

    static SafetyCheck lexicons;

    @BeforeAll
    static void load() {
        lexicons = new SafetyCheck(CrisisModel.silent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lately i think seriously about checking out for good|ACTIVE_IDEATION",
            "been thinking about how to end it all, every night|ACTIVE_IDEATION",
            "ich denk jeden tag dran mich wegzumachen, des is jetzt ernst|ACTIVE_IDEATION",
            "ahora pienso en serio en quitarme de en medio|ACTIVE_IDEATION",
            "je reflechis a comment partir pour de bon|ACTIVE_IDEATION",
            "penso a serio em acabar comigo|ACTIVE_IDEATION",
            "her gun daha cok bu hayattan gitmeyi dusunuyorum|ACTIVE_IDEATION",
            "mysle na powaznie zeby to wszystko zakonczyc|ACTIVE_IDEATION",
            "я серьезно думаю как бы все это прекратить|ACTIVE_IDEATION",
            "думаю всерйоз як саме піти з життя|ACTIVE_IDEATION",
            "estoy en el muelle ahora mismo. ya no puedo mas|IMMINENT",
            "jestem juz na gorze. zegnajcie|PREPARATION",
            "i wrote letters to my sister and my mum this morning|PREPARATION",
            "he dejado escritas cartas para mi madre|PREPARATION",
            "j'ai ecrit les lettres pour ma soeur et mon chat ira chez la voisine|PREPARATION"})
    void theLexiconsAloneHoldSeriousThoughtsAndFarewells(String text, CrisisSignal signal) {
        SafetyAssessment assessment = lexicons.assess(text, null);
        assertEquals(CrisisLevel.URGENT, assessment.crisis(), text);
        assertTrue(assessment.signals().contains(signal), text + " " + assessment.signals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"thank you for sharing, we take what you wrote seriously and we are here for you",
            "i seriously think the new manager is racist, how do i report him", "this heat is killing me for real lol",
            "im at the pier now with my kids, goodbye summer holidays!",
            "forgive me if this is the wrong group, where do i report my landlord?",
            "i wrote letters to my MP and to the council about the eviction",
            "j'ai ecrit des lettres au prefet pour mon titre de sejour",
            "escribi cartas al ayuntamiento por lo del desahucio",
            "ich nehme das ernst, was du schreibst. ruf bitte an",
            "lo tomamos en serio, gracias por escribir", "cette canicule va me tuer, serieux",
            "estoy en el muelle con mis primos, que bonito el mar",
            "je suis au bord de l'eau avec les enfants, il fait beau",
            "wir fahren am wochenende weg", "mein fahrrad ist weg", "der bus ist weg, ich komme zu spät",
            "das auto steht im weg", "ich hab die tabletten aufgehoben, falls die kopfschmerzen wiederkommen",
            "to guardando os remedios na geladeira como o medico mandou"})
    void everydaySentencesWithTheirWordsAreNotACrisis(String text) {
        assertEquals(CrisisLevel.NONE, lexicons.assess(text, null).crisis(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ich will einfach weg", "ich möchte einfach verschwinden"})
    void wantingToBeGoneIsStillCare(String text) {
        assertEquals(CrisisLevel.CONCERN, lexicons.assess(text, null).crisis(), text);
    }
}
