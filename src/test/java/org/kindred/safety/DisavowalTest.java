package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A first-person statement of no intent to act ("I'm not going to do anything.", each lexicon's
 * {@code disavowals}) keeps a text that only active ideation made URGENT at CONCERN: thoughts without intent are care,
 * not a hold (C-SSRS). Like every rule that lowers a level, it fails safe: never below CONCERN, never over a method,
 * plan, preparation, intent, imminence or escalation, and only when it is plainly the writer's own clause. Plain
 * JUnit, no application.
 */
class DisavowalTest {

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        check = new SafetyCheck();
    }

    static CrisisLevel crisis(String text) {
        return check.assess(text, null).crisis();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i want to kill myself.|im not going to do anything.",
            "a veces quisiera estar muerta.|no voy a hacer nada, pero lo quisiera",
            "parfois je veux mourir.|je vais rien faire.",
            "ich will nicht mehr leben.|ich mach aber nix.",
            "as vezes quero morrer.|nao vou fazer nada.",
            "bazen ölmek istiyorum.|merak etmeyin, bir şey yapmayacağım.",
            "chciałabym nie żyć.|nic sobie nie zrobię.",
            "часом хочеться не жити,|але нічого не зроблю.",
            "иногда так хочется умереть.|сам ничего не сделаю.",
            "أحيانا بدي موت.|مش رح اعمل شي"})
    void activeIdeationWithADisavowalIsConcernNotAHold(String ideation, String disavowal) {
        assertEquals(CrisisLevel.URGENT, crisis(ideation), "without the disavowal: " + ideation);
        SafetyAssessment assessment = check.assess(ideation + " " + disavowal, null);
        assertEquals(CrisisLevel.CONCERN, assessment.crisis(), ideation + " " + disavowal);
        assertTrue(assessment.signals().contains(CrisisSignal.ACTIVE_IDEATION), "moderators still see why");
    }

    @ParameterizedTest
    @ValueSource(strings = {"im not going to do anything stupid. i took all my pills an hour ago",
            "i want to die. im not going to do anything. the rope is ready for tonight",
            "no voy a hacer nada. mañana me mato",
            "i want to die. im not going to do anything. i wrote my goodbye letters",
            "i want to die. im not going to do anything. i cut deeper every time"})
    void aDisavowalNeverLowersAMethodPlanPreparationIntentOrEscalation(String text) {
        assertEquals(CrisisLevel.URGENT, crisis(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"he said im not going to do anything. i want to kill myself",
            "he said \"im not going to do anything.\" i want to kill myself",
            "i want to kill myself. i cant promise im not going to do anything.",
            "if im not going to do anything, why do i want to kill myself so much",
            "i want to kill myself and im not going to do anything about the landlord"})
    void onlyTheWritersOwnClauseDisavows(String text) {
        assertEquals(CrisisLevel.URGENT, crisis(text), text);
    }

    @Test
    void theFirstWordOfALongSentencesLaterWindowStartsNoClause() {
        // a sentence longer than a window is read in overlapping windows; the later window's first token is mid-clause
        String text = "i want to kill myself " + "blah ".repeat(Sentence.WINDOW - Sentence.OVERLAP - 5)
                + "im not going to do anything stupid";
        assertEquals(CrisisLevel.URGENT, crisis(text));
        assertEquals(CrisisLevel.CONCERN, crisis(text.replace("blah im not", "blah, im not")), "after a comma it is");
    }

    @Test
    void theModelAloneCannotHoldADisavowedText() {
        // a long post of blind round 10 (read data, labelled CONCERN) that the lexicons give CONCERN and the model
        // (version 4) URGENT
        String post = "meine mutter putzt nachts büros damit ich meine ausbildung machen kann, und jetzt flieg ich raus "
                + "weil der meister meint 'ihr seid eh alle faul' und mich für jeden scheiss abmahnt. jetzt sitz ich "
                + "wieder zuhause und sie muss noch mehr schichten schieben. meine kleinen geschwister brauchen auch "
                + "sachen für die schule, klassenfahrt und so. ich bin nur noch ein kostenfaktor für die familie. "
                + "ehrlich, die wären alle besser dran ohne mich, ich mach nur probleme und koste geld.";
        assertEquals(CrisisLevel.CONCERN, new SafetyCheck(CrisisModel.silent()).assess(post, null).crisis());
        assertEquals(CrisisLevel.URGENT, crisis(post));
        assertEquals(CrisisLevel.CONCERN, crisis(post + " ich mach aber nix."));
    }

    @Test
    void aDisavowalLowersAtMostFromUrgentToConcernOnEveryBlindPost() {
        // rounds 6 to 10 (read data), lexicons alone (the model hears the added words as words, so its probabilities
        // move for any added sentence): appending the writer's own "I'm not going to do anything." never gives NONE
        // to a post that was CONCERN or URGENT, and never lowers any level but URGENT, and that only to CONCERN
        SafetyCheck lexicons = new SafetyCheck(CrisisModel.silent());
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (int round = 6; round <= 10; round++) {
            for (String language : SafetyCheck.LANGUAGES) {
                for (LabelledSet.Line line : LabelledSet
                        .read("safety/blind/round-" + round + "/" + language + ".tsv")) {
                    CrisisLevel before = lexicons.assess(line.text(), null).crisis();
                    CrisisLevel after = lexicons.assess(line.text() + "\nim not going to do anything.", null).crisis();
                    checked++;
                    boolean allowed = after.ordinal() >= before.ordinal()
                            || before == CrisisLevel.URGENT && after == CrisisLevel.CONCERN;
                    if (!allowed) {
                        broken.add(before + " -> " + after + ": " + line.text());
                    }
                }
            }
        }
        assertEquals(3_000, checked);
        assertEquals(List.of(), broken);
    }
}
