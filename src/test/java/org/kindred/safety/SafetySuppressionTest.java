package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suppression rules fail safe: each one (negation, hedge, hypothetical, idiom, quotation, reported speech,
 * attribution) lowers only the words inside its own span. A first-person crisis statement before or after that
 * span, even with no punctuation between them, still counts; and where the rules disagree the level is CONCERN,
 * never NONE. Plain JUnit, no application.
 */
class SafetySuppressionTest {

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        // The lexicon layer on its own: the crisis model's second opinion is specified in CrisisModelTest.
        check = new SafetyCheck(CrisisModel.silent());
    }

    static CrisisLevel crisis(String text) {
        return check.assess(text, null).crisis();
    }

    /** Each rule with a sentence it suppresses on its own, and the level it leaves. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("negation", "i would never kill myself", CrisisLevel.NONE),
                Arguments.of("hedge", "not that i want to die", CrisisLevel.CONCERN),
                Arguments.of("hypothetical", "even if i want to die", CrisisLevel.CONCERN),
                Arguments.of("idiom", "that meeting killed me", CrisisLevel.NONE),
                Arguments.of("idiom", "i want to die my hair blue", CrisisLevel.NONE),
                Arguments.of("quotation", "my cousin texted me \"i want to die\"", CrisisLevel.NONE),
                Arguments.of("reported speech", "he told me to go back to my country and kill myself",
                        CrisisLevel.NONE),
                Arguments.of("reported speech", "they said im a burden", CrisisLevel.NONE),
                Arguments.of("attribution", "according to the politician, i'm a burden", CrisisLevel.NONE),
                Arguments.of("attribution", "i'm a burden, my dad says", CrisisLevel.NONE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void eachRuleSuppressesItsOwnSpan(String rule, String text, CrisisLevel expected) {
        assertEquals(expected, crisis(text));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void noRuleSwallowsAFollowingFirstPersonStatement(String rule, String text, CrisisLevel ignored) {
        String unpunctuated = text + " i just want to kill myself";
        if (text.endsWith("my dad says")) {
            // "... my dad says i just want to kill myself" may well be the father's words: in doubt, CONCERN
            assertEquals(CrisisLevel.CONCERN, crisis(unpunctuated), "no punctuation");
        } else {
            assertEquals(CrisisLevel.URGENT, crisis(unpunctuated), "no punctuation");
        }
        assertEquals(CrisisLevel.URGENT, crisis(text + ". I just want to kill myself."), "two sentences");
    }

    @Test
    void anUrgentFirstPersonStatementAfterAReportingVerbIsInDoubtNotDismissed() {
        assertEquals(CrisisLevel.CONCERN, crisis("my dad says i want to kill myself"));
        assertEquals(CrisisLevel.NONE, crisis("my dad says i'm worthless"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void noRuleSwallowsAPrecedingFirstPersonStatement(String rule, String text, CrisisLevel ignored) {
        assertEquals(CrisisLevel.URGENT, crisis("i want to kill myself tonight " + text), "no punctuation");
        assertEquals(CrisisLevel.URGENT, crisis("I want to kill myself tonight. " + text), "two sentences");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "he told me to go back to my country i just want to kill myself",
            "my mum says i'm lazy i want to die",
            "no one cares i want to die",
            "im not ok i want to die",
            "if they deport me i will kill myself",
            "Si mañana me deportan me mato",
            "Er hat gesagt, ich soll zurück in mein Land, ich will mich umbringen",
            "il m'a dit de rentrer chez moi je veux mourir",
            "je sais pas je veux mourir",
            "me dijeron que me fuera a mi país y yo quiero morirme",
            "ele disse que eu sou um lixo eu quero morrer"})
    void theWritersOwnStatementAfterSomeoneElsesWordsCounts(String text) {
        assertEquals(CrisisLevel.URGENT, crisis(text));
    }

    @Test
    void whenTheRulesDisagreeTheLevelIsConcernNeverNone() {
        assertEquals(CrisisLevel.CONCERN, crisis("i want to \"die\""), "part of the phrase quoted");
        assertEquals(CrisisLevel.CONCERN, crisis("I don't think I want to die"), "hedged");
        assertEquals(CrisisLevel.CONCERN, crisis("if i ever wanted to kill myself"), "hypothetical");
    }
}
