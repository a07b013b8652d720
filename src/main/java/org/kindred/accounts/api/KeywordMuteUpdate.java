package org.kindred.accounts.api;

import java.time.Instant;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Merge Patch of a keyword mute. An absent field stays as it is (its accessor returns {@code null}); a field sent
 * as {@code null} returns {@code Optional.empty()}. A class, not a record, to keep that difference (see
 * {@link UpdateMeRequest}).
 */
@Schema(name = "KeywordMuteUpdate", description = "Merge patch: absent fields are unchanged. `expiresIn` or `expiresAt` (not both) sets a new end; "
        + "sending either as null makes the mute last until you delete it. The phrase cannot change: delete the mute and add another")
public final class KeywordMuteUpdate {

    @JsonProperty
    @Schema(nullable = true, enumeration = {"P1D", "P7D",
            "P30D"}, maxLength = 4, description = "A new end, counted from now", example = "P30D")
    private Optional<@Pattern(regexp = "P1D|P7D|P30D", message = "must be one of P1D, P7D, P30D") String> expiresIn;

    @JsonProperty
    @Schema(nullable = true, description = "A new end; must be in the future", example = "2026-12-24T00:00:00Z")
    private Optional<Instant> expiresAt;

    @JsonProperty
    @Schema(description = "Match only whole words", example = "false")
    private Optional<Boolean> wholeWord;

    public Optional<String> expiresIn() {
        return expiresIn;
    }

    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public Optional<Boolean> wholeWord() {
        return wholeWord;
    }
}
