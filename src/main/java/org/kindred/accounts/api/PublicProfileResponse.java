package org.kindred.accounts.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "PublicProfile", description = "What any member can see of another member. Nothing else is ever shown.")
public record PublicProfileResponse(
        @Schema(required = true, ref = ApiTypes.HANDLE, example = "amara_k") String handle,
        @Schema(nullable = true, example = "Amara", maxLength = 50) String displayName,
        @Schema(required = true, description = "A verified counsellor, lawyer or facilitator") boolean professional,
        @Schema(required = true) Instant joinedAt) {
}
