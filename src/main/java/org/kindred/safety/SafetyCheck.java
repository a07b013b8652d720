package org.kindred.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.ContentWarning;

import io.quarkus.runtime.Startup;

/**
 * The safety check: how strongly a text signals that its writer may be in crisis, where it contains personal
 * information, and which content warnings it probably needs. Local and deterministic: curated lexicons (ten
 * languages, in {@code safety/lexicon-*.yaml}) compiled into linear regular expressions, and a second opinion from
 * {@link CrisisModel}, trained at startup from the labelled sets, which can only raise the level (see
 * {@link #secondOpinion}). No network.
 *
 * <p>
 * How the crisis level is found: the text is folded (accents and case removed) and cut into sentences of tokens.
 * Every lexicon's phrases run on every sentence, whatever the language hint says, and the highest level wins:
 * members mix languages (a Spanish phrase in an English post), and a wrong or missing hint must not hide a crisis.
 * A phrase does not count when it is negated shortly before in the same clause ("I would never kill myself"), when
 * it is inside quotation marks or reported ("he told me to kill myself", "according to that politician I'm a
 * burden"), or when it is part of an idiom the lexicons list ("I died laughing", "to die for"). A negated suicide or
 * self-harm phrase with "anymore" or "no longer" tells of a history and gives CONCERN ("I don't cut anymore"); an
 * URGENT phrase about the past ("when I was sixteen", "years ago") gives CONCERN too. Phrases are first-person by
 * construction, so other people's crises ("my friend wants to kill herself") do not match. Negations and cues come
 * from the phrase's own lexicon and from the language the sentence appears to be written in (its most common words,
 * with the hint as a tie-breaker), so a Spanish phrase inside a Portuguese sentence is still negated by "não".
 *
 * <p>
 * Usable without CDI ({@code new SafetyCheck()}); the lexicons are parsed once, at startup in the application.
 */
@ApplicationScoped
@Startup
public class SafetyCheck {

    /** The languages with a lexicon, in the order their phrases are tried. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "ar", "tr", "pl", "uk", "ru");

    /** CONCERN signals of a means or a place at hand, and of despair: see {@link #escalates}. */
    private static final Set<CrisisSignal> MEANS_AT_HAND = EnumSet.of(CrisisSignal.METHOD, CrisisSignal.PLAN,
            CrisisSignal.IMMINENT);
    private static final Set<CrisisSignal> DESPAIR = EnumSet.of(CrisisSignal.HOPELESSNESS, CrisisSignal.WISH_DEAD,
            CrisisSignal.PASSIVE_IDEATION, CrisisSignal.BURDEN);

    private final List<Lexicon> lexicons;
    private final Map<String, List<String>> spellings;
    private final LanguageDetection languages;
    private final CommonWords commonWords;
    private final LanguageDetection.Script[] scriptOf;
    private final PersonalInfoFinder personalInfo = new PersonalInfoFinder();
    private final CrisisModel model;

    public SafetyCheck() {
        this(LANGUAGES.stream().map(language -> "safety/lexicon-" + language + ".yaml").toList());
    }

    SafetyCheck(List<String> resources) {
        this(resources, CrisisModel.shared());
    }

    /** With another model: the evaluation measures a blind round with a model that never learnt from it. */
    SafetyCheck(CrisisModel model) {
        this(LANGUAGES.stream().map(language -> "safety/lexicon-" + language + ".yaml").toList(), model);
    }

    private SafetyCheck(List<String> resources, CrisisModel model) {
        this.model = model;
        List<Lexicon> loaded = new ArrayList<>();
        Vocabulary vocabulary = new Vocabulary(); // one for all lexicons: each sentence is read once for all of them
        for (String resource : resources) {
            loaded.add(Lexicon.load(resource, vocabulary));
        }
        this.lexicons = List.copyOf(loaded);
        Map<String, List<String>> all = new HashMap<>();
        loaded.forEach(lexicon -> all.putAll(lexicon.spellings));
        this.spellings = Map.copyOf(all);
        this.languages = new LanguageDetection(this.lexicons);
        this.commonWords = new CommonWords(this.lexicons);
        this.scriptOf = this.lexicons.stream().map(l -> LanguageDetection.Script.of(l.language))
                .toArray(LanguageDetection.Script[]::new);
    }

    /**
     * Assesses a text.
     *
     * @param text the text, of any length (work is linear in it); null or blank gives an empty assessment
     * @param languageHint the BCP 47 tag the writer or client declared, or null. It does not restrict detection:
     *        every lexicon runs on every text, because posts mix languages and hints are often missing or wrong.
     *        It only tips the balance when the language of a sentence is unclear (see {@link #languageScores}).
     */
    public SafetyAssessment assess(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return SafetyAssessment.none();
        }
        String folded = Folding.fold(text); // once, for the lexicons and the model
        List<Sentence> sentences = Sentence.splitFolded(folded, spellings);
        String hinted = primaryLanguage(languageHint);
        Tally tally = new Tally();
        int[] textScores = assessSentences(text, sentences, hinted, tally);
        String language = languages.detect(text, sentences, textScores, hinted);
        List<Heard> readings = new ArrayList<>(List.of(new Heard(folded, sentences)));
        if (Transliteration.looksTransliterated(sentences)
                && readAsCyrillic(text, hinted, Arrays.stream(textScores).max().orElse(0), tally, readings)) {
            language = Transliteration.likelier(sentences).language;
        }
        tally.escalateMeansAndDespair();
        if (tally.level == CrisisLevel.URGENT && disavowedAlone(tally, readings)) {
            // "sometimes I want to die. I'm not going to do anything.": thoughts without intent (C-SSRS) are care,
            // not a hold, unless a method, plan, preparation, intent or escalation says otherwise
            tally.level = CrisisLevel.CONCERN;
        }
        secondOpinion(tally, text, readings);
        return new SafetyAssessment(tally.level, List.copyOf(tally.signals), personalInfo.find(text),
                List.copyOf(tally.warnings), language);
    }

    /**
     * Russian or Ukrainian in Latin letters: hears each Cyrillic reading of the text into the same tally and adds it to
     * {@code readings} for the model. Returns whether a reading holds more Russian or Ukrainian common words than the
     * Latin letters hold of any language ({@code latin}), so that the text is named by its likelier reading.
     */
    private boolean readAsCyrillic(String text, String hinted, int latin, Tally tally, List<Heard> readings) {
        boolean cyrillic = false;
        for (Transliteration.Reading reading : Transliteration.Reading.values()) {
            String read = Folding.fold(Transliteration.cyrillic(text, reading));
            List<Sentence> readSentences = Sentence.splitFolded(read, spellings);
            int[] readScores = assessSentences(read, readSentences, hinted, tally);
            for (int i = 0; i < lexicons.size(); i++) {
                cyrillic |= scriptOf[i] == LanguageDetection.Script.CYRILLIC && readScores[i] > latin;
            }
            readings.add(new Heard(read, readSentences));
        }
        return cyrillic;
    }

    /**
     * Whether only active ideation made the text URGENT and the writer says in their own words, in the text or a
     * Cyrillic reading of it, that they will not act (each lexicon's {@code disavowals}). Asked only of texts heard
     * as URGENT, at most once per text.
     */
    private boolean disavowedAlone(Tally tally, List<Heard> readings) {
        if (tally.disavowed == null) {
            tally.disavowed = tally.ideationAlone() && disavowed(readings);
        }
        return tally.disavowed;
    }

    private boolean disavowed(List<Heard> readings) {
        for (Heard reading : readings) {
            for (Sentence sentence : reading.sentences()) {
                Set<LanguageDetection.Script> scripts = scriptsOf(sentence);
                for (int i = 0; i < lexicons.size(); i++) {
                    if (scripts.contains(scriptOf[i]) && lexicons.get(i).disavows(sentence)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The folded text, or a Cyrillic reading of it, and its sentences. */
    private record Heard(String folded, List<Sentence> sentences) {
    }

    /**
     * Runs the lexicons over every sentence of {@code text} into {@code tally}; returns each lexicon's common words in
     * the text.
     */
    private int[] assessSentences(String text, List<Sentence> sentences, String hinted, Tally tally) {
        int[][] common = new int[sentences.size()][lexicons.size()];
        int[] textScores = new int[lexicons.size()];
        for (int k = 0; k < sentences.size(); k++) {
            common[k] = commonWords.in(sentences.get(k));
            for (int i = 0; i < lexicons.size(); i++) {
                textScores[i] += common[k][i];
            }
        }
        Shown inText = new Shown(text, textScores);
        for (int k = 0; k < sentences.size(); k++) {
            assessSentence(sentences.get(k), k, languageScores(common[k], textScores, hinted), common[k], inText,
                    tally);
        }
        return textScores;
    }

    /**
     * Runs every lexicon of the sentence's writing system over sentence {@code k} and adds what they find.
     * {@code inText}: the languages the whole text shows (common words or own letters).
     */
    private void assessSentence(Sentence sentence, int k, int[] scores, int[] common, Shown inText,
            Tally tally) {
        // A lexicon can only match words of its own writing system: Cyrillic phrases never match a Latin sentence,
        // and an English post around an Arabic sentence does not make English that sentence's language.
        Set<LanguageDetection.Script> scripts = scriptsOf(sentence);
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scripts.contains(scriptOf[i]) && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return; // no lexicon reads this writing system
        }
        boolean claimed = false; // whether any language's common words are in this very sentence
        for (int i = 0; i < common.length; i++) {
            claimed |= scripts.contains(scriptOf[i]) && common[i] > 0;
        }
        List<Lexicon.Span> excluded = new ArrayList<>();
        for (int i = 0; i < lexicons.size(); i++) {
            if (scripts.contains(scriptOf[i])) {
                excluded.addAll(Lexicon.spans(lexicons.get(i).exclusions, sentence));
            }
        }
        for (int i = 0; i < lexicons.size(); i++) {
            if (!scripts.contains(scriptOf[i])) {
                continue;
            }
            // Another language's cues apply only where that language is clearly the sentence's own.
            Lexicon context = scores[best] > scores[i] ? lexicons.get(best) : null;
            // Concept words are common words: a lexicon's concepts run only where its language is plausible (the
            // best, or some of its common words are there, or Russian and Ukrainian, which members mix), or where no
            // language's common words are and the text shows this language somewhere ("hapların yarısını yuttum,
            // kalanı avucumda" stays Turkish after an English line). In a sentence no language claims, every other
            // language's URGENT combinations still run (when unsure, care: "already swallowed them 20 min ago"
            // next to a Spanish line), but not one word alone, which may be another language's (Turkish "gün",
            // day, is the English "gun").
            boolean plausible = context == null || common[i] > 0 || !claimed && inText.shows(i)
                    || scriptOf[i] == LanguageDetection.Script.CYRILLIC;
            Lexicon.ConceptReach reach = plausible
                    ? Lexicon.ConceptReach.ALL
                    : claimed ? Lexicon.ConceptReach.NONE : Lexicon.ConceptReach.URGENT_ONLY;
            for (Lexicon.Finding finding : lexicons.get(i).assess(sentence, context, reach, excluded,
                    tally.warnings)) {
                tally.add(finding, k);
            }
            lexicons.get(i).suggestWarnings(sentence, excluded, tally.warnings);
        }
    }

    /**
     * The languages a text shows anywhere, by common words or letters of their own ("ı", "ß", "ñ"): asked only for
     * sentences no language claims, so the letters are read at most once per text, and only then.
     */
    private final class Shown {
        private final String text;
        private final int[] textScores;
        private boolean[] shown;

        Shown(String text, int[] textScores) {
            this.text = text;
            this.textScores = textScores;
        }

        boolean shows(int lexicon) {
            if (textScores[lexicon] > 0) {
                return true;
            }
            if (shown == null) {
                shown = new boolean[lexicons.size()];
                for (int i = 0; i < shown.length; i++) {
                    shown[i] = LanguageDetection.ownLetters(text, lexicons.get(i).language) > 0;
                }
            }
            return shown[lexicon];
        }
    }

    /** What the sentences of one text found so far, and which sentences hold a means or despair. */
    private static final class Tally {
        CrisisLevel level = CrisisLevel.NONE;
        final Set<CrisisSignal> signals = EnumSet.noneOf(CrisisSignal.class);
        final Set<ContentWarning> warnings = EnumSet.noneOf(ContentWarning.class);
        final BitSet means = new BitSet();
        final BitSet despair = new BitSet();
        final BitSet meansLatent = new BitSet();
        final BitSet despairLatent = new BitSet();
        final Set<CrisisSignal> latent = EnumSet.noneOf(CrisisSignal.class);
        /**
         * Whether a lexicon heard crisis words and set them aside or put them in doubt: an idiom, negation, a hedge, a
         * quote, reported speech, the past.
         */
        boolean setAside;

        /** The URGENT signals lexicon phrases gave (the model's and escalation's are not among them). */
        final Set<CrisisSignal> urgentFound = EnumSet.noneOf(CrisisSignal.class);
        boolean escalated;
        /** Whether a disavowal keeps active ideation at CONCERN; null until asked. */
        Boolean disavowed;

        /** Whether nothing but active ideation made the text URGENT: no method, plan, intent or escalation. */
        boolean ideationAlone() {
            return !escalated && urgentFound.stream().allMatch(signal -> signal == CrisisSignal.ACTIVE_IDEATION);
        }

        void add(Lexicon.Finding finding, int k) {
            // "I would never kill myself", "he told me to kill myself", a hedge, "I wanted to die years ago"
            setAside |= finding.lowered() || finding.signal() == CrisisSignal.HISTORY;
            if (finding.level() == CrisisLevel.NONE && finding.lowered()) {
                return;
            }
            if (finding.level() == CrisisLevel.NONE) {
                // latent: "I'm on the roof right now", "enough." count only with the other half elsewhere
                (DESPAIR.contains(finding.signal()) ? despairLatent : meansLatent).set(k);
                latent.add(finding.signal());
                return;
            }
            level = level.max(finding.level());
            signals.add(finding.signal());
            if (finding.level() == CrisisLevel.URGENT) {
                urgentFound.add(finding.signal());
            }
            if (finding.level() == CrisisLevel.CONCERN && !finding.lowered()) {
                if (MEANS_AT_HAND.contains(finding.signal())) {
                    means.set(k);
                } else if (DESPAIR.contains(finding.signal())) {
                    despair.set(k);
                }
            }
        }

        /** One half at least must be a CONCERN of its own: a latent place and a latent "enough" are not enough. */
        void escalateMeansAndDespair() {
            meansLatent.or(means);
            despairLatent.or(despair);
            if (level == CrisisLevel.CONCERN && (escalates(means, despairLatent) || escalates(meansLatent, despair))) {
                level = CrisisLevel.URGENT; // "the pills are on the table. enough", "on the roof rn. can't do this anymore"
                escalated = true;
                signals.addAll(latent);
            }
        }
    }

    /**
     * Whether a means or a place at hand (a CONCERN of its own: "the rope is waiting"; or latent, nothing alone: "I'm
     * on the roof right now", "the pills are on the table") and despair (hopelessness, a wish to be dead, being a
     * burden; or latent: "enough.", "se acabó.") stand in different sentences of one post: a means and a reason,
     * which is URGENT. Signals lowered by negation, a hypothetical or a quote do not count.
     */
    private static boolean escalates(BitSet means, BitSet despair) {
        for (int k = means.nextSetBit(0); k >= 0; k = means.nextSetBit(k + 1)) {
            for (int d = despair.nextSetBit(0); d >= 0; d = despair.nextSetBit(d + 1)) {
                if (d != k) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The crisis model's second opinion: it can only raise the level. Where a lexicon heard crisis words and set them
     * aside or put them in doubt (an idiom, negation, a hedge, a quote, reported speech, the past) and the model still
     * hears a crisis, the two disagree: the result is CONCERN, never NONE, and never a hold on the model's word alone
     * against a rule that weighed those very words. A cue of doubt elsewhere in the text does not cap the model:
     * "I can't do this anymore" holds a negation too. The signal given is the model's most likely C-SSRS step of that
     * level. The model hears the folded text and any Cyrillic reading of it ({@code readings}), each as if alone: the
     * highest level counts, so a reading can only add.
     */
    private void secondOpinion(Tally tally, String text, List<Heard> readings) {
        boolean corroborated = tally.level != CrisisLevel.NONE || tally.setAside;
        CrisisLevel heard = CrisisLevel.NONE;
        String folded = readings.get(0).folded();
        for (Heard reading : readings) { // the folded text, then any Cyrillic reading of it
            CrisisLevel level = model.level(text, reading.folded(), corroborated);
            if (level.ordinal() > heard.ordinal()) {
                heard = level;
                folded = reading.folded();
            }
        }
        if (heard == CrisisLevel.URGENT && disavowedAlone(tally, readings)) {
            heard = CrisisLevel.CONCERN; // the model cannot read "I'm not going to do anything"
        }
        if (heard.ordinal() <= tally.level.ordinal()) {
            return;
        }
        CrisisLevel raised = tally.setAside ? CrisisLevel.CONCERN : heard;
        if (raised.ordinal() > tally.level.ordinal()) {
            tally.level = raised;
            tally.signals.add(model.signal(folded, raised));
        }
    }

    private static Set<LanguageDetection.Script> scriptsOf(Sentence sentence) {
        Set<LanguageDetection.Script> scripts = EnumSet.noneOf(LanguageDetection.Script.class);
        for (int t = 0; t < sentence.size(); t++) {
            String token = sentence.token(t);
            for (int c = 0; c < token.length(); c++) {
                LanguageDetection.Script script = LanguageDetection.Script.of(token.charAt(c));
                if (script != null) {
                    scripts.add(script);
                }
            }
        }
        return scripts;
    }

    /**
     * How likely a sentence is written in each language, by counting each language's most common words: in the
     * sentence (weighted most), in the whole text, plus a small bonus for the hinted language, so the hint decides
     * short or ambiguous sentences but never outweighs what the text says.
     */
    private int[] languageScores(int[] sentenceCounts, int[] textScores, String hinted) {
        int[] scores = new int[lexicons.size()];
        for (int i = 0; i < lexicons.size(); i++) {
            scores[i] = 3 * sentenceCounts[i] + textScores[i] + (lexicons.get(i).language.equals(hinted) ? 2 : 0);
        }
        return scores;
    }

    private static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).trim().toLowerCase(Locale.ROOT);
    }
}
