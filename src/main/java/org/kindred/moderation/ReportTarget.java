package org.kindred.moderation;

public enum ReportTarget {
    POST, ACCOUNT, GROUP
}
