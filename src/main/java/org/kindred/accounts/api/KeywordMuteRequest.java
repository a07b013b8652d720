package org.kindred.accounts.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KeywordMuteRequest", description = "A word or phrase to leave out of your lists. Give `expiresIn` or `expiresAt` (not both), or neither for a mute that lasts until you delete it")
public record KeywordMuteRequest(
        @NotNull @Size(min = 1, max = 100) @Schema(required = true, minLength = 1, maxLength = 100, description = "Matched case-insensitively in the title and body of posts and replies; stored trimmed, in lower case, Unicode NFC, inner white space collapsed", example = "custody hearing") String phrase,
        @Schema(description = "Match only whole words (not `art` inside `party`); default false", defaultValue = "false", example = "true") Boolean wholeWord,
        @Pattern(regexp = "P1D|P7D|P30D", message = "must be one of P1D, P7D, P30D") @Schema(nullable = true, enumeration = {
                "P1D", "P7D",
                "P30D"}, maxLength = 4, description = "How long the mute lasts from now (ISO 8601 duration); null or absent with no `expiresAt`: until you delete it", example = "P7D") String expiresIn,
        @Schema(nullable = true, description = "When the mute stops applying; must be in the future", example = "2026-12-24T00:00:00Z") Instant expiresAt){
}
