package org.kindred.moderation;

/** What resolving a report does, in the same transaction. */
public enum ReportAction {
    NONE, HIDE_POST, RESTORE_POST, REMOVE_POST, LOCK_THREAD, WARN, BAN_MEMBER, SUSPEND_ACCOUNT
}
