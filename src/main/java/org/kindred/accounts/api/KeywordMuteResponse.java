package org.kindred.accounts.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KeywordMute", description = "A word or phrase you muted")
public record KeywordMuteResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, minLength = 1, maxLength = 100, example = "custody hearing", description = "As stored: trimmed, lower case, NFC") String phrase,
        @Schema(required = true, example = "true") boolean wholeWord,
        @Schema(nullable = true, example = "2026-12-24T00:00:00Z", description = "When it stops applying; null: until you delete it") Instant expiresAt,
        @Schema(required = true, example = "true", description = "False once `expiresAt` has passed: the mute no longer applies, and stays listed until you delete or extend it") boolean active,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
