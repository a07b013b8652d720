package org.kindred.notifications;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a notification is about. Each kind names who receives it and which ids it carries; none carries content.
 */
@Schema(description = """
        What happened. Member kinds: `REPLY` (a reply in a thread you follow: your own threads and those you replied \
        to, unless muted), `REACTIONS` (members reacted to your post; `count` says how many, never who), \
        `MEMBERSHIP_DECIDED` (your join request was approved or denied: `outcome`), `REPORT_OUTCOME` (a report you \
        filed was closed: `outcome` ACTION_TAKEN or NO_ACTION, nothing more), `WARNING` (a moderator warned you), \
        `POST_HELD` / `POST_RELEASED` (your post was held for care, or released to the group), \
        `GROUP_RULES_CHANGED` (accept the new rules before posting again), `GUIDELINES_CHANGED` (the community \
        guidelines have a new version: read GET /api/v1/guidelines and accept it before posting again; no ids), \
        `JOURNAL_DEADLINE` (a time limit you asked to be reminded of is near: `journalEntryId` and `daysLeft`, 30, 7 or \
        1; nothing about the incident or the pathway). \
        Moderator kinds, for the moderators of the \
        group: `JOIN_REQUEST`, `REPORT_FILED`, `PENDING_POST` (a post waits for approval) and `CARE_QUEUE` (a post was \
        held for care or shows signs of distress).""")
public enum NotificationKind {
    REPLY, REACTIONS, MEMBERSHIP_DECIDED, REPORT_OUTCOME, WARNING, POST_HELD, POST_RELEASED, GROUP_RULES_CHANGED, JOIN_REQUEST, REPORT_FILED, PENDING_POST, CARE_QUEUE, GUIDELINES_CHANGED, JOURNAL_DEADLINE;

    /** A regular expression matching exactly the kinds' names, for validating query parameters. */
    public static final String PATTERN = "REPLY|REACTIONS|MEMBERSHIP_DECIDED|REPORT_OUTCOME|WARNING|POST_HELD"
            + "|POST_RELEASED|GROUP_RULES_CHANGED|JOIN_REQUEST|REPORT_FILED|PENDING_POST|CARE_QUEUE|GUIDELINES_CHANGED|JOURNAL_DEADLINE";

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("|"));
    }
}
