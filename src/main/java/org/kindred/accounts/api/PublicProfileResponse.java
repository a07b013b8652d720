package org.kindred.accounts.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublicProfile", description = "What any member can see of another member. Nothing else is ever shown.")
public record PublicProfileResponse(
        @Schema(required = true, example = "amara_k") String handle,
        @Schema(nullable = true, example = "Amara") String displayName,
        @Schema(required = true, description = "A verified counsellor, lawyer or facilitator") boolean professional,
        @Schema(required = true) Instant joinedAt) {
}
