package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concept layer: combinations of clinical concepts (a means and "all of them", dying and a time, preparation,
 * escalating self-harm, hopelessness, burden, passive wishes) give the category and level a moderator would expect
 * for sentences that no lexicon phrase says in those words, and the suppression rules apply to a combination only
 * within their own span, as to a phrase. The examples are the concept development sets
 * ({@code safety/eval/concepts/<language>.tsv}, {@code LABEL<TAB>category<TAB>text}); each line is asserted on its
 * own. Plain JUnit, no application.
 */
class SafetyConceptTest {

    /** The languages with a concept development set so far. */
    static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "pt", "pl", "uk", "ru", "ar", "tr");

    /** A first-person statement that no lexicon phrase finds, only the concept layer (a means and a method search). */
    static final String STATEMENT = "i counted how many of my antidepressants it would take";

    static SafetyCheck check;

    @BeforeAll
    static void load() {
        // The lexicon layer on its own: the crisis model's second opinion is specified in CrisisModelTest.
        check = new SafetyCheck(CrisisModel.silent());
        SafetyEvaluationTest.check = check;
    }

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (SafetyEvaluationTest.Example e : SafetyEvaluationTest
                    .examples("safety/eval/concepts/" + language + ".tsv")) {
                all.add(Arguments.of(language, e.label(), e.category().substring(e.category().indexOf('/') + 1),
                        e.text()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("examples")
    void eachExampleGetsItsLevelAndCategory(String language, CrisisLevel level, String category, String text) {
        SafetyAssessment assessment = check.assess(text, language);
        assertEquals(level, assessment.crisis(), text + " " + assessment.signals());
        if (level != CrisisLevel.NONE) {
            assertTrue(assessment.signals().contains(CrisisSignal.valueOf(category)),
                    text + ": " + category + " not in " + assessment.signals());
        }
    }

    @Test
    void theConceptSetsAreMeasured() {
        List<SafetyEvaluationTest.Result> results = LANGUAGES.stream()
                .map(l -> SafetyEvaluationTest.evaluate(l, "safety/eval/concepts/" + l + ".tsv")).toList();
        System.out.println(SafetyEvaluationTest.report("Concept development sets", results));
        for (SafetyEvaluationTest.Result r : results) {
            assertTrue(r.total() >= 20, r.language() + ": only " + r.total() + " concept examples");
        }
    }

    /** Each suppression rule applied to a concept combination on its own, and the level it leaves. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("negation", "i would never take every tablet in the box", CrisisLevel.NONE),
                Arguments.of("hypothetical", "even if i counted how many tablets it would take", CrisisLevel.CONCERN),
                Arguments.of("idiom", "this exam is killing me", CrisisLevel.NONE),
                Arguments.of("quotation", "my cousin texted me \"i counted how many pills it would take\"",
                        CrisisLevel.NONE),
                // an URGENT statement in the first person after a reporting verb may be the writer's: in doubt
                Arguments.of("reported speech", "they said i should take every tablet in the box", CrisisLevel.CONCERN),
                Arguments.of("reported speech", "they told me to count how many pills it would take", CrisisLevel.NONE),
                Arguments.of("third person", "i know he has been counting how many pills he has", CrisisLevel.NONE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void eachRuleSuppressesAConceptCombinationInItsOwnSpan(String rule, String text, CrisisLevel expected) {
        assertEquals(expected, check.assess(text, "en").crisis());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void noRuleSwallowsAFollowingConceptStatement(String rule, String text, CrisisLevel ignored) {
        assertEquals(CrisisLevel.URGENT, check.assess(text + " " + STATEMENT, "en").crisis(), "no punctuation");
        assertEquals(CrisisLevel.URGENT, check.assess(text + ". " + STATEMENT + ".", "en").crisis(),
                "two sentences");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void noRuleSwallowsAPrecedingConceptStatement(String rule, String text, CrisisLevel ignored) {
        assertEquals(CrisisLevel.URGENT, check.assess(STATEMENT + " " + text, "en").crisis(), "no punctuation");
        assertEquals(CrisisLevel.URGENT, check.assess(STATEMENT + ". " + text, "en").crisis(), "two sentences");
    }

    @Test
    void aNegationBetweenTheConceptsPutsThemInDoubtNeverNone() {
        SafetyAssessment doubt = check.assess("i bought a gun but i don't think i will use it tonight", "en");
        assertEquals(CrisisLevel.CONCERN, doubt.crisis(), doubt.signals().toString());
    }
    @Test
    void aPlaceAndNobodyAroundIsAPlanButAPlaceAndATimeAloneIsNot() {
        SafetyAssessment plan = check.assess("friday night the bridge by the ring road, nobody walks there after dark",
                "en");
        assertEquals(CrisisLevel.URGENT, plan.crisis(), plan.signals().toString());
        assertTrue(plan.signals().contains(CrisisSignal.PLAN), plan.signals().toString());
        assertEquals(CrisisLevel.NONE, check.assess("friday night we are going to the bridge for the fireworks", "en")
                .crisis());
    }

    @Test
    void aDiaryWithoutPronounsIsTheWritersUnlessSomeoneElseIsNamed() {
        SafetyAssessment own = check.assess("started cutting again and it needs stitches each time", "en");
        assertEquals(CrisisLevel.URGENT, own.crisis(), own.signals().toString());
        assertTrue(own.signals().contains(CrisisSignal.ESCALATING_SELF_HARM), own.signals().toString());
        assertEquals(CrisisLevel.NONE,
                check.assess("my cousin started cutting again and it needs stitches each time", "en").crisis());
    }

    @Test
    void aLethalMeansOfTheWritersOwnIsCareNotSilence() {
        SafetyAssessment care = check.assess("the rope is still in the boot of my car", "en");
        assertEquals(CrisisLevel.CONCERN, care.crisis(), care.signals().toString());
        assertTrue(care.signals().contains(CrisisSignal.METHOD), care.signals().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plans")
    void aNegatedOrHypotheticalPlanIsLoweredOnlyInItsOwnSpan(String rule, String text, CrisisLevel expected) {
        assertEquals(expected, check.assess(text, "en").crisis());
        assertEquals(CrisisLevel.URGENT, check.assess(text + ". " + PLAN, "en").crisis(), "a plan after it");
        assertEquals(CrisisLevel.URGENT, check.assess(PLAN + ". " + text, "en").crisis(), "a plan before it");
    }

    /** A plan that only the new concepts find: a place to jump from and nobody around. */
    static final String PLAN = "i know a spot on the cliffs where nobody walks after dark";

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("negation", "i would never go to the cliffs where nobody walks", CrisisLevel.NONE),
                Arguments.of("hypothetical", "what if i went up to the roof where nobody goes", CrisisLevel.CONCERN),
                Arguments.of("third person", "he knows a spot on the bridge where nobody walks", CrisisLevel.NONE));
    }
}
