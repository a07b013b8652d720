package org.kindred.privacy.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.platform.openapi.ApiTypes;

/**
 * Everything Kindred stores about one member, as one document. Other people appear only where needed for context,
 * and then by handle at most: never their e-mail, never who reported whom.
 */
@Schema(name = "DataExport", description = "Everything stored about you. Other members appear only by handle, and only where needed for context")
public record DataExport(
        @Schema(required = true, description = "Version of this document's format", example = "1", minimum = "1", maximum = "2147483647") int formatVersion,
        @Schema(required = true) Instant exportedAt,
        @Schema(required = true) Profile account,
        @Schema(required = true) List<ConsentEntry> consents,
        @Schema(required = true, description = "Sign-ins (refresh-token families); tokens themselves are stored only as hashes and are not exported") List<SessionEntry> sessions,
        @Schema(required = true) List<MembershipEntry> memberships,
        @Schema(required = true, description = "Groups you created") List<GroupEntry> groupsCreated,
        @Schema(required = true, description = "Your posts and replies, anonymous ones included, with their edit history") List<PostEntry> posts,
        @Schema(required = true, description = "Your reactions") List<ReactionEntry> reactions,
        @Schema(required = true, description = "Reports you filed") List<ReportEntry> reports,
        @Schema(required = true, description = "Members you blocked") List<BlockEntry> blocks,
        @Schema(required = true, description = "Members you muted (same shape as `blocks`)") List<BlockEntry> mutes,
        @Schema(required = true, description = "Warnings moderators gave you") List<WarningEntry> warnings,
        @Schema(required = true, description = "Moderation actions you took in groups you moderate") List<ModerationEntry> moderationActions,
        @Schema(required = true, description = "Anonymous posts whose author you were shown as a moderator, owner or admin (once per post and day; their authors are not in your export)", maxItems = 100000) List<AuthorReadEntry> anonymousAuthorReads,
        @Schema(required = true, description = "Your notification settings (kinds turned off, quiet hours); empty when you kept the defaults. Notifications themselves are pointers to others' activity and are not exported", maxItems = 1) List<NotificationSettingsEntry> notificationSettings,
        @Schema(required = true, description = "Threads you chose to follow or mute", maxItems = 100000) List<ThreadSubscriptionEntry> threadSubscriptions,
        @Schema(required = true, description = "Your recovery codes: how many are left and when the set was made; empty if you never made any. The codes and their hashes are never exported", maxItems = 1) List<RecoveryCodesEntry> recoveryCodes,
        @Schema(required = true, description = "Words you muted, expired ones included", maxItems = 100) List<KeywordMuteEntry> keywordMutes,
        @Schema(required = true, description = "Sections of newer features, by name: `journal` holds your incident journal (every entry with every version, decrypted, the head of its hash chain, and its attachments with their SHA-256, not their bytes)", implementation = Object.class) java.util.Map<String, Object> sections) {

    @Schema(name = "DataExportProfile")
    public record Profile(@Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "Null if the account has no e-mail address", maxLength = 254, pattern = "^.+@.+\\..+$") String email,
            @Schema(required = true, ref = ApiTypes.HANDLE) String handle,
            @Schema(nullable = true, maxLength = 50) String displayName,
            @Schema(nullable = true, minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN) String country,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class, maxItems = 10) List<String> languages,
            @Schema(nullable = true, minimum = "1900", maximum = "2100") Integer birthYear,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ContentWarning.class, maxItems = 20) List<String> hiddenContentWarnings,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.Role.class, maxItems = 3, uniqueItems = true) List<String> roles,
            @Schema(required = true, enumeration = {
                    "ACTIVE", "SUSPENDED", "DELETED"}) String status,
            @Schema(required = true, minimum = "1", maximum = "2147483647") int guidelinesVersion,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt, @Schema(required = true) Instant passwordChangedAt,
            @Schema(nullable = true, description = "When a link mailed to `email` was last followed; null if never") Instant emailVerifiedAt,
            @Schema(required = true, enumeration = {"HIDE",
                    "COLLAPSE"}, description = "How hidden content warnings apply to your lists") String contentWarningMode){
    }

    @Schema(name = "DataExportConsent")
    public record ConsentEntry(@Schema(required = true, example = "COMMUNITY_GUIDELINES", maxLength = 32) String kind,
            @Schema(required = true, minimum = "0", maximum = "2147483647") int version,
            @Schema(required = true) Instant acceptedAt) {
    }

    @Schema(name = "DataExportSession")
    public record SessionEntry(@Schema(required = true) UUID id, @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant lastUsedAt, @Schema(required = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt, @Schema(nullable = true, maxLength = 32) String revokeReason,
            @Schema(nullable = true, maxLength = 64, description = "The label your app gave the sign-in") String deviceLabel) {
    }

    @Schema(name = "DataExportMembership")
    public record MembershipEntry(@Schema(required = true) UUID groupId,
            @Schema(required = true, maxLength = 80) String groupName,
            @Schema(required = true, maxLength = 16, example = "MEMBER") String role,
            @Schema(required = true, maxLength = 16, example = "ACTIVE") String status,
            @Schema(required = true, minimum = "0", maximum = "2147483647") int rulesVersionAccepted,
            @Schema(nullable = true, maxLength = 1000) String requestMessage,
            @Schema(required = true) Instant requestedAt, @Schema(nullable = true) Instant joinedAt,
            @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true, maxLength = 500) String decisionReason,
            @Schema(nullable = true) Instant bannedUntil) {
    }

    @Schema(name = "DataExportGroup")
    public record GroupEntry(@Schema(required = true) UUID id, @Schema(required = true, maxLength = 80) String name,
            @Schema(required = true, maxLength = 80, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
            @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant archivedAt) {
    }

    @Schema(name = "DataExportPost")
    public record PostEntry(@Schema(required = true) UUID id, @Schema(required = true) UUID groupId,
            @Schema(nullable = true) UUID parentId, @Schema(nullable = true, maxLength = 200) String title,
            @Schema(required = true, maxLength = 10000) String body,
            @Schema(required = true, ref = ApiTypes.LANGUAGE_TAG) String language,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ContentWarning.class, maxItems = 14, uniqueItems = true) List<String> contentWarnings,
            @Schema(required = true) boolean anonymous,
            @Schema(nullable = true, maxLength = 16, example = "LISTENING") String supportWanted,
            @Schema(nullable = true, maxLength = 24, example = "GROUP") String replyPolicy,
            @Schema(required = true, maxLength = 20, example = "PUBLISHED") String status,
            @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant editedAt, @Schema(required = true) List<RevisionEntry> revisions) {
    }

    @Schema(name = "DataExportRevision", description = "An earlier version of a post, replaced by an edit")
    public record RevisionEntry(@Schema(nullable = true, maxLength = 200) String title,
            @Schema(required = true, maxLength = 10000) String body,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ContentWarning.class, maxItems = 14, uniqueItems = true) List<String> contentWarnings,
            @Schema(required = true) Instant replacedAt) {
    }

    @Schema(name = "DataExportReaction")
    public record ReactionEntry(@Schema(required = true) UUID postId,
            @Schema(required = true, maxLength = 20, example = "I_BELIEVE_YOU") String kind,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportReport")
    public record ReportEntry(@Schema(required = true) UUID id,
            @Schema(required = true, maxLength = 16, example = "POST") String targetType,
            @Schema(required = true) UUID targetId,
            @Schema(required = true, maxLength = 24, example = "HARASSMENT") String reason,
            @Schema(nullable = true, maxLength = 2000) String details,
            @Schema(required = true, maxLength = 16, example = "OPEN") String status,
            @Schema(required = true) Instant createdAt, @Schema(nullable = true) Instant resolvedAt) {
    }

    @Schema(name = "DataExportBlock")
    public record BlockEntry(@Schema(required = true) UUID accountId,
            @Schema(required = true, description = "The blocked member's handle, for context", minLength = 3, maxLength = 30, pattern = ApiTypes.HANDLE_PATTERN) String handle,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportWarning")
    public record WarningEntry(@Schema(required = true) UUID groupId, @Schema(nullable = true) UUID postId,
            @Schema(required = true, maxLength = 1000) String reason, @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportModerationAction")
    public record ModerationEntry(@Schema(required = true) UUID groupId,
            @Schema(required = true, maxLength = 40, example = "MEMBER_BANNED") String action,
            @Schema(required = true, maxLength = 16, example = "POST") String targetType,
            @Schema(nullable = true) UUID targetId,
            @Schema(nullable = true, maxLength = 1000) String reason, @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportAnonymousAuthorRead")
    public record AuthorReadEntry(@Schema(required = true) UUID groupId, @Schema(required = true) UUID postId,
            @Schema(required = true) Instant readAt) {
    }

    @Schema(name = "DataExportNotificationSettings")
    public record NotificationSettingsEntry(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.NotificationKindName.class, maxItems = 12) List<String> disabledKinds,
            @Schema(nullable = true, maxLength = 5, example = "22:00") String quietFrom,
            @Schema(nullable = true, maxLength = 5, example = "07:30") String quietUntil,
            @Schema(required = true, maxLength = 64, example = "Europe/Berlin") String timeZone,
            @Schema(required = true) Instant updatedAt) {
    }

    @Schema(name = "DataExportThreadSubscription")
    public record ThreadSubscriptionEntry(@Schema(required = true) UUID threadId,
            @Schema(required = true, maxLength = 8, example = "MUTE") String mode,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportRecoveryCodes")
    public record RecoveryCodesEntry(@Schema(required = true, minimum = "0", maximum = "10") int remaining,
            @Schema(required = true, minimum = "0", maximum = "10") int used,
            @Schema(required = true) Instant generatedAt) {
    }

    @Schema(name = "DataExportKeywordMute")
    public record KeywordMuteEntry(@Schema(required = true, maxLength = 100, example = "custody hearing") String phrase,
            @Schema(required = true) boolean wholeWord, @Schema(nullable = true) Instant expiresAt,
            @Schema(required = true) Instant createdAt) {
    }
}
