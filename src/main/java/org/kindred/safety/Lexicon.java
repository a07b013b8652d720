package org.kindred.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            List<String> historyMarkers, List<String> pastMarkers, List<String> presentMarkers, List<String> exclusions,
            List<String> firstPerson, List<String> hedges, List<String> hypotheticals, List<String> disavowals,
            Map<String, String> spellings, List<CrisisGroup> crisis, Map<String, List<String>> concepts,
            List<WarningGroup> contentWarnings) {
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
            presentMarkers = orEmpty(presentMarkers);
            exclusions = orEmpty(exclusions);
            firstPerson = firstPerson == null ? selfSubjects : firstPerson;
            hedges = orEmpty(hedges);
            hypotheticals = orEmpty(hypotheticals);
            disavowals = orEmpty(disavowals);
            spellings = spellings == null ? Map.of() : spellings;
            crisis = orEmpty(crisis);
            concepts = concepts == null ? Map.of() : concepts;
            contentWarnings = orEmpty(contentWarnings);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * Phrases of one signal and topic. The level is the signal's unless given; a group without a signal gets the
     * broad one of its level and topic.
     */
    record CrisisGroup(CrisisLevel level, Topic topic, CrisisSignal signal, List<String> phrases) {
        CrisisGroup {
            if (topic == null) {
                throw new IllegalArgumentException("every crisis group needs a topic");
            }
            if (signal == null) {
                if (level == null || level == CrisisLevel.NONE) {
                    throw new IllegalArgumentException("a crisis group needs a signal or a level (CONCERN or URGENT)");
                }
                signal = defaultSignal(level, topic);
            } else if (level != null && level != signal.level) {
                throw new IllegalArgumentException("signal " + signal + " is " + signal.level + ", not " + level);
            }
            level = signal.level;
            phrases = orEmpty(phrases);
        }

        private static CrisisSignal defaultSignal(CrisisLevel level, Topic topic) {
            boolean urgent = level == CrisisLevel.URGENT;
            return switch (topic) {
                case SUICIDE -> urgent ? CrisisSignal.ACTIVE_IDEATION : CrisisSignal.PASSIVE_IDEATION;
                case SELF_HARM -> urgent ? CrisisSignal.ESCALATING_SELF_HARM : CrisisSignal.SELF_HARM;
                case HOPELESSNESS -> urgent ? CrisisSignal.ACTIVE_IDEATION : CrisisSignal.HOPELESSNESS;
                case UNSAFE, DANGER -> urgent ? CrisisSignal.DANGER : CrisisSignal.UNSAFE;
            };
        }
    }

    record WarningGroup(List<ContentWarning> warnings, List<String> phrases) {
    }

    record Rule(CrisisLevel level, Topic topic, CrisisSignal signal, Phrase phrase) {
    }

    /**
     * A signal found in a sentence, at the level it gives there (its own, or lower when something is in doubt:
     * {@code lowered}). Level NONE and lowered: crisis words that negation, a quote, reported speech or an idiom set
     * aside entirely; level NONE and not lowered: a latent half (see {@code SafetyCheck}).
     */
    record Finding(CrisisSignal signal, CrisisLevel level, boolean lowered) {
    }

    /**
     * What a suppression rule says about a phrase: it does not apply, the phrase lies wholly inside its span (the
     * phrase does not count), or the rules disagree (part of the phrase is outside, or a hedge): CONCERN at most.
     */
    enum Suppression {
        NONE, DOUBT, CLEAN
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
    /**
     * How far after "if" a phrase may start to be the condition rather than the consequence: "if I ever wanted to
     * die" is a hypothetical, "si mañana me deportan me mato" (if they deport me tomorrow I kill myself) is not.
     */
    static final int HYPOTHETICAL_REACH = 2;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final String language;
    final TokenSet commonWord;
    private final TokenSet negation;
    private final TokenSet clauseBreak;
    private final TokenSet selfSubject;
    private final TokenSet firstPerson;
    private final PhraseIndex reporting;
    private final PhraseIndex attribution;
    private final PhraseIndex history;
    private final PhraseIndex past;
    private final PhraseIndex present;
    private final PhraseIndex hedges;
    private final PhraseIndex hypotheticals;
    private final PhraseIndex disavowals;
    final Map<String, List<String>> spellings;
    final PhraseIndex exclusions;
    final List<Rule> crisis;
    private final PhraseIndex crisisIndex;
    private final Concepts concepts;
    final List<WarningRule> warnings;
    private final PhraseIndex warningIndex;

    private Lexicon(Source source, Vocabulary vocabulary) {
        this.language = source.language();
        Map<String, String> macros = source.macros();
        List<String> negations = source.negations();
        this.commonWord = TokenSet.of(source.commonWords());
        this.negation = TokenSet.of(negations);
        this.clauseBreak = TokenSet.of(source.clauseBreaks());
        this.selfSubject = TokenSet.of(source.selfSubjects());
        this.firstPerson = TokenSet.of(source.firstPerson());
        this.reporting = phrases(source.reporting(), macros, negations, negation, vocabulary);
        this.attribution = phrases(source.attribution(), macros, negations, negation, vocabulary);
        this.history = phrases(source.historyMarkers(), macros, negations, negation, vocabulary);
        this.past = phrases(source.pastMarkers(), macros, negations, negation, vocabulary);
        this.present = phrases(source.presentMarkers(), macros, negations, negation, vocabulary);
        this.exclusions = phrases(source.exclusions(), macros, negations, negation, vocabulary);
        this.hedges = phrases(source.hedges(), macros, negations, negation, vocabulary);
        this.hypotheticals = phrases(source.hypotheticals(), macros, negations, negation, vocabulary);
        this.disavowals = phrases(source.disavowals(), macros, negations, negation, vocabulary);
        this.spellings = spellings(source.spellings());
        List<Rule> rules = new ArrayList<>();
        for (CrisisGroup group : source.crisis()) {
            for (String phrase : group.phrases()) {
                rules.add(new Rule(group.level(), group.topic(), group.signal(),
                        Phrase.compile(phrase, macros, negations, negation)));
            }
        }
        this.crisis = List.copyOf(rules);
        this.crisisIndex = new PhraseIndex(rules.stream().map(Rule::phrase).toList(), vocabulary);
        this.concepts = new Concepts(source.concepts(), macros, negations, negation, clauseBreak, firstPerson, past,
                present, vocabulary);
        List<WarningRule> warningRules = new ArrayList<>();
        for (WarningGroup group : source.contentWarnings()) {
            Set<ContentWarning> set = EnumSet.copyOf(group.warnings());
            for (String phrase : group.phrases()) {
                warningRules.add(new WarningRule(set, Phrase.compile(phrase, macros, negations, negation)));
            }
        }
        this.warnings = List.copyOf(warningRules);
        this.warningIndex = new PhraseIndex(warningRules.stream().map(WarningRule::phrase).toList(), vocabulary);
    }

    /** A lexicon alone, with a vocabulary of its own. */
    static Lexicon load(String resource) {
        return load(resource, new Vocabulary());
    }

    /** A lexicon whose phrase indexes number their words in {@code vocabulary}, shared by a set of lexicons. */
    static Lexicon load(String resource, Vocabulary vocabulary) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
            }
            return new Lexicon(YAML.readValue(in, Source.class), vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lexicon " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the writer states in their own words that they will not act ("I'm not going to do anything.", "no voy
     * a hacer nada", "nic sobie nie zrobię"): see {@link SafetyCheck} for what that changes. It lowers a level, so
     * it counts only when it is plainly the writer's: a clause of its own (at the start of a sentence, after a comma
     * or a clause break: not "I can't promise I'm not going to do anything"), never quoted, never after a reporting,
     * attribution, hedge or hypothetical cue in its sentence ("he said", "if").
     */
    boolean disavows(Sentence s) {
        for (PhraseIndex.Hit hit : disavowals.matches(s)) {
            int a = hit.from();
            boolean clauseStart = s.startsClause(a) || a > 0 && clauseBreak.contains(s.token(a - 1));
            if (clauseStart && !s.anyQuoted(a, hit.to()) && !cuedBefore(s, a)) {
                return true;
            }
        }
        return false;
    }

    private boolean cuedBefore(Sentence s, int a) {
        for (PhraseIndex cues : List.of(reporting, hedges, hypotheticals)) {
            if (spans(cues, s).stream().anyMatch(cue -> cue.from() < a)) {
                return true;
            }
        }
        return !spans(attribution, s).isEmpty();
    }

    /** How many tokens of the sentence are this language's most common words (to tell the language). */
    int commonWords(Sentence s) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (commonWord.contains(s.token(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The signals this language's phrases find in one sentence, adding the content warnings their topics suggest
     * (those also for negated, quoted and reported mentions: they are about what readers will read).
     *
     * <p>
     * Fails safe: negation, hedges, hypotheticals, idioms, quotation and reported speech lower a phrase only when
     * the phrase lies inside their own span, and a span ends where the writer starts a new first-person statement
     * ("he told me to go back to my country i just want to kill myself": the cue's span ends at "i"). When a rule
     * covers only part of a phrase, or only hedges it, the rules disagree and the phrase gives CONCERN, never NONE.
     *
     * @param context the lexicon of the language the sentence is written in, or null when unknown. Its negations,
     *        clause breaks and cues apply too: a Spanish phrase ("me suicido") in a Portuguese sentence is negated
     *        by "não", which only the Portuguese lexicon knows.
     * @param concepts how far this language's concepts run in the sentence: all where the sentence may be written in
     *        it, URGENT combinations only where no language can be told, none where another language is its own
     */
    List<Finding> assess(Sentence s, Lexicon context, ConceptReach concepts, List<Span> excluded,
            Set<ContentWarning> suggested) {
        List<Lexicon> scope = context == null || context == this ? List.of(this) : List.of(this, context);
        List<Rule> rules = new ArrayList<>();
        List<Span> found = new ArrayList<>();
        matchCrisisRules(s, excluded, rules, found, concepts);
        if (found.isEmpty()) {
            return List.of();
        }
        Cues cue = Cues.in(s, scope);
        List<Finding> findings = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Finding finding = judge(s, scope, cue, excluded, found, rules.get(k), found.get(k), suggested);
            if (finding != null) {
                findings.add(finding);
            } else if (rules.get(k).level() != CrisisLevel.NONE) {
                findings.add(new Finding(rules.get(k).signal(), CrisisLevel.NONE, true)); // heard, and set aside
            }
        }
        return findings;
    }

    /**
     * What one matched rule says once the sentence's idioms, quotes, reported speech, negation, hedges, hypotheticals
     * and past are weighed (see {@link #assess}); null when they take it away entirely.
     */
    private Finding judge(Sentence s, List<Lexicon> scope, Cues cue, List<Span> excluded, List<Span> found,
            Rule rule, Span match, Set<ContentWarning> suggested) {
        Span span = ownStatement(s, scope, rule.phrase(), match);
        int a = span.from();
        int b = span.to();
        if (overlapsAny(excluded, b - 1, b)) {
            return null; // an idiom holds the phrase's last word, the crisis word: "I want to die my hair blue"
        }
        boolean doubt = overlapsAny(excluded, a, b); // the idiom holds only the start of the phrase
        boolean latent = rule.level() == CrisisLevel.NONE; // counts only with despair elsewhere (SafetyCheck)
        if (!latent) {
            suggested.addAll(rule.topic().warnings);
        }
        if (s.allQuoted(a, b)) {
            return null;
        }
        doubt |= s.anyQuoted(a, b);
        Suppression reported = reported(s, scope, cue.reporting(), cue.attributions(), a, b,
                rule.level() == CrisisLevel.URGENT);
        if (reported == Suppression.CLEAN) {
            return null;
        }
        doubt |= reported == Suppression.DOUBT;
        CrisisSignal signal = rule.signal();
        CrisisLevel assessed = rule.level();
        if (negated(s, scope, found, a)) {
            if (latent || !rule.topic().selfDirected() || scope.stream().noneMatch(l -> l.history.anyIn(s))) {
                return null;
            }
            signal = CrisisSignal.HISTORY; // "I don't cut anymore"
            assessed = CrisisLevel.CONCERN;
        }
        doubt |= startsInside(s, scope, cue.hedged(), a, NEGATION_WINDOW)
                || startsInside(s, scope, cue.hypothetical(), a, HYPOTHETICAL_REACH);
        if (assessed == CrisisLevel.URGENT && scope.stream().anyMatch(l -> aboutThePast(s, l.past, l.present, a, b))) {
            signal = CrisisSignal.HISTORY; // "when I was sixteen"
            assessed = CrisisLevel.CONCERN;
        }
        if (doubt && assessed == CrisisLevel.URGENT) {
            assessed = CrisisLevel.CONCERN;
        }
        if (latent && doubt) {
            return null;
        }
        return new Finding(signal, assessed, assessed != rule.level());
    }

    /**
     * Every match of a crisis rule in the sentence, then, if the sentence is written in this language, every
     * combination of the concept layer: the rule, and the tokens it covers (same index in both lists).
     */
    private void matchCrisisRules(Sentence s, List<Span> excluded, List<Rule> rules, List<Span> found,
            ConceptReach reach) {
        for (PhraseIndex.Hit hit : crisisIndex.matches(s)) {
            rules.add(crisis.get(hit.phrase()));
            found.add(new Span(hit.from(), hit.to()));
        }
        // concepts are common words: all of them only in their own language
        if (reach != ConceptReach.NONE) {
            concepts.match(s, excluded, rules, found, reach == ConceptReach.URGENT_ONLY);
        }
    }

    /** How far a lexicon's concepts run in a sentence (see {@link #assess}). */
    enum ConceptReach {
        NONE, URGENT_ONLY, ALL
    }

    /** The spans of the sentence that may lower a crisis phrase near them, from every lexicon in scope. */
    private record Cues(List<Span> reporting, List<Span> attributions, List<Span> hedged, List<Span> hypothetical) {

        static Cues in(Sentence s, List<Lexicon> scope) {
            Cues c = new Cues(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Lexicon lexicon : scope) {
                c.reporting.addAll(spans(lexicon.reporting, s));
                c.attributions.addAll(spans(lexicon.attribution, s));
                c.hedged.addAll(spans(lexicon.hedges, s));
                c.hypothetical.addAll(spans(lexicon.hypotheticals, s));
            }
            return c;
        }
    }

    /**
     * The shortest form of a match that starts at a first-person subject: a gap in a phrase may swallow the end of
     * the statement before ("my mum says i'm lazy i want to die" matches "i'm ~2 want to die"), and the suppression
     * rules must see where the writer's own statement starts ("i want to die").
     */
    private static Span ownStatement(Sentence s, List<Lexicon> scope, Phrase phrase, Span match) {
        if (phrase == null) {
            return match; // a concept combination already starts at the writer's "I"
        }
        for (int t = match.to() - 1; t > match.from(); t--) {
            if (!isFirstPerson(scope, s.token(t))) {
                continue;
            }
            int end = phrase.matchAt(s, t);
            if (end > t) {
                return new Span(t, end);
            }
        }
        return match;
    }

    void suggestWarnings(Sentence s, List<Span> excluded, Set<ContentWarning> suggested) {
        for (PhraseIndex.Hit hit : warningIndex.matches(s)) {
            // a match inside an idiom suggests nothing ("cut me some slack")
            if (!overlapsAny(excluded, hit.from(), hit.to())) {
                suggested.addAll(warnings.get(hit.phrase()).warnings());
            }
        }
    }

    /** Token spans of every match of these phrases in the sentence. */
    static List<Span> spans(PhraseIndex phrases, Sentence s) {
        List<Span> out = new ArrayList<>();
        for (PhraseIndex.Hit hit : phrases.matches(s)) {
            out.add(new Span(hit.from(), hit.to()));
        }
        return out;
    }

    /**
     * A negation word shortly before the phrase, in the same clause: "I would never kill myself". A negation that
     * belongs to another crisis phrase ("ich kann nicht mehr" in "ich kann nicht mehr heute nehme ich alle
     * Tabletten", written without punctuation) expresses distress and negates nothing after it. Nor does a negation
     * before a phrase that opens with the writer as its subject: that is a new statement ("no one cares i want to
     * die"); hedges that do reach into the next statement ("not that I want to die") are listed as such.
     */
    private static boolean negated(Sentence s, List<Lexicon> scope, List<Span> phrases, int a) {
        if (isFirstPerson(scope, s.token(a))) {
            return false;
        }
        for (int i = a - 1; i >= 0 && i >= a - NEGATION_WINDOW; i--) {
            String token = s.token(i);
            if (s.isComma(i) || isBreak(scope, token)) {
                return false;
            }
            if (insidePhraseBefore(phrases, i, a)) {
                continue;
            }
            if (isNegation(scope, token)) {
                return true;
            }
            if (isFirstPerson(scope, token)) {
                return false; // "not ok i really want to die": the negation is in the statement before
            }
        }
        return false;
    }

    private static boolean isNegation(List<Lexicon> scope, String token) {
        for (Lexicon lexicon : scope) {
            if (lexicon.negation.contains(token)) {
                return true;
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
            if (lexicon.clauseBreak.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelf(List<Lexicon> scope, String token) {
        for (Lexicon lexicon : scope) {
            if (lexicon.selfSubject.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** A first-person subject pronoun: where the writer starts a statement of their own ("i", "je", "ich"). */
    private static boolean isFirstPerson(List<Lexicon> scope, String token) {
        for (Lexicon lexicon : scope) {
            if (lexicon.firstPerson.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Someone else's words: reported before the phrase in the same clause ("he told me to kill myself", "they said
     * I'm worthless", "he told me that ..."), unless the writer reports their own ("I told my therapist I want to
     * die"); or attributed anywhere in the clause, commas included ("according to that politician, I'm a burden").
     * The reported words have one subject: a first-person subject right after the cue ("they said I'm a burden").
     * Another one between the cue and the phrase starts the writer's own statement, which counts ("he told me to go
     * back to my country i just want to kill myself"). An URGENT phrase in the first person after a cue may be
     * either, so it is in doubt: CONCERN.
     */
    private static Suppression reported(Sentence s, List<Lexicon> scope, List<Span> cues, List<Span> attributions,
            int a, int b, boolean urgent) {
        for (Span cue : cues) {
            if (cue.to() > a || cue.from() > 0 && isSelf(scope, s.token(cue.from() - 1))) {
                continue;
            }
            int i = cue.to();
            while (i < a && (s.isComma(i) || isBreak(scope, s.token(i)))) {
                i++; // "told me, ...", "said that ...", "dijo que ..."
            }
            if (noBreak(s, scope, i, a, false) && !newStatement(s, scope, i + 1, a + 1)
                    && !quoteBetween(s, i, a)) {
                // "they said I'm worthless" is theirs; "my dad says I want to kill myself" may be mine: CONCERN
                return urgent && isFirstPerson(scope, s.token(a)) ? Suppression.DOUBT : Suppression.CLEAN;
            }
        }
        for (Span cue : attributions) {
            if (cue.to() <= a) {
                // "according to that politician, I'm a burden": the first subject after the cue is the attributed one
                if (noBreak(s, scope, cue.to(), a, true) && !newStatement(s, scope, cue.to(), a)) {
                    return Suppression.CLEAN;
                }
            } else if (cue.from() >= b && noBreak(s, scope, b, cue.from(), true)
                    && !newStatement(s, scope, b, cue.from()) && !newStatement(s, scope, cue.to(), s.size())) {
                // "I'm a burden, my dad says": only the last statement before the cue is his, and only when no
                // statement of the writer's follows the cue, which it might introduce instead
                return Suppression.CLEAN;
            }
        }
        return Suppression.NONE;
    }

    /**
     * Whether a quotation ends between the cue and an unquoted phrase: the quotation was what they said, and the
     * words after it are the writer's own ("he said "go hang yourself" and honestly now I want to die").
     */
    private static boolean quoteBetween(Sentence s, int from, int a) {
        for (int i = Math.max(0, from); i < a; i++) {
            if (s.quoted(i) && !s.quoted(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a first-person subject occurs in tokens [from, to): the writer speaking for themselves. */
    private static boolean newStatement(Sentence s, List<Lexicon> scope, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < s.size(); i++) {
            if (isFirstPerson(scope, s.token(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the phrase starting at {@code a} lies in the span of one of these cues (a hedge: "not that I ...", a
     * hypothetical: "if I ever ..."): after the cue, in the same clause, and not in a new first-person statement
     * (the cue's own subject is the token right after it: "if i ever wanted to die" is inside, "if they deport me i
     * will kill myself" is not), and at most {@code reach} tokens after the cue.
     */
    private static boolean startsInside(Sentence s, List<Lexicon> scope, List<Span> cues, int a, int reach) {
        for (Span cue : cues) {
            if (cue.to() > a || a - cue.to() > reach) {
                continue;
            }
            if (noBreak(s, scope, cue.to(), a, false) && !newStatement(s, scope, cue.to() + 1, a + 1)) {
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

    /**
     * Whether the words in tokens [a, b) tell of the past: the sentence has a past marker ("used to", "früher"), and
     * no present marker stands between the last one before those words and their end ("used to be once a week, now
     * it's every night and deeper each time", "used to be scratches, this month stitches twice" are about now; "I used
     * to want to die, now I'm fine" is not). A present marker that is the words' own last one ("when I was sixteen I
     * took all my pills, I'm in a better place now") does not bring them into the present.
     * A past marker only after the words looks back from a present that the sentence names: "the cuts keep getting
     * deeper and it's 3x a day now, used to be once a week" is about now, "I wanted to die when I was sixteen" is not.
     */
    static boolean aboutThePast(Sentence s, PhraseIndex past, PhraseIndex present, int a, int b) {
        List<Span> then = spans(past, s);
        if (then.isEmpty()) {
            return false;
        }
        int last = -1;
        int firstAfter = Integer.MAX_VALUE;
        for (Span span : then) {
            if (span.from() < b) { // before the words or inside them ("used to be small cuts, now stitches")
                last = Math.max(last, span.to());
            } else {
                firstAfter = Math.min(firstAfter, span.from());
            }
        }
        for (Span now : spans(present, s)) {
            if (last >= 0 ? now.from() >= last && now.to() < b : now.to() <= firstAfter) {
                return false;
            }
        }
        return true;
    }

    static boolean overlapsAny(List<Span> spans, int a, int b) {
        for (Span span : spans) {
            if (span.overlaps(a, b)) {
                return true;
            }
        }
        return false;
    }

    /** Casual spellings, folded, each to the tokens it stands for ("tonite" to "tonight", "rn" to "right now"). */
    private static Map<String, List<String>> spellings(Map<String, String> source) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        source.forEach((casual, meant) -> out.put(Folding.fold(casual.trim()),
                List.of(Folding.fold(meant.trim()).split(" +"))));
        return Map.copyOf(out);
    }

    private static PhraseIndex phrases(List<String> sources, Map<String, String> macros, List<String> negations,
            TokenSet negation, Vocabulary vocabulary) {
        return new PhraseIndex(sources.stream().map(p -> Phrase.compile(p, macros, negations, negation)).toList(),
                vocabulary);
    }
}
