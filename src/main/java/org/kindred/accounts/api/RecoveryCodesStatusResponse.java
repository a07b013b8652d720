package org.kindred.accounts.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecoveryCodesStatus", description = "How many of your recovery codes are left; never the codes")
public record RecoveryCodesStatusResponse(
        @Schema(required = true, minimum = "0", maximum = "10", example = "9", description = "Codes not used yet; 0 when you never generated any") int remaining,
        @Schema(nullable = true, example = "2026-11-23T18:00:00Z", description = "When the current set was generated; null if never") Instant generatedAt) {
}
