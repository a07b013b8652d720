package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Members mix languages: a line in another language must not silence a crisis. A sentence that holds no common word
 * of any language (common in short crisis lines: "hapların yarısını yuttum, kalanı avucumda") keeps its own
 * language's concepts as long as the text shows that language somewhere (common words or letters of its own), and
 * an English line around an Arabic sentence never makes English that sentence's language. Lexicons alone, so that
 * what is measured is the rule, not the model. Plain JUnit, no application.
 */
class MixedLanguageTest {

    static SafetyCheck lexicons;

    @BeforeAll
    static void load() {
        lexicons = new SafetyCheck(CrisisModel.silent());
    }

    static CrisisLevel crisis(String text) {
        return lexicons.assess(text, null).crisis();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hapların yarısını yuttum, kalanı avucumda. birileri bilsin istedim sadece|i am going to the shop now.",
            "nach meinem letzten termin am donnerstag fahr ich zur brücke. uhrzeit steht, alles durchdacht|"
                    + "i am going to the shop now.",
            "ساكن بالطابق التاسع وكل ليلة بوقف عالبلكون وبفكر انط|vou ao mercado agora.",
            "ساكن بالطابق التاسع وكل ليلة بوقف عالبلكون وبفكر انط|я сейчас иду в магазин.",
            // no language claims the English sentence and the text shows Spanish only: its URGENT combinations run
            "already swallowed them like 20 min ago. dont even know why im posting|voy a la tienda ahora."})
    void aLineInAnotherLanguageDoesNotSilenceACrisis(String post, String line) {
        CrisisLevel alone = crisis(post);
        assertTrue(alone != CrisisLevel.NONE, "the post alone is heard: " + post);
        assertEquals(alone, crisis(post + "\n" + line), "followed by " + line);
        assertEquals(alone, crisis(line + "\n" + post), "preceded by " + line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Turkish "gün" (day) folds to the English "gun", German "leer" (empty) is Spanish "to read"
            "Roman bir aileden geliyorum. Aynı gün komşumuzun kızı kaydoldu. Kimse başvurdu mu?|NONE",
            "estoy muy triste, ella me crio. solo queria contarlo. gracias por leer|NONE",
            "der kühlschrank ist leer|NONE",
            // Model version 4 heard this alone as care at 0.953 (a false CONCERN; alone it must reach 0.95); version 6
            // does not. The lexicons' rule this test is about says NONE either way.
            "die wohnung ist leer seit gestern|NONE"})
    void anotherLanguagesWordInAnUnclaimedSentenceIsNotACrisis(String post, CrisisLevel withModel) {
        assertEquals(CrisisLevel.NONE, crisis(post));
        assertEquals(withModel, new SafetyCheck().assess(post, null).crisis(), "with the model");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ich fühl mich so leer|CONCERN", "innerlich bin ich leer|CONCERN"})
    void feelingEmptyIsStillHeard(String post, CrisisLevel level) {
        assertEquals(level, crisis(post));
    }

    @Test
    void anEnglishOrGermanLineNeverLowersABlindPost() {
        // rounds 6 to 10 (read data), each post with a neutral English and a neutral German line after it: before the
        // rule, 27 of these 6,000 texts lost their level (a sentence without common words fell to the language the
        // other line brought in). Across all ten languages' neutral lines, before or after, 28 of 120,000 still do
        // (against 782): posts whose crisis sentence shows no sign of its language anywhere in the text and holds a
        // CONCERN, which one word gives ("desde que cortamos volví a lastimarme" next to "i am going to the shop")
        List<String> lowered = new ArrayList<>();
        int checked = 0;
        for (int round = 6; round <= 10; round++) {
            for (String language : SafetyCheck.LANGUAGES) {
                for (LabelledSet.Line line : LabelledSet
                        .read("safety/blind/round-" + round + "/" + language + ".tsv")) {
                    CrisisLevel before = crisis(line.text());
                    for (String neutral : List.of("i am going to the shop now.", "ich gehe jetzt einkaufen.")) {
                        checked++;
                        if (crisis(line.text() + "\n" + neutral).ordinal() < before.ordinal()) {
                            lowered.add(language + ": " + line.text());
                        }
                    }
                }
            }
        }
        System.out.println("a neutral line lowered " + lowered.size() + " of " + checked + " blind posts: " + lowered);
        assertEquals(6_000, checked);
        assertEquals(List.of(), lowered);
    }
}
