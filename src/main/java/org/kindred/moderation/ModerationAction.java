package org.kindred.moderation;

/** Kinds of moderation-log entries. Stored as text, so new kinds need no migration. */
public enum ModerationAction {
    MEMBER_APPROVED, MEMBER_DENIED, MEMBER_BANNED, MEMBER_UNBANNED, MEMBER_REMOVED, ROLE_CHANGED, RULES_CHANGED, GROUP_SETTINGS_CHANGED, GROUP_ARCHIVED, INVITE_CREATED, INVITE_REVOKED
}
