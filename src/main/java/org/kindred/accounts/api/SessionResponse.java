package org.kindred.accounts.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One signed-in device or app of yours")
public record SessionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The session this request was made with") boolean current,
        @Schema(nullable = true, maxLength = 64, description = "The label given at sign-in, if any", example = "Firefox on Linux") String deviceLabel,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Last sign-in or token refresh") Instant lastUsedAt,
        @Schema(required = true, description = "When the session ends even if used") Instant expiresAt) {
}
