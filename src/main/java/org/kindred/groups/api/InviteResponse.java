package org.kindred.groups.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Invite")
public record InviteResponse(
        @Schema(required = true) UUID id,
        @Schema(nullable = true, description = "The code to share; only in the response that created it (it is stored hashed)", example = "kinv_3kF9xQ2mT7vB1nZ8xY4w", minLength = 25, maxLength = 25, pattern = "^kinv_[A-Za-z0-9_-]{20}$") String code,
        @Schema(required = true) Instant expiresAt,
        @Schema(required = true, example = "5", minimum = "1", maximum = "1000") int maxUses,
        @Schema(required = true, example = "2", minimum = "0", maximum = "1000") int uses,
        @Schema(required = true) boolean revoked,
        @Schema(required = true) Instant createdAt) {
}
