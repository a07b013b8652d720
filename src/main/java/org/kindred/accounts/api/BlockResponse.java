package org.kindred.accounts.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Block", description = "Someone you blocked")
public record BlockResponse(
        @Schema(required = true) UUID accountId,
        @Schema(required = true, example = "some_handle") String handle,
        @Schema(nullable = true) String displayName,
        @Schema(required = true) Instant blockedAt) {
}
