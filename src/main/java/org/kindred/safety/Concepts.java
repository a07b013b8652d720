package org.kindred.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concept layer of one language: small vocabularies of clinical concepts (dying, a means, "all of them", intent
 * and time, preparation, escalation, self-harm, hopelessness, burden, passive wishes), whose combinations in one
 * sentence, close to the writer's own "I", give a crisis signal even when no lexicon phrase says it in those words:
 * "tonight I'm taking every tablet in the box" is a means, a quantity, a time and the writer.
 *
 * <p>
 * A combination becomes a crisis rule match like a phrase match, with its span from the writer's "I" to its last
 * concept, so negation, hedges, hypotheticals, idioms, quotation and reported speech apply to it exactly as to a
 * phrase: only within their own span. A negation before the concepts negates the combination ("I would never take
 * all my pills"); one between them puts it in doubt: CONCERN, never NONE. A third person between the writer's "I" and the concepts ("I know he is
 * going to take all his pills") makes it someone else's and it does not count.
 *
 * <p>
 * Vocabularies are phrases of the {@link Phrase} language (prefixes such as {@code tablet*} stand for stems),
 * folded like the text, under {@code concepts} in each lexicon; {@code SELF} and {@code OTHER} are single tokens.
 */
final class Concepts {

    /**
     * The concepts; DIE to PLANNED, AT_HAND and FINAL can start a combination (triggers), the rest only qualify one. AT_HAND
     * is a means laid out ("the pills are on the table"), FINAL a last word ("enough.", "se acabó.", "خلص.", "goodbye
     * everyone"): each nothing alone, URGENT with the other half (despair, a means) elsewhere in the post. SERIOUS says
     * that thoughts have turned real ("seriously", "for real", "myself"): nothing alone, ACTIVE_IDEATION with DIE.
     */
    enum Concept {
        DIE, MEANS, LETHAL, PREPARATION, SELF_HARM, HOPELESS, BURDEN, PASSIVE, PLACE, PLANNED, ALL, INTENT, ACT, RESEARCH, ESCALATION, ALONE, DONE, HERE, AT_HAND, FINAL, SERIOUS;

        boolean trigger() {
            return ordinal() <= PLANNED.ordinal() || this == AT_HAND || this == FINAL;
        }
    }

    /**
     * A combination: the writer's "I" (if {@code self}; a subject pronoun if {@code subject}) and one concept of each
     * slot, the first slot's the anchor. It gives {@code level}: its signal's, or CONCERN where the concepts point to
     * a category without being sure of it ("the rope is in my car": a lethal means, no intent said), or NONE where it
     * only counts together with despair elsewhere in the post ("I'm on the roof right now").
     */
    record Combo(CrisisSignal signal, Lexicon.Topic topic, boolean self, List<Set<Concept>> slots, boolean subject,
            CrisisLevel level) {
    }

    private record Hit(Concept concept, int from, int to) {
    }

    /**
     * The combinations, URGENT ones first: a CONCERN one does not fire where an URGENT one covers its words, nor
     * in a sentence about the past ("I used to feel hopeless").
     */
    static final List<Combo> COMBOS = List.of(
            combo(CrisisSignal.METHOD, true, EnumSet.of(Concept.MEANS, Concept.LETHAL), EnumSet.of(Concept.ALL)),
            combo(CrisisSignal.METHOD, true, EnumSet.of(Concept.LETHAL),
                    EnumSet.of(Concept.INTENT, Concept.ACT, Concept.RESEARCH, Concept.DIE)),
            combo(CrisisSignal.METHOD, true, EnumSet.of(Concept.MEANS), EnumSet.of(Concept.ACT, Concept.RESEARCH)),
            combo(CrisisSignal.METHOD, true, EnumSet.of(Concept.MEANS), EnumSet.of(Concept.DIE)),
            // a place to jump from and an act, a search, dying, or nobody around ("the spot where nobody walks");
            // a place and a time alone is an evening out ("tonight I'm going to the bridge to watch the fireworks")
            combo(CrisisSignal.PLAN, true, EnumSet.of(Concept.PLACE),
                    EnumSet.of(Concept.ACT, Concept.RESEARCH, Concept.ALONE, Concept.DIE)),
            combo(CrisisSignal.PLAN, true, EnumSet.of(Concept.DIE), EnumSet.of(Concept.INTENT)),
            // "been thinking about how to kill myself", "myślę o tym jak się zabić": the how of one's own death
            combo(CrisisSignal.ACTIVE_IDEATION, true, EnumSet.of(Concept.DIE), EnumSet.of(Concept.RESEARCH)),
            // "think seriously about checking out for good", "ahora pienso en hacerlo yo", "уйти самому": thoughts of one's
            // own death that the writer says have turned serious, or that they would carry out themselves
            combo(CrisisSignal.ACTIVE_IDEATION, true, EnumSet.of(Concept.DIE), EnumSet.of(Concept.SERIOUS)),
            // "already swallowed them 20 min ago", "hab sie schon alle geschluckt": the act is done
            combo(CrisisSignal.IMMINENT, true, EnumSet.of(Concept.LETHAL), EnumSet.of(Concept.DONE)),
            // "worked it all out ... friday night", "planned it for my birthday": a settled "it" and a when or how
            combo(CrisisSignal.PLAN, true, EnumSet.of(Concept.PLANNED),
                    EnumSet.of(Concept.INTENT, Concept.ALONE, Concept.ALL, Concept.ACT)),
            combo(CrisisSignal.PLAN, true, EnumSet.of(Concept.PLANNED, Concept.DIE, Concept.MEANS),
                    EnumSet.of(Concept.ALONE)),
            combo(CrisisSignal.PREPARATION, true, EnumSet.of(Concept.PREPARATION)),
            combo(CrisisSignal.ESCALATING_SELF_HARM, true, EnumSet.of(Concept.SELF_HARM),
                    EnumSet.of(Concept.ESCALATION)),
            combo(CrisisSignal.SELF_HARM, true, EnumSet.of(Concept.SELF_HARM)),
            combo(CrisisSignal.WISH_DEAD, false, EnumSet.of(Concept.PASSIVE)),
            combo(CrisisSignal.BURDEN, false, EnumSet.of(Concept.BURDEN)),
            combo(CrisisSignal.HOPELESSNESS, false, EnumSet.of(Concept.HOPELESS)),
            // when unsure, care: a lethal means of the writer's own ("the rope is in my car"), a settled "it"
            new Combo(CrisisSignal.METHOD, Lexicon.Topic.SUICIDE, true, List.of(EnumSet.of(Concept.LETHAL)), false,
                    CrisisLevel.CONCERN),
            new Combo(CrisisSignal.PLAN, Lexicon.Topic.SUICIDE, true, List.of(EnumSet.of(Concept.PLANNED)), false,
                    CrisisLevel.CONCERN),
            // standing on a roof or a bridge right now: alone an evening out ("on the roof rn watching fireworks"),
            // so it gives nothing by itself (level NONE: latent); with despair elsewhere in the post it is URGENT
            // (SafetyCheck)
            new Combo(CrisisSignal.IMMINENT, Lexicon.Topic.SUICIDE, true,
                    List.of(EnumSet.of(Concept.PLACE), EnumSet.of(Concept.HERE)), false, CrisisLevel.NONE),
            new Combo(CrisisSignal.METHOD, Lexicon.Topic.SUICIDE, true, List.of(EnumSet.of(Concept.AT_HAND)), false,
                    CrisisLevel.NONE),
            new Combo(CrisisSignal.HOPELESSNESS, Lexicon.Topic.HOPELESSNESS, false, List.of(EnumSet.of(Concept.FINAL)),
                    false, CrisisLevel.NONE),
            // dying and a mere "my" is too weak ("he told me to go back to my country and kill myself"): a subject
            new Combo(CrisisSignal.PASSIVE_IDEATION, Lexicon.Topic.SUICIDE, true, List.of(EnumSet.of(Concept.DIE)),
                    true, CrisisLevel.CONCERN));

    /** At most this many tokens from the first to the last concept of a combination: one clause, roughly. */
    static final int WINDOW = 14;
    /** How far before its first concept the writer's "I" may stand ("I have the pills" ... "all of them"). */
    static final int SELF_REACH = 6;

    private final PhraseIndex triggers;
    private final Concept[] triggerConcepts;
    private final PhraseIndex modifiers;
    private final Concept[] modifierConcepts;
    private final TokenSet self;
    private final TokenSet other;
    private final TokenSet negation;
    private final TokenSet clauseBreak;
    private final PhraseIndex past;
    private final PhraseIndex present;
    private final TokenSet subject;

    Concepts(Map<String, List<String>> source, Map<String, String> macros, List<String> negations, TokenSet negation,
            TokenSet clauseBreak, TokenSet subject, PhraseIndex past, PhraseIndex present, Vocabulary vocabulary) {
        List<Phrase> trig = new ArrayList<>();
        List<Concept> trigConcepts = new ArrayList<>();
        List<Phrase> mod = new ArrayList<>();
        List<Concept> modConcepts = new ArrayList<>();
        source.forEach((name, phrases) -> {
            if (name.equals("SELF") || name.equals("OTHER")) {
                return;
            }
            Concept concept = Concept.valueOf(name);
            for (String phrase : phrases) {
                (concept.trigger() ? trig : mod).add(Phrase.compile(phrase, macros, negations, negation));
                (concept.trigger() ? trigConcepts : modConcepts).add(concept);
            }
        });
        this.triggers = new PhraseIndex(trig, vocabulary);
        this.triggerConcepts = trigConcepts.toArray(Concept[]::new);
        this.modifiers = new PhraseIndex(mod, vocabulary);
        this.modifierConcepts = modConcepts.toArray(Concept[]::new);
        this.self = TokenSet.of(source.getOrDefault("SELF", List.of()));
        this.other = TokenSet.of(source.getOrDefault("OTHER", List.of()));
        this.negation = negation;
        this.clauseBreak = clauseBreak;
        this.past = past;
        this.present = present;
        this.subject = subject;
    }

    private static Combo combo(CrisisSignal signal, boolean self, Set<Concept> anchor, Set<Concept> with) {
        return new Combo(signal, topicOf(signal), self, List.of(anchor, with), false, signal.level);
    }

    private static Combo combo(CrisisSignal signal, boolean self, Set<Concept> anchor) {
        return new Combo(signal, topicOf(signal), self, List.of(anchor), false, signal.level);
    }

    private static Lexicon.Topic topicOf(CrisisSignal signal) {
        return switch (signal) {
            case SELF_HARM, ESCALATING_SELF_HARM -> Lexicon.Topic.SELF_HARM;
            case HOPELESSNESS, BURDEN -> Lexicon.Topic.HOPELESSNESS;
            default -> Lexicon.Topic.SUICIDE;
        };
    }

    /**
     * Adds every combination found in the sentence as a crisis rule (without a phrase) and its span, for the
     * suppression rules to judge like a phrase match. Costs one index lookup per token unless a trigger is there.
     */
    void match(Sentence s, List<Lexicon.Span> excluded, List<Lexicon.Rule> rules, List<Lexicon.Span> found) {
        match(s, excluded, rules, found, false);
    }

    /**
     * {@link #match(Sentence, List, List, List)}, with only the URGENT combinations when {@code urgentOnly}: where
     * the sentence's language is unknown, several concepts together still speak ("already swallowed them 20 min
     * ago") while one common word alone ("gun", German "leer") may be another language's word.
     */
    void match(Sentence s, List<Lexicon.Span> excluded, List<Lexicon.Rule> rules, List<Lexicon.Span> found,
            boolean urgentOnly) {
        List<Hit> hits = new ArrayList<>();
        collect(triggers, triggerConcepts, s, hits);
        // an idiom holds the concept: "I could die of embarrassment today" is no plan
        hits.removeIf(hit -> Lexicon.overlapsAny(excluded, hit.from(), hit.to()));
        if (hits.isEmpty()) {
            return;
        }
        collect(modifiers, modifierConcepts, s, hits);
        // a CONCERN combination adds nothing where an URGENT one already holds its words
        List<Lexicon.Span> covered = new ArrayList<>();
        for (Combo combo : COMBOS) {
            boolean isUrgent = combo.level() == CrisisLevel.URGENT;
            if (urgentOnly && !isUrgent) {
                continue;
            }
            for (Hit anchor : hits) {
                if (!combo.slots().get(0).contains(anchor.concept())) {
                    continue;
                }
                Lexicon.Span span = fit(combo, anchor, hits, s);
                // "I used to feel hopeless": no CONCERN
                if (span == null || !isUrgent && (Lexicon.aboutThePast(s, past, present, span.from(), span.to())
                        || Lexicon.overlapsAny(covered, span.from(), span.to()))) {
                    continue;
                }
                Suppression negated = combo.self() ? negation(s, span, hits) : Suppression.NONE;
                if (negated == Suppression.NEGATED
                        || negated == Suppression.DOUBT && combo.level() == CrisisLevel.NONE) {
                    continue;
                }
                // "I have the pills but I won't take all of them": in doubt, CONCERN, never NONE
                CrisisLevel level = negated == Suppression.DOUBT ? CrisisLevel.CONCERN : combo.level();
                rules.add(new Lexicon.Rule(level, combo.topic(), combo.signal(), null));
                found.add(span);
                if (isUrgent) {
                    covered.add(span);
                }
            }
        }
    }

    private static void collect(PhraseIndex index, Concept[] concepts, Sentence s, List<Hit> hits) {
        for (PhraseIndex.Hit hit : index.matches(s)) {
            hits.add(new Hit(concepts[hit.phrase()], hit.from(), hit.to()));
        }
    }

    /**
     * The span of the combination around this anchor: the nearest hit of every other slot, within {@link #WINDOW},
     * starting at the writer's "I" if the combination needs one; null if it does not fit.
     */
    private Lexicon.Span fit(Combo combo, Hit anchor, List<Hit> hits, Sentence s) {
        int from = anchor.from();
        int to = anchor.to();
        for (int k = 1; k < combo.slots().size(); k++) {
            Hit nearest = null;
            int best = Integer.MAX_VALUE;
            for (Hit hit : hits) {
                int distance = Math.max(hit.from() - anchor.to(), anchor.from() - hit.to());
                if (hit != anchor && combo.slots().get(k).contains(hit.concept()) && distance < best
                        && s.quoted(hit.from()) == s.quoted(anchor.from())) {
                    nearest = hit;
                    best = distance;
                }
            }
            if (nearest == null) {
                return null;
            }
            from = Math.min(from, nearest.from());
            to = Math.max(to, nearest.to());
        }
        if (to - from > WINDOW) {
            return null;
        }
        if (!combo.self()) {
            return new Lexicon.Span(from, to);
        }
        int writer = writer(s, from, to, hits);
        if (writer < 0 && !combo.subject() && !s.quoted(anchor.from()) && nobodyElse(s, to, hits)) {
            // a diary without pronouns ("started cutting again", "wrote the note"): nobody else is named, so the
            // writer is the one speaking
            return new Lexicon.Span(from, to);
        }
        boolean isSubject = writer >= 0 && subject.contains(s.token(writer));
        if (writer < 0 || s.quoted(writer) != s.quoted(anchor.from()) || combo.subject() && !isSubject) {
            return null;
        }
        // from the writer's "I" on, or from the first concept when the "I" comes later ("read about a boy who killed
        // himself" in Turkish, where the "I" is the verb's ending at the end)
        for (int t = Math.min(writer + 1, from); t < to; t++) {
            if (!insideHit(hits, t) && other.contains(s.token(t))) {
                return null; // "I know he is going to take all his pills": his crisis, not the writer's
            }
        }
        // the span starts at the writer's "I" when it is a subject ("I", "je", "ich"), so that a reporting verb
        // before it puts the statement in doubt; an object ("me" in "on m'a dit d'aller me pendre") is reported too
        return new Lexicon.Span(isSubject ? Math.min(writer, from) : from, to);
    }

    /** Whether no third person is named in the sentence before the end of the concepts, outside them. */
    private boolean nobodyElse(Sentence s, int to, List<Hit> hits) {
        for (int t = 0; t < to; t++) {
            if (!insideHit(hits, t) && other.contains(s.token(t))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The writer's "I" nearest before the concepts, else the first one among them; -1 if there is none. The object
     * of a dying verb is not the writer speaking ("ce propriétaire va me tuer", "he'll kill me").
     */
    private int writer(Sentence s, int from, int to, List<Hit> hits) {
        for (int t = from - 1; t >= 0 && t >= from - SELF_REACH; t--) {
            if (isWriter(s, t, hits)) {
                return t;
            }
        }
        for (int t = from; t < to; t++) {
            if (isWriter(s, t, hits)) {
                return t;
            }
        }
        return -1;
    }

    private boolean isWriter(Sentence s, int t, List<Hit> hits) {
        if (!self.contains(s.token(t))) {
            return false;
        }
        if (t + 1 < s.size() && other.contains(s.token(t + 1))) {
            return false; // "my dad said something, im killing myself": "my" belongs to the dad, the "im" is the writer
        }
        for (Hit hit : hits) {
            if (hit.concept() == Concept.DIE && hit.from() <= t && t < hit.to()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a negation stands that does not belong to a concept ("not wake up"): before the concepts in the same
     * clause, from the writer's "I" on ("I would never take all my pills"): the combination is negated, like a
     * phrase; between the concepts ("I have the pills but won't take all of them"): in doubt; else nowhere. (A
     * single concept without the writer's "I" is negated by the lexicon's own rule, like a phrase.)
     */
    private Suppression negation(Sentence s, Lexicon.Span span, List<Hit> hits) {
        int first = span.to();
        for (Hit hit : hits) {
            if (hit.from() >= span.from() && hit.to() <= span.to()) {
                first = Math.min(first, hit.from());
            }
        }
        int start = span.from();
        for (int t = start; t < first; t++) {
            if (s.isComma(t)) {
                start = t + 1;
            }
        }
        for (int t = start; t < span.to(); t++) {
            if (negation.contains(s.token(t)) && !insideHit(hits, t)
                    && !(t >= first && contrasted(s, t, span, hits))) {
                return t < first ? Suppression.NEGATED : Suppression.DOUBT;
            }
        }
        return Suppression.NONE;
    }

    /**
     * Whether the clause of a negation ends before the next concept: "hab meine Tabletten nicht genommen sondern
     * gesammelt", "no me las tomé sino que las guardé" negate what comes before the contrast, not the concept after
     * it. A negation with a concept in its own clause ("I have the pills but won't take all of them") still counts,
     * and one before every concept negates them whatever follows ("I would never, ever take all my pills").
     */
    private boolean contrasted(Sentence s, int t, Lexicon.Span span, List<Hit> hits) {
        int next = -1;
        for (Hit hit : hits) {
            if (hit.from() > t && hit.from() < span.to() && (next < 0 || hit.from() < next)) {
                next = hit.from();
            }
        }
        if (next < 0) {
            return false;
        }
        for (int u = t + 1; u < next; u++) {
            if (clauseBreak.contains(s.token(u))) {
                return true;
            }
        }
        return false;
    }

    private enum Suppression {
        NONE, DOUBT, NEGATED
    }

    private static boolean insideHit(List<Hit> hits, int t) {
        for (Hit hit : hits) {
            if (hit.from() <= t && t < hit.to()) {
                return true;
            }
        }
        return false;
    }
}
