package org.kindred.moderation;

/** Why something was reported. WELLBEING_CONCERN is about someone's safety, not a complaint about them. */
public enum ReportReason {
    HARASSMENT, HATE, SPAM, PRIVACY, ILLEGAL, WELLBEING_CONCERN, OTHER
}
