package org.kindred.privacy;

import java.util.Map;

/**
 * The reviewed map of every column that references an account, and what export and erasure do with it. A test
 * compares it with the foreign keys in the schema: a new table that references accounts fails the build until it is
 * added here, either to the export or to the exclusions with a reason. Erasure deletes or blanks most rows; the
 * moderation log's actors and the reads of anonymous authors stay, under the tombstone handle, as the groups' record
 * of who acted and who looked.
 */
public final class PersonalData {

    /** Columns whose rows are in the export, with the export section that holds them. */
    public static final Map<String, String> EXPORTED = Map.ofEntries(
            Map.entry("consents.account_id", "consents"),
            Map.entry("auth_sessions.account_id", "sessions"),
            Map.entry("memberships.account_id", "memberships"),
            Map.entry("groups.created_by", "groupsCreated"),
            Map.entry("posts.author_id", "posts"),
            Map.entry("reactions.account_id", "reactions"),
            Map.entry("reports.reporter_id", "reports"),
            Map.entry("blocks.blocker_id", "blocks"),
            Map.entry("mutes.muter_id", "mutes"),
            Map.entry("warnings.account_id", "warnings"),
            Map.entry("moderation_log.actor_id", "moderationActions"),
            Map.entry("anonymous_author_reads.reader_id", "anonymousAuthorReads"),
            Map.entry("notification_settings.account_id", "notificationSettings"),
            Map.entry("thread_subscriptions.account_id", "threadSubscriptions"),
            Map.entry("recovery_codes.account_id", "recoveryCodes"),
            Map.entry("keyword_mutes.account_id", "keywordMutes"),
            Map.entry("journal_entries.account_id", "sections.journal"),
            Map.entry("journal_revisions.account_id", "sections.journal"),
            Map.entry("journal_attachments.account_id", "sections.journal"));

    /** Columns left out of the export on purpose, and why. */
    public static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("idempotency_keys.account_id",
                    "a 24-hour replay cache of responses already sent to the member; erased with the account"),
            Map.entry("blocks.blocked_id", "another member's decision to block this member; theirs, not this member's"),
            Map.entry("mutes.muted_id",
                    "another member's decision to mute this member; theirs, and muting must stay unnoticeable"),
            Map.entry("reports.target_account_id",
                    "reports about this member: exporting them would reveal who reported whom; outcomes reach the member as warnings"),
            Map.entry("reports.resolved_by", "a moderator's decision on someone else's report"),
            Map.entry("memberships.decided_by", "a moderator's decision on someone else's membership"),
            Map.entry("warnings.issued_by", "a moderator's action concerning another member"),
            Map.entry("group_invites.created_by",
                    "a moderation tool of the group (codes are stored hashed); not personal data"),
            Map.entry("group_keyword_rules.created_by", "a moderation tool of the group, not personal data"),
            Map.entry("partners.created_by", "platform administration of partner organisations"),
            Map.entry("partner_api_keys.created_by", "platform administration of partner keys"),
            Map.entry("partner_api_keys.revoked_by", "platform administration of partner keys"),
            Map.entry("account_links.account_id",
                    "single-use links mailed to the member (hashed tokens; the address is in the profile); erased with the account"),
            Map.entry("care_notes.account_id",
                    "a note that someone cared, with no content, no reporter and no post; erased with the account"),
            Map.entry("notifications.recipient_id",
                    "content-free pointers (kind, ids, counts) to other members' activity, derived and short-lived; erased with the account"),
            Map.entry("journals.account_id",
                    "the member's journal data key, wrapped by the service's key-encryption key, and the chain head (in the export); deleted first on erasure"),
            Map.entry("journal_attachment_blobs.account_id",
                    "the encrypted bytes of the member's journal attachments, listed with their SHA-256 in sections.journal and downloadable one by one; deleted on erasure"),
            Map.entry("journal_reminder_plans.account_id",
                    "the member's reminder settings for a journal entry (country, last act, paused days, time zone), encrypted with the journal key and shown by GET /api/v1/me/journal/entries/{entryId}/reminders; shredded and deleted with the journal"),
            Map.entry("journal_reminders.account_id",
                    "due times of deadline reminders derived from the entry and its plan (shown by the same endpoint); deleted with the journal"),
            Map.entry("push_subscriptions.account_id",
                    "the member's devices for Web Push: the endpoint is a secret capability of the browser, so it is never shown or exported (GET /api/v1/me/push-subscriptions lists the devices); deleted on erasure"),
            Map.entry("resource_changes.actor_account_id",
                    "the curated library's change log, kept for accountability"));

    private PersonalData() {
    }
}
