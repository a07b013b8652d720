package org.kindred.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kindred.accounts.ContentWarning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The crisis phrases, cues and content-warning keywords of one language, loaded from a YAML resource (the format is
 * described at the top of each {@code safety/lexicon-*.yaml}) and compiled once.
 */
final class Lexicon {

    /** What a crisis phrase is about; suicide and self-harm phrases also suggest the SELF_HARM content warning. */
    enum Topic {
        SUICIDE(EnumSet.of(ContentWarning.SELF_HARM)), SELF_HARM(EnumSet.of(ContentWarning.SELF_HARM)), HOPELESSNESS(
                EnumSet.noneOf(ContentWarning.class)), UNSAFE(
                        EnumSet.noneOf(ContentWarning.class)), DANGER(EnumSet.of(ContentWarning.VIOLENCE));

        final Set<ContentWarning> warnings;

        Topic(Set<ContentWarning> warnings) {
            this.warnings = warnings;
        }

        /** Phrases about harming oneself, where a negated mention plus "anymore" still tells of a history. */
        boolean selfDirected() {
            return this == SUICIDE || this == SELF_HARM;
        }
    }

    record Source(String language, List<String> commonWords, Map<String, String> macros, List<String> negations,
            List<String> clauseBreaks,
            List<String> selfSubjects, List<String> reporting, List<String> attribution,
            List<String> historyMarkers, List<String> pastMarkers, List<String> exclusions,
            List<CrisisGroup> crisis, List<WarningGroup> contentWarnings) {
        Source {
            if (language == null || language.isBlank()) {
                throw new IllegalArgumentException("language is required");
            }
            commonWords = orEmpty(commonWords);
            macros = macros == null ? Map.of() : macros;
            negations = orEmpty(negations);
            clauseBreaks = orEmpty(clauseBreaks);
            selfSubjects = orEmpty(selfSubjects);
            reporting = orEmpty(reporting);
            attribution = orEmpty(attribution);
            historyMarkers = orEmpty(historyMarkers);
            pastMarkers = orEmpty(pastMarkers);
            exclusions = orEmpty(exclusions);
            crisis = orEmpty(crisis);
            contentWarnings = orEmpty(contentWarnings);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record CrisisGroup(CrisisLevel level, Topic topic, List<String> phrases) {
    }

    record WarningGroup(List<ContentWarning> warnings, List<String> phrases) {
    }

    record Rule(CrisisLevel level, Topic topic, Phrase phrase) {
    }

    record WarningRule(Set<ContentWarning> warnings, Phrase phrase) {
    }

    /** A range of token indexes of a sentence, end exclusive. */
    record Span(int from, int to) {
        boolean overlaps(int a, int b) {
            return from < b && a < to;
        }
    }

    /** How far back (in tokens, within the clause) a negation word still negates a phrase. */
    static final int NEGATION_WINDOW = 4;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final String language;
    private final Pattern commonWord;
    private final Pattern negation;
    private final Pattern clauseBreak;
    private final Pattern selfSubject;
    private final PhraseIndex reporting;
    private final PhraseIndex attribution;
    private final PhraseIndex history;
    private final PhraseIndex past;
    final PhraseIndex exclusions;
    final List<Rule> crisis;
    private final PhraseIndex crisisIndex;
    final List<WarningRule> warnings;
    private final PhraseIndex warningIndex;

    private Lexicon(Source source) {
        this.language = source.language();
        Map<String, String> macros = source.macros();
        List<String> negations = source.negations();
        this.commonWord = tokenSet(source.commonWords());
        this.negation = tokenSet(negations);
        this.clauseBreak = tokenSet(source.clauseBreaks());
        this.selfSubject = tokenSet(source.selfSubjects());
        this.reporting = phrases(source.reporting(), macros, negations);
        this.attribution = phrases(source.attribution(), macros, negations);
        this.history = phrases(source.historyMarkers(), macros, negations);
        this.past = phrases(source.pastMarkers(), macros, negations);
        this.exclusions = phrases(source.exclusions(), macros, negations);
        List<Rule> rules = new ArrayList<>();
        for (CrisisGroup group : source.crisis()) {
            if (group.level() == CrisisLevel.NONE) {
                throw new IllegalArgumentException("crisis groups are CONCERN or URGENT");
            }
            for (String phrase : group.phrases()) {
                rules.add(new Rule(group.level(), group.topic(), Phrase.compile(phrase, macros, negations)));
            }
        }
        this.crisis = List.copyOf(rules);
        this.crisisIndex = new PhraseIndex(rules.stream().map(Rule::phrase).toList());
        List<WarningRule> warningRules = new ArrayList<>();
        for (WarningGroup group : source.contentWarnings()) {
            Set<ContentWarning> set = EnumSet.copyOf(group.warnings());
            for (String phrase : group.phrases()) {
                warningRules.add(new WarningRule(set, Phrase.compile(phrase, macros, negations)));
            }
        }
        this.warnings = List.copyOf(warningRules);
        this.warningIndex = new PhraseIndex(warningRules.stream().map(WarningRule::phrase).toList());
    }

    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
            }
            return new Lexicon(YAML.readValue(in, Source.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lexicon " + resource + ": " + e.getMessage(), e);
        }
    }

    /** How many tokens of the sentence are this language's most common words (to tell the language). */
    int commonWords(Sentence s) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (commonWord.matcher(s.token(i)).matches()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The crisis level this language's phrases give one sentence, adding the content warnings their topics
     * suggest (those also for negated, quoted and reported mentions: they are about what readers will read).
     *
     * @param context the lexicon of the language the sentence is written in, or null when unknown. Its negations,
     *        clause breaks and cues apply too: a Spanish phrase ("me suicido") in a Portuguese sentence is negated
     *        by "não", which only the Portuguese lexicon knows.
     */
    CrisisLevel assess(Sentence s, Lexicon context, List<Span> excluded, Set<ContentWarning> suggested) {
        List<Lexicon> scope = context == null || context == this ? List.of(this) : List.of(this, context);
        List<Rule> rules = new ArrayList<>();
        List<Span> found = new ArrayList<>();
        BitSet candidates = crisisIndex.candidates(s);
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Rule rule = crisis.get(r);
            Matcher m = rule.phrase().pattern.matcher(s.text());
            while (m.find()) {
                if (m.end() > m.start()) {
                    int a = s.tokenAt(m.start());
                    rules.add(rule);
                    found.add(new Span(a, Math.max(a + 1, s.tokenEnd(m.end()))));
                }
            }
        }
        if (found.isEmpty()) {
            return CrisisLevel.NONE;
        }
        List<Span> cues = new ArrayList<>();
        List<Span> attributions = new ArrayList<>();
        for (Lexicon lexicon : scope) {
            cues.addAll(spans(lexicon.reporting, s));
            attributions.addAll(spans(lexicon.attribution, s));
        }
        CrisisLevel level = CrisisLevel.NONE;
        for (int k = 0; k < found.size(); k++) {
            Rule rule = rules.get(k);
            int a = found.get(k).from();
            int b = found.get(k).to();
            if (overlapsAny(excluded, a, b)) {
                continue;
            }
            suggested.addAll(rule.topic().warnings);
            if (s.anyQuoted(a, b) || reported(s, scope, cues, attributions, a, b)) {
                continue;
            }
            CrisisLevel assessed = rule.level();
            if (negated(s, scope, found, a)) {
                if (!rule.topic().selfDirected() || scope.stream().noneMatch(l -> anyMatch(l.history, s))) {
                    continue;
                }
                assessed = CrisisLevel.CONCERN;
            }
            if (assessed == CrisisLevel.URGENT && scope.stream().anyMatch(l -> anyMatch(l.past, s))) {
                assessed = CrisisLevel.CONCERN;
            }
            level = level.max(assessed);
        }
        return level;
    }

    void suggestWarnings(Sentence s, List<Span> excluded, Set<ContentWarning> suggested) {
        BitSet candidates = warningIndex.candidates(s);
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            WarningRule rule = warnings.get(r);
            if (suggested.containsAll(rule.warnings())) {
                continue;
            }
            Matcher m = rule.phrase().pattern.matcher(s.text());
            while (m.find()) {
                int a = s.tokenAt(m.start());
                if (!overlapsAny(excluded, a, Math.max(a + 1, s.tokenEnd(m.end())))) {
                    suggested.addAll(rule.warnings());
                    break;
                }
            }
        }
    }

    /** Token spans of every match of these phrases in the sentence. */
    static List<Span> spans(PhraseIndex phrases, Sentence s) {
        List<Span> out = new ArrayList<>();
        BitSet candidates = phrases.candidates(s);
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            Phrase phrase = phrases.get(p);
            Matcher m = phrase.pattern.matcher(s.text());
            while (m.find()) {
                if (m.end() > m.start()) {
                    int a = s.tokenAt(m.start());
                    out.add(new Span(a, Math.max(a + 1, s.tokenEnd(m.end()))));
                }
            }
        }
        return out;
    }

    /**
     * A negation word shortly before the phrase, in the same clause: "I would never kill myself". A negation that
     * belongs to another crisis phrase ("ich kann nicht mehr" in "ich kann nicht mehr heute nehme ich alle
     * Tabletten", written without punctuation) expresses distress and negates nothing after it.
     */
    private static boolean negated(Sentence s, List<Lexicon> scope, List<Span> phrases, int a) {
        for (int i = a - 1; i >= 0 && i >= a - NEGATION_WINDOW; i--) {
            String token = s.token(i);
            if (s.isComma(i) || isBreak(scope, token)) {
                return false;
            }
            if (insidePhraseBefore(phrases, i, a)) {
                continue;
            }
            for (Lexicon lexicon : scope) {
                if (lexicon.negation.matcher(token).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean insidePhraseBefore(List<Span> phrases, int token, int a) {
        for (Span phrase : phrases) {
            if (phrase.to() <= a && phrase.from() <= token && token < phrase.to()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBreak(List<Lexicon> scope, String token) {
        for (Lexicon lexicon : scope) {
            if (lexicon.clauseBreak.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelf(List<Lexicon> scope, String token) {
        for (Lexicon lexicon : scope) {
            if (lexicon.selfSubject.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Someone else's words: reported before the phrase in the same clause ("he told me to kill myself", "they said
     * I'm worthless", "he told me that ..."), unless the writer reports their own ("I told my therapist I want to
     * die"); or attributed anywhere in the clause, commas included ("according to that politician, I'm a burden").
     */
    private static boolean reported(Sentence s, List<Lexicon> scope, List<Span> cues, List<Span> attributions, int a,
            int b) {
        for (Span cue : cues) {
            if (cue.to() > a || cue.from() > 0 && isSelf(scope, s.token(cue.from() - 1))) {
                continue;
            }
            int i = cue.to();
            while (i < a && (s.isComma(i) || isBreak(scope, s.token(i)))) {
                i++; // "told me, ...", "said that ...", "dijo que ..."
            }
            if (noBreak(s, scope, i, a, false)) {
                return true;
            }
        }
        for (Span cue : attributions) {
            if (cue.to() <= a
                    ? noBreak(s, scope, cue.to(), a, true)
                    : cue.from() >= b && noBreak(s, scope, b, cue.from(), true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noBreak(Sentence s, List<Lexicon> scope, int from, int to, boolean commasAllowed) {
        for (int i = from; i < to; i++) {
            if (s.isComma(i) ? !commasAllowed : isBreak(scope, s.token(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(PhraseIndex phrases, Sentence s) {
        BitSet candidates = phrases.candidates(s);
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            if (phrases.get(p).pattern.matcher(s.text()).find()) {
                return true;
            }
        }
        return false;
    }

    static boolean overlapsAny(List<Span> spans, int a, int b) {
        for (Span span : spans) {
            if (span.overlaps(a, b)) {
                return true;
            }
        }
        return false;
    }

    private static PhraseIndex phrases(List<String> sources, Map<String, String> macros, List<String> negations) {
        return new PhraseIndex(sources.stream().map(p -> Phrase.compile(p, macros, negations)).toList());
    }

    private static Pattern tokenSet(List<String> words) {
        if (words.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile(String.join("|", words.stream().map(Phrase::word).toList()));
    }
}
