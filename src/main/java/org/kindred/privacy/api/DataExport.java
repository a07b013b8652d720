package org.kindred.privacy.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything Kindred stores about one member, as one document. Other people appear only where needed for context,
 * and then by handle at most: never their e-mail, never who reported whom.
 */
@Schema(name = "DataExport", description = "Everything stored about you. Other members appear only by handle, and only where needed for context")
public record DataExport(
        @Schema(required = true, description = "Version of this document's format", example = "1") int formatVersion,
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
        @Schema(required = true, description = "Warnings moderators gave you") List<WarningEntry> warnings,
        @Schema(required = true, description = "Moderation actions you took in groups you moderate") List<ModerationEntry> moderationActions) {

    @Schema(name = "DataExportProfile")
    public record Profile(@Schema(required = true) UUID id, @Schema(required = true) String email,
            @Schema(required = true) String handle, @Schema(nullable = true) String displayName,
            @Schema(nullable = true) String country, @Schema(required = true) List<String> languages,
            @Schema(nullable = true) Integer birthYear, @Schema(required = true) List<String> hiddenContentWarnings,
            @Schema(required = true) List<String> roles, @Schema(required = true) String status,
            @Schema(required = true) int guidelinesVersion, @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt, @Schema(required = true) Instant passwordChangedAt) {
    }

    @Schema(name = "DataExportConsent")
    public record ConsentEntry(@Schema(required = true, example = "COMMUNITY_GUIDELINES") String kind,
            @Schema(required = true) int version, @Schema(required = true) Instant acceptedAt) {
    }

    @Schema(name = "DataExportSession")
    public record SessionEntry(@Schema(required = true) UUID id, @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant lastUsedAt, @Schema(required = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt, @Schema(nullable = true) String revokeReason) {
    }

    @Schema(name = "DataExportMembership")
    public record MembershipEntry(@Schema(required = true) UUID groupId, @Schema(required = true) String groupName,
            @Schema(required = true) String role, @Schema(required = true) String status,
            @Schema(required = true) int rulesVersionAccepted, @Schema(nullable = true) String requestMessage,
            @Schema(required = true) Instant requestedAt, @Schema(nullable = true) Instant joinedAt,
            @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String decisionReason,
            @Schema(nullable = true) Instant bannedUntil) {
    }

    @Schema(name = "DataExportGroup")
    public record GroupEntry(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) String slug, @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant archivedAt) {
    }

    @Schema(name = "DataExportPost")
    public record PostEntry(@Schema(required = true) UUID id, @Schema(required = true) UUID groupId,
            @Schema(nullable = true) UUID parentId, @Schema(nullable = true) String title,
            @Schema(required = true) String body, @Schema(required = true) String language,
            @Schema(required = true) List<String> contentWarnings, @Schema(required = true) boolean anonymous,
            @Schema(nullable = true) String supportWanted, @Schema(nullable = true) String replyPolicy,
            @Schema(required = true) String status, @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant editedAt, @Schema(required = true) List<RevisionEntry> revisions) {
    }

    @Schema(name = "DataExportRevision", description = "An earlier version of a post, replaced by an edit")
    public record RevisionEntry(@Schema(nullable = true) String title, @Schema(required = true) String body,
            @Schema(required = true) List<String> contentWarnings, @Schema(required = true) Instant replacedAt) {
    }

    @Schema(name = "DataExportReaction")
    public record ReactionEntry(@Schema(required = true) UUID postId, @Schema(required = true) String kind,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportReport")
    public record ReportEntry(@Schema(required = true) UUID id, @Schema(required = true) String targetType,
            @Schema(required = true) UUID targetId, @Schema(required = true) String reason,
            @Schema(nullable = true) String details, @Schema(required = true) String status,
            @Schema(required = true) Instant createdAt, @Schema(nullable = true) Instant resolvedAt) {
    }

    @Schema(name = "DataExportBlock")
    public record BlockEntry(@Schema(required = true) UUID accountId,
            @Schema(required = true, description = "The blocked member's handle, for context") String handle,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportWarning")
    public record WarningEntry(@Schema(required = true) UUID groupId, @Schema(nullable = true) UUID postId,
            @Schema(required = true) String reason, @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DataExportModerationAction")
    public record ModerationEntry(@Schema(required = true) UUID groupId, @Schema(required = true) String action,
            @Schema(required = true) String targetType, @Schema(nullable = true) UUID targetId,
            @Schema(nullable = true) String reason, @Schema(required = true) Instant createdAt) {
    }
}
