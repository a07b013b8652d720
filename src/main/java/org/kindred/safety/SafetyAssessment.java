package org.kindred.safety;

import java.util.List;

import org.kindred.accounts.ContentWarning;

/**
 * What the safety check found in a text: the crisis level of its writer, where personal information appears (in
 * order, never overlapping) and the content warnings it probably needs (in the enum's order).
 */
public record SafetyAssessment(CrisisLevel crisis, List<PersonalInfoSpan> personalInfo,
        List<ContentWarning> suggestedContentWarnings) {

    public SafetyAssessment {
        personalInfo = List.copyOf(personalInfo);
        suggestedContentWarnings = List.copyOf(suggestedContentWarnings);
    }

    public static SafetyAssessment none() {
        return new SafetyAssessment(CrisisLevel.NONE, List.of(), List.of());
    }
}
