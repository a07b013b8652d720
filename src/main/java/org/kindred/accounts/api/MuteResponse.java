package org.kindred.accounts.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "Mute", description = "Someone you muted")
public record MuteResponse(
        @Schema(required = true) UUID accountId,
        @Schema(required = true, ref = ApiTypes.HANDLE, example = "some_handle") String handle,
        @Schema(nullable = true, maxLength = 50) String displayName,
        @Schema(required = true) Instant mutedAt) {
}
