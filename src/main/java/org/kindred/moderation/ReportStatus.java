package org.kindred.moderation;

public enum ReportStatus {
    OPEN, RESOLVED, DISMISSED
}
