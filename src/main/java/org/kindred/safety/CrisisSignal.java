package org.kindred.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a text got its crisis level: the steps of the Columbia Suicide Severity Rating Scale (C-SSRS) ladder, plus
 * hopelessness, feeling a burden, a history of suicidality or self-harm, and danger from other people. Each signal
 * has the level it gives on its own; a signal whose words a suppression rule puts in doubt (a hedge, a partial quote,
 * a hypothetical) gives CONCERN at most.
 */
@Schema(description = """
        Which kind of crisis language was found. CONCERN: WISH_DEAD (wishes to be dead or not to wake up), \
        PASSIVE_IDEATION (thoughts of not existing, nobody would miss me), HOPELESSNESS, BURDEN (others better off), \
        SELF_HARM (urges or self-harm without escalation), HISTORY (past suicidality or self-harm), UNSAFE (afraid \
        of someone, no immediate emergency). URGENT: ACTIVE_IDEATION (wants to die, suicidal), METHOD (how), INTENT \
        (will do it), PLAN (decided when or how), PREPARATION (note, goodbye, giving things away, means ready), \
        ESCALATING_SELF_HARM (deeper, more, cannot stop), IMMINENT (now, tonight, has just taken an overdose), \
        DANGER (in immediate danger from someone else).""")
public enum CrisisSignal {
    WISH_DEAD(CrisisLevel.CONCERN), PASSIVE_IDEATION(CrisisLevel.CONCERN), ACTIVE_IDEATION(CrisisLevel.URGENT), METHOD(
            CrisisLevel.URGENT), INTENT(CrisisLevel.URGENT), PLAN(CrisisLevel.URGENT), PREPARATION(
                    CrisisLevel.URGENT), SELF_HARM(CrisisLevel.CONCERN), ESCALATING_SELF_HARM(
                            CrisisLevel.URGENT), IMMINENT(
                                    CrisisLevel.URGENT), HOPELESSNESS(CrisisLevel.CONCERN), BURDEN(
                                            CrisisLevel.CONCERN), HISTORY(CrisisLevel.CONCERN), UNSAFE(
                                                    CrisisLevel.CONCERN), DANGER(CrisisLevel.URGENT);

    /** The level this signal gives when nothing lowers it. */
    public final CrisisLevel level;

    CrisisSignal(CrisisLevel level) {
        this.level = level;
    }
}
