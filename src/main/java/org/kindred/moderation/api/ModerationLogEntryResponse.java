package org.kindred.moderation.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.moderation.ModerationLogAction;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "ModerationLogEntry", description = "One action in a group's moderation log. Members see the actor as \"moderator\", and no "
        + "account targets nor the reasons given about accounts; moderators see handles and every reason.")
public record ModerationLogEntryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "MEMBER_BANNED", implementation = ModerationLogAction.class) String action,
        @Schema(required = true, description = "\"moderator\" for members; the handle for moderators; \"system\" for automatic actions", example = "moderator", maxLength = 30) String actor,
        @Schema(required = true, enumeration = {
                "ACCOUNT", "POST", "GROUP", "INVITE"}) String targetType,
        @Schema(nullable = true, description = "Null for account targets when you are not a moderator") UUID targetId,
        @Schema(nullable = true, description = "The handle of an account target, for moderators", minLength = 3, maxLength = 30, pattern = ApiTypes.HANDLE_PATTERN) String targetHandle,
        @Schema(nullable = true, description = "Why, as the moderator wrote it. Null for account targets (denials, bans, unbans, removals, warnings, role changes, suspensions) when you are not a moderator", maxLength = 1000) String reason,
        @Schema(required = true) Instant createdAt){
}
