package org.kindred.moderation;

/** Who raised a report: a member, or the service itself for posts held for care, held or flagged by a keyword rule. */
public enum ReportSource {
    MEMBER, SAFETY_CHECK, KEYWORD_RULE
}
