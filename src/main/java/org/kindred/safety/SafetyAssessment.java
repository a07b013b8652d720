package org.kindred.safety;

import java.util.List;

import org.kindred.accounts.ContentWarning;

/**
 * What the safety check found in a text: the crisis level of its writer, the signals behind it (in the enum's order),
 * where personal information appears (in order, never overlapping), the content warnings it probably needs (in the
 * enum's order) and the language it is mostly written in (null when none could be told).
 */
public record SafetyAssessment(CrisisLevel crisis, List<CrisisSignal> signals, List<PersonalInfoSpan> personalInfo,
        List<ContentWarning> suggestedContentWarnings, String language) {

    public SafetyAssessment {
        signals = List.copyOf(signals);
        personalInfo = List.copyOf(personalInfo);
        suggestedContentWarnings = List.copyOf(suggestedContentWarnings);
    }

    /** An assessment without signals or a language, e.g. when the check could not run and the post is held. */
    public SafetyAssessment(CrisisLevel crisis, List<PersonalInfoSpan> personalInfo,
            List<ContentWarning> suggestedContentWarnings) {
        this(crisis, List.of(), personalInfo, suggestedContentWarnings, null);
    }

    public static SafetyAssessment none() {
        return new SafetyAssessment(CrisisLevel.NONE, List.of(), List.of());
    }
}
