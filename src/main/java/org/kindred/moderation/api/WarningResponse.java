package org.kindred.moderation.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Warning", description = "A warning a group's moderators gave you, with their reason")
public record WarningResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID groupId,
        @Schema(nullable = true, description = "The post it is about") UUID postId,
        @Schema(required = true, example = "Please don't share other people's workplaces", maxLength = 1000) String reason,
        @Schema(required = true) Instant createdAt) {
}
