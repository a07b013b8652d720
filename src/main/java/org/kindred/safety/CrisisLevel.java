package org.kindred.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How strongly a text signals that its writer may be in crisis, from lowest to highest. */
@Schema(description = """
        NONE: no signal about the writer (negated, quoted or reported words, other people's crises, news and idioms \
        are NONE). CONCERN: hopelessness, passive wishes to be dead, not coping, past self-harm or suicide attempts, \
        feeling unsafe. URGENT: the writer intends, plans or wants to die now, is harming themselves or has just \
        taken an overdose, says goodbye, or is in immediate danger from someone else.""")
public enum CrisisLevel {
    NONE, CONCERN, URGENT;

    /** The higher of the two levels. */
    public CrisisLevel max(CrisisLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
