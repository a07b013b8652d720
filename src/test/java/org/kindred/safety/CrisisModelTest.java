package org.kindred.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crisis model and how its second opinion meets the lexicons: it only raises a level, it never holds a post on its
 * own word against a rule that set the words aside, a level it raises always carries a signal of that level, and it is
 * trained the same way every time. Plain JUnit over real training data and real models.
 */
class CrisisModelTest {

    /** A model that has learnt exactly these texts as URGENT, and ordinary ones as NONE. */
    private static CrisisModel taughtUrgent(String... urgent) {
        List<CrisisModel.Example> examples = new ArrayList<>();
        for (String text : urgent) {
            examples.add(new CrisisModel.Example(CrisisLevel.URGENT, CrisisSignal.PLAN, text));
        }
        for (String text : List.of("lovely weather at the market today", "the bus was late again this morning",
                "thank you all for the advice about the landlord", "my visa appointment is on monday")) {
            examples.add(new CrisisModel.Example(CrisisLevel.NONE, text));
        }
        return CrisisModel.train(examples, CrisisModel.Settings.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my cousin texted me \"i want to die\"", "i want to die my hair blue",
            "he said im a burden", "not that i want to die"})
    void wordsTheLexiconsSetAsideOrDoubtedCapTheModelAtConcern(String text) {
        CrisisModel model = taughtUrgent(text);
        assertEquals(CrisisLevel.URGENT, model.level(text, true), "the model was taught to hear a crisis here");
        assertTrue(new SafetyCheck(CrisisModel.silent()).assess(text, "en").crisis() != CrisisLevel.URGENT);
        // the rules disagree: care, never silence and never a hold on the model's word alone
        assertEquals(CrisisLevel.CONCERN, new SafetyCheck(model).assess(text, "en").crisis());
    }

    @Test
    void whereNoRuleSpokeTheModelRaisesTheLevelWithASignalOfThatLevel() {
        String unheard = "the cabinet is counted and it is enough for friday";
        CrisisModel model = taughtUrgent(unheard);
        assertEquals(CrisisLevel.NONE, new SafetyCheck(CrisisModel.silent()).assess(unheard, "en").crisis());
        SafetyAssessment assessed = new SafetyCheck(model).assess(unheard, "en");
        assertEquals(CrisisLevel.URGENT, assessed.crisis());
        assertEquals(List.of(CrisisSignal.PLAN), assessed.signals(), "the category head's step, of level URGENT");
    }

    @Test
    void theModelOnlyEverRaisesTheLexiconsLevelAndExplainsWhatItRaises() {
        SafetyCheck lexicons = new SafetyCheck(CrisisModel.silent());
        SafetyCheck both = new SafetyCheck();
        int raised = 0;
        for (LabelledSet.Line line : LabelledSet.load(List.of("safety/eval"))) {
            SafetyAssessment alone = lexicons.assess(line.text(), null);
            SafetyAssessment together = both.assess(line.text(), null);
            assertTrue(together.crisis().ordinal() >= alone.crisis().ordinal(), line.text());
            assertTrue(together.signals().containsAll(alone.signals()), line.text());
            if (together.crisis() != alone.crisis()) {
                raised++;
                assertTrue(together.signals().stream().anyMatch(s -> s.level == together.crisis()),
                        "a raised level names a signal of that level: " + together.signals());
            }
        }
        assertTrue(raised > 0, "the development sets hold lines only the model hears");
    }

    @Test
    void trainingIsDeterministic() {
        List<CrisisModel.Example> examples = LabelledSet.load(List.of("safety/blind/round-1")).stream()
                .map(CrisisModel.Example::of).toList();
        CrisisModel first = CrisisModel.train(examples, CrisisModel.Settings.DEFAULT);
        CrisisModel second = CrisisModel.train(examples, CrisisModel.Settings.DEFAULT);
        for (LabelledSet.Line line : LabelledSet.load(List.of("safety/blind/round-2"))) {
            assertEquals(first.score(line.text()), second.score(line.text()), line.text());
        }
    }

    @Test
    void anEmptyOrBlankTextScoresNothing() {
        assertEquals(new CrisisModel.Scores(0, 0, 0, 0), CrisisModel.shared().score("   "));
        assertEquals(CrisisLevel.NONE, CrisisModel.shared().level("", true));
    }

    @Test
    void aLongPostIsScoredByItsWorstWindowNotDilutedByTheRest() {
        String crisis = "i have counted the pills and tonight i will take all of them.";
        StringBuilder post = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            post.append("the landlord refused to fix the heating again and the council never answers. ");
        }
        post.append(crisis);
        CrisisModel model = CrisisModel.shared();
        assertEquals(CrisisLevel.URGENT, model.level(crisis, true));
        assertEquals(CrisisLevel.URGENT, model.level(post.toString(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thank you", "Now I can", "I made creme brulee tonight", "From the blocked one",
            "About From the blocked one\n\nFrom the blocked one", "Write it down the same day.",
            "About I made creme brulee tonight\n\nI made creme brulee tonight"})
    void ordinaryPostsAreNeverHeldOnTheModelsWordAlone(String text) {
        // the model is overconfident on short texts; uncorroborated it must be sure (0.95) and have six words
        assertTrue(new SafetyCheck().assess(text, "en").crisis() != CrisisLevel.URGENT, text);
    }

    @Test
    void uncorroboratedTheModelMustBeSureAndTheTextLongEnough() {
        String shortText = "the cabinet is counted";
        CrisisModel model = taughtUrgent(shortText);
        assertEquals(CrisisLevel.URGENT, model.level(shortText, true), "corroborated, the usual threshold");
        assertEquals(CrisisLevel.NONE, model.level(shortText, false), "four words are too few on its own");
        assertEquals(CrisisLevel.NONE, new SafetyCheck(model).assess(shortText, "en").crisis());
    }

    /**
     * The model cuts sentences by hand, where white space follows an end of sentence: exactly where the regular
     * expression it replaced cut them, in the labelled texts and in random runs of the characters that matter.
     */
    @Test
    void sentencesAreCutWhereTheRegularExpressionCutThem() {
        Pattern end = Pattern.compile("(?<=[.!?\u2026\u061F\n])\\s+");
        List<String> texts = new ArrayList<>();
        LabelledSet.load(LabelledSet.TRAINING).forEach(line -> texts.add(Folding.fold(line.text())));
        Random random = new Random(7);
        String alphabet = "ab .!?\u2026\u061F\n\t\r\u000B\f\u00A0\u2003،";
        for (int i = 0; i < 20_000; i++) {
            texts.add(randomText(random, alphabet, 12));
        }
        for (String text : texts) {
            List<int[]> expected = new ArrayList<>();
            if (!text.isBlank()) {
                for (String sentence : end.split(text)) {
                    if (!sentence.isBlank()) {
                        expected.add(CrisisModel.features(sentence));
                    }
                }
            }
            List<int[]> actual = CrisisModel.sentenceFeatures(text);
            assertEquals(expected.size(), actual.size(), text);
            for (int k = 0; k < expected.size(); k++) {
                assertTrue(Arrays.equals(expected.get(k), actual.get(k)), text);
            }
        }
    }

    /** Different words are counted by hand as the regular expression {@code [\\p{L}\\p{N}]+} finds them. */
    @Test
    void differentWordsAreCountedAsTheRegularExpressionFindsThem() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        Random random = new Random(8);
        String alphabet = "aZé ,.'-\u0663\u00B2\u216B\u0301\uD835\uDC00\uD83D\uDE00ж\t";
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, alphabet, 16);
            long distinct = word.matcher(text).results().map(MatchResult::group).distinct().count();
            assertEquals(Math.min(distinct, 6), CrisisModel.distinctWords(text, 6), text);
            assertEquals(distinct, CrisisModel.distinctWords(text, Integer.MAX_VALUE), text);
        }
        assertEquals(5, CrisisModel.distinctWords("about from the blocked one\n\nfrom the blocked one", 6));
    }

    /** Up to {@code maxLength - 1} characters drawn from the alphabet (surrogate halves may come alone). */
    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int c = random.nextInt(maxLength); c > 0; c--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void featuresAreTheOnesTheWordListGave() {
        // features() writes the joined words into one array; it must give what the word list and joined string gave
        List<String> texts = new ArrayList<>();
        for (LabelledSet.Line line : LabelledSet.load(LabelledSet.TRAINING)) {
            texts.add(Folding.fold(line.text()));
        }
        Random random = new Random(2026_12_08L);
        String alphabet = "ab c'' 1.,!?\t\n\u00e9\u0436\u0634\uD83D\uDE00-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        texts.addAll(List.of("", " ", "'", "''a", "a'", "a' 'b", "\uD83D\uDE00"));
        for (String text : texts) {
            for (String sentence : new String[]{text,
                    text.length() > 9 ? text.substring(3, text.length() - 2) : text}) {
                assertEquals(Arrays.toString(referenceFeatures(sentence)),
                        Arrays.toString(CrisisModel.features(sentence)), sentence);
            }
        }
    }

    /** {@link CrisisModel#features} as written before 2026-12-08: a list of word strings, then the joined string. */
    private static int[] referenceFeatures(String sentence) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= sentence.length(); i++) {
            boolean letter = i < sentence.length() && (Character.isLetterOrDigit(sentence.charAt(i))
                    || sentence.charAt(i) == '\'' && start >= 0);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(sentence.substring(start, i));
                start = -1;
            }
        }
        String joined = " " + String.join(" ", words) + " ";
        int[] out = new int[Math.max(0, joined.length() - 1) * 4 + words.size() * 2];
        int n = 0;
        for (int i = 0; i < joined.length() - 1; i++) {
            int h = 0x811C9DC5;
            for (int j = i; j < Math.min(joined.length(), i + 5); j++) {
                h = (h ^ joined.charAt(j)) * 0x01000193;
                if (j > i) {
                    out[n++] = CrisisModel.bucket(h, j - i + 1);
                }
            }
        }
        for (int w = 0; w < words.size(); w++) {
            int h = words.get(w).hashCode();
            out[n++] = CrisisModel.bucket(h, 11);
            if (w + 1 < words.size()) {
                out[n++] = CrisisModel.bucket(h * 31 + words.get(w + 1).hashCode(), 13);
            }
        }
        return Arrays.copyOf(out, n);
    }
}
